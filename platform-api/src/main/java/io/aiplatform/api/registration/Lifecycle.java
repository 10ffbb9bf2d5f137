package io.aiplatform.api.registration;

import static io.aiplatform.api.registration.Status.ACTIVE;
import static io.aiplatform.api.registration.Status.DELETED;
import static io.aiplatform.api.registration.Status.DEPROVISIONING;
import static io.aiplatform.api.registration.Status.DEPROVISIONING_FAILED;
import static io.aiplatform.api.registration.Status.PENDING_PROVISIONING;
import static io.aiplatform.api.registration.Status.PROVISIONING_FAILED;
import static io.aiplatform.api.registration.Status.UPDATE_FAILED;
import static io.aiplatform.api.registration.Status.UPDATING;

import io.aiplatform.api.reconcile.ReconcilePolicy;
import io.aiplatform.api.registration.Refusals.InvalidState;
import io.aiplatform.api.registration.SystemRow.Job;
import io.aiplatform.api.registration.SystemRow.Oversight;
import io.aiplatform.api.registration.SystemRow.Provisioned;
import io.aiplatform.api.registration.SystemRow.Stamp;
import io.aiplatform.api.registration.TimelineEvent.ChangeRequested;
import io.aiplatform.api.registration.TimelineEvent.FieldChange;
import io.aiplatform.api.registration.TimelineEvent.JobEnded;
import io.aiplatform.api.registration.TimelineEvent.JobRequested;
import io.aiplatform.api.registration.TimelineEvent.PolicyChanged;
import io.aiplatform.api.registration.TimelineEvent.Registered;
import io.aiplatform.api.registration.TimelineEvent.ResourceStep;
import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningJob.Kind;
import io.aiplatform.contracts.ProvisioningResult;
import io.aiplatform.contracts.SystemSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The life cycle of a system in one place: each transition takes the system as read and answers the
 * next state with its timeline events, its job and the routes it takes or gives up, or refuses. It
 * reads nothing and writes nothing; {@link SystemStore} saves what it answers.
 *
 * <pre>
 * registered ─► pending_provisioning ─► active ⇄ updating ─► update_failed ─► (retry) updating
 *                      │                  │                     │
 *                      ▼                  ▼                     ▼
 *               provisioning_failed   deprovisioning ─► deleted (buckets retained: purge ─► deleted)
 *                                          ▼
 *                                 deprovisioning_failed
 * </pre>
 */
@Component
class Lifecycle {

  private final Clock clock;
  private final Supplier<UUID> ids;

  @Autowired
  Lifecycle(Clock clock) {
    this(clock, UUID::randomUUID);
  }

  Lifecycle(Clock clock, Supplier<UUID> ids) {
    this.clock = clock;
    this.ids = ids;
  }

  /** A new system, waiting for its first provisioning; it takes the routes of its endpoints. */
  Transition register(SystemSpec spec, String subject) {
    return register(spec, null, subject);
  }

  /** A new system with its own reconcile policy ({@code null}: the platform's). */
  Transition register(SystemSpec spec, ReconcilePolicy policy, String subject) {
    Instant now = now();
    Job job = new Job(ids.get(), Kind.PROVISION, 1, false);
    SystemRow row =
        new SystemRow(
            ids.get(),
            spec,
            null,
            PENDING_PROVISIONING,
            job,
            Provisioned.NOTHING,
            new Stamp(0, subject, now, now),
            new Oversight(policy, null));
    return new Transition(
        null,
        row,
        List.of(new Registered(now)),
        row.jobMessage(subject),
        Routes.of(spec),
        Set.of());
  }

  /**
   * Deprovisioning; on a deleted system whose buckets were retained, with {@code deleteData}, the
   * purge of those buckets, which frees its name.
   */
  Transition deprovision(SystemRow row, boolean deleteData, String subject) {
    Status status = row.status();
    if (status == DELETED) {
      if (!deleteData || row.job().deleteData()) {
        throw new InvalidState(
            row.job().deleteData()
                ? "The system is deleted, and so is its data."
                : "The system is deleted and its data buckets were retained; DELETE with"
                    + " delete_data=true purges them.");
      }
    } else if (status == DEPROVISIONING || status == UPDATING) {
      throw new InvalidState(
          "The system is " + status.wire() + "; it cannot be deprovisioned until that ends.");
    }
    return startJob(row, Kind.DEPROVISION, deleteData, subject);
  }

