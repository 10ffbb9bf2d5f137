package io.aiplatform.api.registration;

import io.aiplatform.api.FieldViolation;
import io.aiplatform.api.registration.Refusals.ConcurrentChange;
import io.aiplatform.api.registration.Refusals.NameTaken;
import io.aiplatform.api.registration.Refusals.RouteTaken;
import io.aiplatform.api.registration.Refusals.SystemNotFound;
import io.aiplatform.contracts.SystemSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Saves a {@link Transition} in one call, inside the caller's transaction: the system's row, its
 * routes, its timeline events and its job (through the outbox, {@link JobRequested}). What
 * PostgreSQL refuses (a held name, a taken route, a row changed meanwhile) is refused as a whole.
 */
@Component
class SystemStore {

  private final Systems systems;
  private final RouteClaims routes;
  private final Timeline timeline;
  private final ApplicationEventPublisher events;

  SystemStore(
      Systems systems, RouteClaims routes, Timeline timeline, ApplicationEventPublisher events) {
    this.systems = systems;
    this.routes = routes;
    this.timeline = timeline;
    this.events = events;
  }

  SystemRow find(UUID systemId) {
    return systems.find(systemId).orElseThrow(() -> new SystemNotFound(systemId));
  }

  /** Saves the transition; answers the system as saved (its version, and so its ETag, moved). */
  SystemRow save(Transition transition) {
    SystemRow after = transition.after();
    SystemRow saved;
    if (transition.before() == null) {
      if (!systems.insert(after)) {
        throw nameTaken(after.spec().systemName());
      }
      saved = after;
    } else if (systems.update(after)) {
      saved = after.saved();
    } else {
      throw new ConcurrentChange();
    }
    routes.release(after.systemId(), transition.release());
    List<RouteClaims.Taken> taken = routes.claim(after.systemId(), transition.claim());
    if (!taken.isEmpty()) {
      throw routeTaken(after.change() == null ? after.spec() : after.change(), taken);
    }
    timeline.append(
        after.systemId(), after.job().generation(), after.job().id(), transition.events());
    if (transition.job() != null) {
      events.publishEvent(new JobRequested(transition.job()));
    }
    return saved;
  }

  private NameTaken nameTaken(String name) {
    return systems
        .holder(name)
        .map(holder -> new NameTaken(NameTexts.taken(name, holder)))
        .orElseGet(() -> new NameTaken("A system named " + name + " was registered just now."));
  }

  private static RouteTaken routeTaken(SystemSpec spec, List<RouteClaims.Taken> taken) {
    List<FieldViolation> violations = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (RouteClaims.Taken t : taken) {
      String text = t.route() + " belongs to system " + t.owner();
      texts.add(text);
      for (int i = 0; i < spec.endpoints().size(); i++) {
        if (spec.endpoints().get(i).routeKey().equals(t.route())) {
          violations.add(new FieldViolation("endpoints[" + i + "]", "the route " + text));
        }
      }
    }
    return new RouteTaken(
        "The route "
            + String.join("; the route ", texts)
            + ". Routes are unique on the platform API.",
        violations);
  }
}
