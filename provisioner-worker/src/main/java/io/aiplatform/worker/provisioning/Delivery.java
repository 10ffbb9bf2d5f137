package io.aiplatform.worker.provisioning;

/**
 * Which delivery of its job a run is.
 *
 * @param attempt 1 for the first receive of the job's message, counting up with redeliveries
 * @param last whether the queue will not deliver the job again, so a transient error must end the
 *     job like a permanent one
 */
public record Delivery(int attempt, boolean last) {

  /** Whether no earlier delivery of this job can have created anything. */
  boolean first() {
    return attempt <= 1;
  }
}
