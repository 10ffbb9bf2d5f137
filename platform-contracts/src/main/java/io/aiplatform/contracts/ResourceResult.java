package io.aiplatform.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * What a job did to one resource.
 *
 * @param kind the kind of resource
 * @param name the resource's name
 * @param arn the resource's ARN where it has one, else {@code null}
 * @param action what the job did to it
 * @param status whether that succeeded
 * @param error the AWS error when it failed, else {@code null}
 * @param at when the step ended
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResourceResult(
    ResourceKind kind,
    String name,
    String arn,
    Action action,
    Status status,
    AwsError error,
    Instant at) {

  /** The kinds of resource a system owns. */
  public enum ResourceKind {
    S3_BUCKET,
    GLUE_DATABASE,
    GLUE_CRAWLER,
    EVENTBRIDGE_RULE,
    DMS_ENDPOINT,
    DMS_REPLICATION_TASK,
    LOG_GROUP,
    LAMBDA_FUNCTION,
    API_INTEGRATION,
    LAMBDA_PERMISSION,
    API_ROUTE,
    CLOUDWATCH_DASHBOARD,
    CLOUDWATCH_ALARM
  }

  /** What a job did to a resource. */
  public enum Action {
    /** Made by this job. */
    CREATED,
    /** Already there and this system's; converged. */
    EXISTING,
    /** Tagged for this system by someone else; the worker's tags were added. */
    ADOPTED,
    DELETED,
    /** A data bucket kept by a deprovisioning without {@code deleteData}. */
    RETAINED,
    /** Made by this job, removed again because the job failed. */
    ROLLED_BACK,
    /** Nothing to do (already gone, or somebody else's and left alone). */
    NONE,
    /** An update changed its settings. */
    UPDATED,
    /** An update left it as it was: its desired state did not change, or it already matched. */
    UNCHANGED,
    /**
     * A failed update had changed, removed or replaced it, and returned it to the previous state.
     */
    RESTORED
  }

  /** Whether the action succeeded. */
  public enum Status {
    SUCCEEDED,
    FAILED
  }

  /**
   * An error returned by AWS.
   *
   * @param code the AWS error code, such as {@code AccessDenied}
   * @param message the AWS error message
   * @param requestId the AWS request id, for support cases
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record AwsError(String code, String message, String requestId) {}
}