  /** Runs a failed job again: the provisioning, the deprovisioning, or the change. */
  Transition retry(SystemRow row, String subject) {
    return switch (row.status()) {
      case PROVISIONING_FAILED -> startJob(row, Kind.PROVISION, false, subject);
      case DEPROVISIONING_FAILED ->
          startJob(row, Kind.DEPROVISION, row.job().deleteData(), subject);
      case UPDATE_FAILED -> startChange(row, row.change(), subject);
      default ->
          throw new InvalidState(
              "The system is " + row.status().wire() + "; only a failed system can be retried.");
    };
  }

  /** A day-2 change to {@code next}; from {@code active}, or replacing a change that failed. */
  Transition change(SystemRow row, SystemSpec next, String subject) {
    return change(row, next, row.oversight().policy(), subject);
  }

  /**
   * A day-2 change to {@code next} and to the reconcile {@code policy}. A change of the policy
   * alone touches no resource: it is saved at once, with no job and no change of state.
   */
  Transition change(SystemRow row, SystemSpec next, ReconcilePolicy policy, String subject) {
    requireChangeable(row);
    if (!next.systemName().equals(row.spec().systemName())) {
      throw new Refusals.InvalidRequest("system_name", "cannot be changed");
    }
    ReconcilePolicy before = row.oversight().policy();
    if (before == policy) {
      return startChange(row, next, subject);
    }
    FieldChange changed = new FieldChange("reconcile_policy", wire(before), wire(policy));
    if (next.equals(row.spec())) {
      Instant now = now();
      SystemRow after =
          new SystemRow(
              row.systemId(),
              row.spec(),
              row.change(),
              row.status(),
              row.job(),
              row.provisioned(),
              row.stamp().touched(now),
              row.oversight().withPolicy(policy));
      return new Transition(
          row, after, List.of(new PolicyChanged(changed, now)), null, Set.of(), Set.of());
    }
    Transition t = startChange(row, next, subject);
    List<FieldChange> diff = new ArrayList<>(((ChangeRequested) t.events().get(0)).changes());
    diff.add(changed);
    SystemRow after = t.after();
    return new Transition(
        row,
        new SystemRow(
            after.systemId(),
            after.spec(),
            after.change(),
            after.status(),
            after.job(),
            after.provisioned(),
            after.stamp(),
            after.oversight().withPolicy(policy)),
        List.of(new ChangeRequested(diff, now())),
        t.job(),
        t.claim(),
        t.release());
  }

  private static String wire(ReconcilePolicy policy) {
    return policy == null ? null : policy.wire();
  }

  /** Refuses a change unless the system is active, or its last change failed. */
  void requireChangeable(SystemRow row) {
    if (row.status() != ACTIVE && row.status() != UPDATE_FAILED) {
      throw new InvalidState(
          "The system is "
              + row.status().wire()
              + "; only an active system, or one whose last change failed, can be changed.");
    }
  }

  /** What the worker reported, if the system still waits for that job; else nothing. */
  Optional<Transition> jobFinished(SystemRow row, ProvisioningResult result) {
    if (!row.awaits(result.jobId(), result.generation(), result.kind())) {
      return Optional.empty();
    }
    boolean succeeded = result.outcome() == ProvisioningResult.Outcome.SUCCEEDED;
    Instant at = result.finishedAt() == null ? clock.instant() : result.finishedAt();
    List<TimelineEvent> events = new ArrayList<>();
    result.resources().forEach(r -> events.add(new ResourceStep(r, at)));
    String reason = succeeded ? null : result.errorSummary();
    events.add(new JobEnded(result.kind(), succeeded, reason, at));
    var infrastructure = result.infrastructure();
    if (result.kind() == Kind.UPDATE && !succeeded && infrastructure == null) {
      infrastructure = row.provisioned().infrastructure();
    }
    Provisioned left =
        new Provisioned(
            infrastructure, KnownArns.kept(result, row.provisioned().resources()), reason);
    return Optional.of(ended(row, succeeded, left, events));
  }

  /** A job that exhausted its retries in the worker, if the system still waits for it. */
  Optional<Transition> deadLettered(SystemRow row, ProvisioningJob job) {
    if (!row.awaits(job.jobId(), job.generation(), job.kind())) {
      return Optional.empty();
    }
    return Optional.of(
        givenUp(
            row,
            "The "
                + TimelineEvent.lower(job.kind())
                + " job exhausted its retries in provisioner-worker and was moved to the"
                + " dead-letter queue"));
  }

