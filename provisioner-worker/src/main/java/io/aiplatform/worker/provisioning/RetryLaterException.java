package io.aiplatform.worker.provisioning;

/**
 * A job hit a transient error and should run again later: its message goes back to the queue
 * instead of producing a result.
 */
public final class RetryLaterException extends RuntimeException {

  RetryLaterException(String step, Throwable cause) {
    super("transient failure at " + step + ": " + cause.getMessage(), cause);
  }
}
