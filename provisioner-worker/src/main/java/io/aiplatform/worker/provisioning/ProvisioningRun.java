package io.aiplatform.worker.provisioning;

import io.aiplatform.contracts.ResourceResult;
import io.aiplatform.contracts.ResourceResult.Action;
import io.aiplatform.contracts.ResourceResult.AwsError;
import io.aiplatform.contracts.ResourceResult.Status;
import java.time.Clock;
import java.util.List;

/**
 * One delivery of a provisioning or deprovisioning job: runs the plan's steps in order, remembers
 * what this job created, and on a permanent failure rolls that back newest first, never touching
 * anything else.
 *
 * <p>Safe at every instant: every resource is created with this job's tags in the same call (or
 * with an ownership it derives from such a resource), or, where the API cannot do that, after a
 * durable intent; so whatever a crash interrupts, the next delivery finds each resource either
 * absent, or recognisably this job's.
 */
public final class ProvisioningRun {

  private final List<Step<?>> steps;
  private final Delivery delivery;
  private final ResourceLog log;
  private final Resources resources;

  public ProvisioningRun(
      OwnerTags owner, Plan plan, Delivery delivery, CreateIntents intents, Clock clock) {
    this.steps = plan.steps();
    this.delivery = delivery;
    this.log = new ResourceLog(clock);
    this.resources = new Resources(owner, steps, intents, log);
  }

  /**
   * What a run did.
   *
   * @param resources one entry per resource, in the order the run touched them
   * @param errorSummary the failed step and its error; {@code null} when every step succeeded
   */
  public record Report(List<ResourceResult> resources, String errorSummary) {
    public boolean succeeded() {
      return errorSummary == null;
    }
  }

  public Report provision() {
    for (int i = 0; i < steps.size(); i++) {
      try {
        resources.ensure(steps.get(i), Resources.Mode.PROVISION);
      } catch (RuntimeException e) {
        return fail(i, e, true);
      }
    }
    return new Report(log.all(), null);
  }

  public Report deprovision(boolean deleteData) {
    for (int i = steps.size() - 1; i >= 0; i--) {
      Step<?> step = steps.get(i);
      try {
        if (resources.remove(step, deleteData, Action.DELETED) == Action.NONE
            && log.last(step) == null) {
          log.record(step, null, Action.NONE, Status.SUCCEEDED, null);
        }
      } catch (RuntimeException e) {
        return fail(i, e, false);
      }
    }
    return new Report(log.all(), null);
  }

  private Report fail(int index, RuntimeException error, boolean rollBack) {
    Step<?> step = steps.get(index);
    if (ErrorClass.of(error) == ErrorClass.TRANSIENT && !delivery.last()) {
      throw new RetryLaterException(step.kind() + " " + step.name(), error);
    }
    AwsError awsError = log.failed(step, error);
    if (rollBack) {
      rollBack(index);
    }
    return new Report(log.all(), ResourceLog.summary(step, awsError));
  }

  /**
   * Removes what this job created, newest first: first what an earlier delivery may have made at or
   * beyond the failed step (only the failed step itself on a first delivery), then what this
   * delivery made or found made by this job.
   */
  private void rollBack(int failedAt) {
    int last = delivery.first() ? failedAt : steps.size() - 1;
    for (int i = last; i >= failedAt; i--) {
      rollBackUnreached(steps.get(i), i == failedAt);
    }
    while (!resources.madeByJob().isEmpty()) {
      undo(resources.madeByJob().pop());
    }
  }

  private <S> void rollBackUnreached(Step<S> step, boolean failedStep) {
    if (resources.madeByJob().stream().anyMatch(m -> m.step() == step)) {
      return;
    }
    try {
      step.find(resources.context())
          .filter(found -> resources.ownership().createdByThisJob(step, found))
          .ifPresent(found -> undo(new Resources.Made<>(step, found)));
    } catch (RuntimeException e) {
      if (!failedStep) {
        // Unknown whether an earlier delivery left something here: say so rather than guess.
        log.record(step, null, Action.ROLLED_BACK, Status.FAILED, ResourceLog.awsError(e));
      }
    }
  }

  private <S> void undo(Resources.Made<S> made) {
    Step<S> step = made.step();
    ResourceResult before = log.last(step);
    try {
      step.delete(made.found(), resources.context());
      AwsError cause = before == null ? null : before.error();
      log.record(step, made.found().arn(), Action.ROLLED_BACK, Status.SUCCEEDED, cause);
    } catch (RuntimeException e) {
      log.record(
          step, made.found().arn(), Action.ROLLED_BACK, Status.FAILED, ResourceLog.awsError(e));
    }
  }
}
