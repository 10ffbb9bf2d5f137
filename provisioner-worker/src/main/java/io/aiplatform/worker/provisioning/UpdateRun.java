package io.aiplatform.worker.provisioning;

import io.aiplatform.contracts.ResourceResult;
import io.aiplatform.contracts.ResourceResult.Action;
import io.aiplatform.contracts.ResourceResult.AwsError;
import io.aiplatform.contracts.ResourceResult.Status;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One delivery of a day-2 change: converges the difference between the plan of the previous
 * configuration and the plan of the new one, and only the difference. A resource whose desired
 * state is the same in both plans is not called at all and reported {@code UNCHANGED}; one only the
 * new plan has is created, one only the previous plan has is removed, one whose desired state
 * differs is converged.
 *
 * <p>On a permanent failure (or a transient one on the last delivery) every resource is returned to
 * the previous configuration: resources only the new plan has are removed, and the previous plan's
 * differing resources converged back, so that what runs always matches a configuration the system's
 * record shows. A transient error while restoring hands the job back to the queue; its next
 * delivery runs the change again and, if it fails again, restores again.
 */
public final class UpdateRun {

  private final List<Step<?>> previous;
  private final List<Step<?>> next;
  private final Map<String, Step<?>> previousByKey;
  private final Map<String, Step<?>> nextByKey;
  private final Delivery delivery;
  private final ResourceLog log;
  private final Resources resources;

  public UpdateRun(
      OwnerTags owner,
      Plan previous,
      Plan next,
      Delivery delivery,
      CreateIntents intents,
      Clock clock) {
    this.previous = previous.steps();
    this.next = next.steps();
    this.previousByKey = byKey(this.previous);
    this.nextByKey = byKey(this.next);
    this.delivery = delivery;
    this.log = new ResourceLog(clock);
    this.resources = new Resources(owner, this.next, intents, log);
  }

  public ProvisioningRun.Report update() {
    for (Step<?> step : next) {
      try {
        if (changed(step, previousByKey)) {
          resources.ensure(step, Resources.Mode.UPDATE);
        } else {
          log.record(step, null, Action.UNCHANGED, Status.SUCCEEDED, null);
        }
      } catch (RuntimeException e) {
        return fail(step, e);
      }
    }
    for (Step<?> step : newestFirst(onlyIn(previous, nextByKey))) {
      try {
        if (resources.remove(step, false, Action.DELETED) == Action.NONE
            && log.last(step) == null) {
          log.record(step, null, Action.NONE, Status.SUCCEEDED, null);
        }
      } catch (RuntimeException e) {
        return fail(step, e);
      }
    }
    return new ProvisioningRun.Report(log.all(), null);
  }

  private ProvisioningRun.Report fail(Step<?> step, RuntimeException error) {
    if (ErrorClass.of(error) == ErrorClass.TRANSIENT && !delivery.last()) {
      throw new RetryLaterException(step.kind() + " " + step.name(), error);
    }
    AwsError cause = log.failed(step, error);
    List<String> unrestored = restore();
    ResourceResult now = log.last(step);
    Action action = now == null ? Action.UNCHANGED : now.action();
    log.record(step, now == null ? null : now.arn(), action, Status.FAILED, cause);
    String summary = ResourceLog.summary(step, cause);
    if (!unrestored.isEmpty()) {
      summary += "; not returned to the previous configuration: " + String.join(", ", unrestored);
    }
    return new ProvisioningRun.Report(log.all(), summary);
  }

  /** Returns every resource to the previous plan; answers those it could not. */
  private List<String> restore() {
    List<String> unrestored = new ArrayList<>();
    for (Step<?> step : newestFirst(onlyIn(next, previousByKey))) {
      restoring(step, unrestored, () -> resources.remove(step, false, Action.ROLLED_BACK));
    }
    for (Step<?> step : previous) {
      if (changed(step, nextByKey)) {
        restoring(step, unrestored, () -> resources.ensure(step, Resources.Mode.RESTORE));
      }
    }
    return unrestored;
  }

  private void restoring(Step<?> step, List<String> unrestored, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      if (ErrorClass.of(e) == ErrorClass.TRANSIENT && !delivery.last()) {
        throw new RetryLaterException("restoring " + step.kind() + " " + step.name(), e);
      }
      ResourceResult before = log.last(step);
      Action action = before == null ? Action.RESTORED : before.action();
      log.record(
          step,
          before == null ? null : before.arn(),
          action,
          Status.FAILED,
          ResourceLog.awsError(e));
      unrestored.add(step.kind() + " " + step.name());
    }
  }

  /** Whether the step's resource is absent from the other plan or wanted differently there. */
  private static boolean changed(Step<?> step, Map<String, Step<?>> other) {
    Step<?> counterpart = other.get(CreateIntents.key(step));
    return counterpart == null || !Objects.equals(counterpart.desired(), step.desired());
  }

  private static List<Step<?>> onlyIn(List<Step<?>> steps, Map<String, Step<?>> other) {
    return steps.stream().filter(s -> !other.containsKey(CreateIntents.key(s))).toList();
  }

  private static List<Step<?>> newestFirst(List<Step<?>> steps) {
    List<Step<?>> reversed = new ArrayList<>(steps);
    java.util.Collections.reverse(reversed);
    return reversed;
  }

  private static Map<String, Step<?>> byKey(List<Step<?>> steps) {
    Map<String, Step<?>> byKey = new LinkedHashMap<>();
    steps.forEach(step -> byKey.put(CreateIntents.key(step), step));
    return byKey;
  }
}