  /** A system that heard nothing about its job for {@code timeout}: failed, to be retried. */
  Optional<Transition> timedOut(SystemRow row, Duration timeout) {
    if (!isPending(row.status())
        || row.stamp().updatedAt().isAfter(clock.instant().minus(timeout))) {
      return Optional.empty();
    }
    return Optional.of(
        givenUp(
            row,
            "No result for the "
                + TimelineEvent.lower(row.job().kind())
                + " job within "
                + timeout
                + "; marked failed so that it can be retried"));
  }

  /** Whether the system waits for a job's result. */
  static boolean isPending(Status status) {
    return status == PENDING_PROVISIONING || status == UPDATING || status == DEPROVISIONING;
  }

  private Transition givenUp(SystemRow row, String reason) {
    Instant now = now();
    Provisioned kept =
        new Provisioned(row.provisioned().infrastructure(), row.provisioned().resources(), reason);
    return ended(row, false, kept, List.of(new JobEnded(row.job().kind(), false, reason, now)));
  }

  private Transition ended(
      SystemRow row, boolean succeeded, Provisioned left, List<TimelineEvent> events) {
    Kind kind = row.job().kind();
    SystemSpec runs = row.spec();
    SystemSpec change = null;
    Set<String> release = Set.of();
    Status next;
    if (kind == Kind.PROVISION) {
      next = succeeded ? ACTIVE : PROVISIONING_FAILED;
    } else if (kind == Kind.DEPROVISION) {
      next = succeeded ? DELETED : DEPROVISIONING_FAILED;
      release = succeeded ? Routes.of(row.spec()) : Set.of();
    } else if (kind == Kind.UPDATE) {
      // A change that failed was undone by the worker: the previous configuration runs, and the
      // change is kept for a retry.
      next = succeeded ? ACTIVE : UPDATE_FAILED;
      runs = succeeded ? row.change() : row.spec();
      change = succeeded ? null : row.change();
      SystemSpec gone = succeeded ? row.spec() : row.change();
      release = Routes.minus(Routes.of(gone), Routes.of(runs));
    } else {
      throw new IllegalStateException("A system never waits for a " + kind + " job");
    }
    SystemRow after =
        new SystemRow(
            row.systemId(),
            runs,
            change,
            next,
            row.job(),
            left,
            row.stamp().touched(now()),
            row.oversight());
    return new Transition(row, after, events, null, Set.of(), release);
  }

  private Transition startJob(SystemRow row, Kind kind, boolean deleteData, String subject) {
    Instant now = now();
    SystemRow next = restarted(row, pending(kind), null, kind, deleteData, now);
    return new Transition(
        row,
        next,
        List.of(new JobRequested(kind, now)),
        next.jobMessage(subject),
        Set.of(),
        Set.of());
  }

  private Transition startChange(SystemRow row, SystemSpec next, String subject) {
    Instant now = now();
    SystemRow updating = restarted(row, UPDATING, next, Kind.UPDATE, false, now);
    var diff = new ChangeRequested(ConfigurationDiff.between(row.spec(), next), now);
    return new Transition(
        row,
        updating,
        List.of(diff),
        updating.jobMessage(subject),
        Routes.minus(Routes.of(next), Routes.of(row.spec())),
        Set.of());
  }

  /** The system waiting for a new job; the last job's error no longer applies. */
  private SystemRow restarted(
      SystemRow row, Status status, SystemSpec change, Kind kind, boolean deleteData, Instant now) {
    Job job = new Job(ids.get(), kind, row.job().generation() + 1, deleteData);
    Provisioned kept =
        new Provisioned(row.provisioned().infrastructure(), row.provisioned().resources(), null);
    return new SystemRow(
        row.systemId(),
        row.spec(),
        change,
        status,
        job,
        kept,
        row.stamp().touched(now),
        row.oversight().unchecked());
  }

  private Instant now() {
    return clock.instant();
  }

  private static Status pending(Kind kind) {
    return switch (kind) {
      case PROVISION -> PENDING_PROVISIONING;
      case DEPROVISION -> DEPROVISIONING;
      case UPDATE -> UPDATING;
      default -> throw new IllegalArgumentException("No system state waits for " + kind);
    };
  }
}
