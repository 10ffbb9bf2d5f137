package io.aiplatform.worker.provisioning;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Whether a failure is worth another attempt of the job.
 *
 * <p>Transient: throttling, 5xx, and client-side failures such as timeouts and broken connections.
 * Everything else (access denied, validation, limits, a foreign resource, a bug) fails the job at
 * once, because retrying cannot change the answer.
 */
public enum ErrorClass {
  TRANSIENT,
  PERMANENT;

  private static final Set<String> TRANSIENT_CODES =
      Set.of(
          "RequestTimeout",
          "RequestTimeoutException",
          "ServiceUnavailable",
          "InternalError",
          "InternalFailure",
          "SlowDown",
          "OperationTimeoutException",
          "ConcurrentModificationException",
          // S3: a conflicting operation on the same bucket (a create racing a delete) is under way.
          "OperationAborted");

  public static ErrorClass of(Throwable error) {
    // A name said to be taken that cannot be found yet is AWS's eventual consistency at work.
    if (error instanceof ResourceSettlingException || error instanceof ResourceExistsException) {
      return TRANSIENT;
    }
    if (error instanceof AwsServiceException aws) {
      boolean transientError =
          aws.isThrottlingException()
              || aws.statusCode() >= 500
              || (aws.awsErrorDetails() != null
                  && TRANSIENT_CODES.contains(aws.awsErrorDetails().errorCode()));
      return transientError ? TRANSIENT : PERMANENT;
    }
    // No answer from AWS at all (timeouts, I/O): worth another try.
    return error instanceof SdkClientException ? TRANSIENT : PERMANENT;
  }
}
