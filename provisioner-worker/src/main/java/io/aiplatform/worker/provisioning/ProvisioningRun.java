package io.aiplatform.worker.provisioning;

import io.aiplatform.contracts.ResourceResult;
import io.aiplatform.contracts.ResourceResult.Action;
import io.aiplatform.contracts.ResourceResult.AwsError;
import io.aiplatform.contracts.ResourceResult.Status;
import io.aiplatform.worker.provisioning.Step.Found;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * One delivery of one job: runs its steps in order, remembers what this job created, and on a
 * permanent failure rolls that back newest first, never touching anything else.
 */
final class ProvisioningRun {

  private final OwnerTags owner;
  private final List<Step> steps;
  private final boolean lastAttempt;
  private final Clock clock;
  private final Map<String, ResourceResult> results = new LinkedHashMap<>();
  private final Deque<Owned> createdByJob = new ArrayDeque<>();

  /**
   * @param lastAttempt whether the queue will not deliver this job again, so a transient error must
   *     end the job like a permanent one
   */
  ProvisioningRun(OwnerTags owner, List<Step> steps, boolean lastAttempt, Clock clock) {
    this.owner = owner;
    this.steps = steps;
    this.lastAttempt = lastAttempt;
    this.clock = clock;
  }

  /**
   * What a run did.
   *
   * @param resources one entry per resource, in the order the run touched them
   * @param errorSummary the failed step and its error; {@code null} when every step succeeded
   */
  record Report(List<ResourceResult> resources, String errorSummary) {
    boolean succeeded() {
      return errorSummary == null;
    }
  }

  private record Owned(Step step, Found found) {}

  Report provision() {
    for (Step step : steps) {
      try {
        ensure(step);
      } catch (RuntimeException e) {
        return fail(step, e, true);
      }
    }
    return report(null);
  }

  Report deprovision(boolean deleteData) {
    List<Step> newestFirst = new ArrayList<>(steps);
    Collections.reverse(newestFirst);
    for (Step step : newestFirst) {
      try {
        remove(step, deleteData);
      } catch (RuntimeException e) {
        return fail(step, e, false);
      }
    }
    return report(null);
  }

  private void ensure(Step step) {
    Optional<Found> existing = step.find();
    if (existing.isEmpty()) {
      existing = createOrFindRacer(step);
    }
    if (existing.isEmpty()) {
      return;
    }
    Found found = existing.get();
    if (!owner.ownedBySystem(found.tags())) {
      throw ForeignResourceException.taggedFor(
          step.kind().name(), step.name(), found.tags().get(OwnerTags.SYSTEM_ID));
    }
    if (owner.createdByJob(found.tags())) {
      // An earlier delivery of this very job created it: a rollback must remove it too.
      createdByJob.push(new Owned(step, found));
    }
    Action action = Action.EXISTING;
    if (!owner.managedByWorker(found.tags())) {
      step.tag(found, owner.ownership());
      action = Action.ADOPTED;
    }
    step.converge(found);
    record(step, found.arn(), action, Status.SUCCEEDED, null);
  }

  /** Creates the resource; empty when it did, the racer's resource when another worker did. */
  private Optional<Found> createOrFindRacer(Step step) {
    String arn;
    try {
      arn = step.create(owner.forCreation());
    } catch (RuntimeException e) {
      Optional<Found> racer = step.find();
      if (racer.isPresent()) {
        return racer;
      }
      throw e;
    }
    Found created = new Found(arn, owner.forCreation());
    createdByJob.push(new Owned(step, created));
    record(step, arn, Action.CREATED, Status.FAILED, null);
    step.converge(created);
    record(step, arn, Action.CREATED, Status.SUCCEEDED, null);
    return Optional.empty();
  }

  private void remove(Step step, boolean deleteData) {
    Optional<Found> existing = step.find();
    if (existing.isEmpty()) {
      record(step, null, Action.NONE, Status.SUCCEEDED, null);
    } else if (!owner.ownedBySystem(existing.get().tags())) {
      String why = "not tagged as this system's; left untouched";
      record(
          step, existing.get().arn(), Action.NONE, Status.SUCCEEDED, error("ForeignResource", why));
    } else if (step.holdsData() && !deleteData) {
      record(step, existing.get().arn(), Action.RETAINED, Status.SUCCEEDED, null);
    } else {
      step.delete(existing.get());
      record(step, existing.get().arn(), Action.DELETED, Status.SUCCEEDED, null);
    }
  }

  private Report fail(Step step, RuntimeException error, boolean rollBack) {
    if (ErrorClass.of(error) == ErrorClass.TRANSIENT && !lastAttempt) {
      throw new RetryLaterException(label(step), error);
    }
    ResourceResult partial = results.get(key(step));
    Action action = partial == null ? Action.NONE : partial.action();
    String arn = partial == null ? null : partial.arn();
    AwsError awsError = awsError(error);
    record(step, arn, action, Status.FAILED, awsError);
    if (rollBack) {
      rollBack();
    }
    return report(
        "%s failed: %s: %s%s"
            .formatted(
                label(step),
                awsError.code(),
                awsError.message(),
                awsError.requestId() == null ? "" : " (request id " + awsError.requestId() + ")"));
  }

  private void rollBack() {
    while (!createdByJob.isEmpty()) {
      Owned owned = createdByJob.pop();
      ResourceResult before = results.get(key(owned.step()));
      try {
        owned.step().delete(owned.found());
        record(
            owned.step(),
            owned.found().arn(),
            Action.ROLLED_BACK,
            Status.SUCCEEDED,
            before == null ? null : before.error());
      } catch (RuntimeException e) {
        record(owned.step(), owned.found().arn(), Action.ROLLED_BACK, Status.FAILED, awsError(e));
      }
    }
  }

  private void record(Step step, String arn, Action action, Status status, AwsError error) {
    results.put(
        key(step),
        new ResourceResult(step.kind(), step.name(), arn, action, status, error, clock.instant()));
  }

  private Report report(String errorSummary) {
    return new Report(new ArrayList<>(results.values()), errorSummary);
  }

  private static String key(Step step) {
    return step.kind() + "/" + step.name();
  }

  private static String label(Step step) {
    return step.kind() + " " + step.name();
  }

  static AwsError awsError(Throwable error) {
    if (error instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      return new AwsError(
          aws.awsErrorDetails().errorCode(), aws.awsErrorDetails().errorMessage(), aws.requestId());
    }
    String code =
        error instanceof ForeignResourceException
            ? "ForeignResource"
            : error.getClass().getSimpleName();
    return new AwsError(code, error.getMessage(), null);
  }

  private static AwsError error(String code, String message) {
    return new AwsError(code, message, null);
  }
}
