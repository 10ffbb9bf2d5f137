package io.aiplatform.contracts;

/**
 * The default names of the queues between platform-api and provisioner-worker; each service lets a
 * setting override them, and both must then be given the same names.
 */
public final class QueueNames {

  /** The SQS FIFO queue platform-api sends provisioning jobs to. */
  public static final String JOBS = "platform-provisioning-jobs.fifo";

  /** The dead-letter queue of {@link #JOBS}. */
  public static final String JOBS_DLQ = "platform-provisioning-jobs-dlq.fifo";

  /** The SQS queue provisioner-worker reports results on. */
  public static final String RESULTS = "platform-provisioning-results";

  private QueueNames() {}
}
