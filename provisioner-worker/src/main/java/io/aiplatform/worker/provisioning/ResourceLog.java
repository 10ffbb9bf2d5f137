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
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** What a run did to each resource, in the order it first touched them; the latest word wins. */
final class ResourceLog {

  private final Clock clock;
  private final Map<String, ResourceResult> results = new LinkedHashMap<>();

  ResourceLog(Clock clock) {
    this.clock = clock;
  }

  void record(Step<?> step, String arn, Action action, Status status, AwsError error) {
    results.put(
        CreateIntents.key(step),
        new ResourceResult(step.kind(), step.name(), arn, action, status, error, clock.instant()));
  }

  /** Puts back an earlier entry of the step. */
  void reinstate(Step<?> step, ResourceResult earlier) {
    results.put(CreateIntents.key(step), earlier);
  }

  /** Drops what was recorded for the step, as if the run had never touched it. */
  void forget(Step<?> step) {
    results.remove(CreateIntents.key(step));
  }

  /** What was last recorded for the step, or {@code null}. */
  ResourceResult last(Step<?> step) {
    return results.get(CreateIntents.key(step));
  }

  /** Records the step as failed with this error, keeping the action it had got to. */
  AwsError failed(Step<?> step, Throwable error) {
    ResourceResult partial = last(step);
    AwsError awsError = awsError(error);
    Action action = partial == null ? Action.NONE : partial.action();
    record(step, partial == null ? null : partial.arn(), action, Status.FAILED, awsError);
    return awsError;
  }

  List<ResourceResult> all() {
    return new ArrayList<>(results.values());
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

  static String summary(Step<?> step, AwsError error) {
    return "%s %s failed: %s: %s%s"
        .formatted(
            step.kind(),
            step.name(),
            error.code(),
            error.message(),
            error.requestId() == null ? "" : " (request id " + error.requestId() + ")");
  }
}
