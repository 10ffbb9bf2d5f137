package io.aiplatform.worker.provisioning;

import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningResult;
import io.aiplatform.contracts.ProvisioningResult.Outcome;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one delivery of a job and turns it into a result.
 *
 * <p>Deliveries of one system run one at a time in this process: the FIFO queue already keeps a
 * group's messages in order across workers, and the lock covers a redelivery that overlaps a
 * still-running attempt here.
 */
@Component
class JobHandler {

  private static final Logger log = LoggerFactory.getLogger(JobHandler.class);

  private final SystemPlan plan;
  private final Clock clock = Clock.systemUTC();
  private final Map<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();

  JobHandler(SystemPlan plan) {
    this.plan = plan;
  }

  /**
   * Runs the job.
   *
   * @param lastAttempt whether the queue will not deliver this job again
   * @return the result of a finished job
   * @throws RetryLaterException when a transient error means the job should run again later
   */
  ProvisioningResult handle(ProvisioningJob job, boolean lastAttempt) {
    ReentrantLock lock = locks.computeIfAbsent(job.systemId(), id -> new ReentrantLock());
    lock.lock();
    try {
      return run(job, lastAttempt);
    } finally {
      lock.unlock();
    }
  }

  private ProvisioningResult run(ProvisioningJob job, boolean lastAttempt) {
    OwnerTags owner = new OwnerTags(job.systemId(), job.spec().systemName(), job.jobId());
    ProvisioningRun run = new ProvisioningRun(owner, plan.steps(job), lastAttempt, clock);
    boolean provision = job.kind() == ProvisioningJob.Kind.PROVISION;
    ProvisioningRun.Report report = provision ? run.provision() : run.deprovision(job.deleteData());
    log.info(
        "job {} ({} of system {}) {}{}",
        job.jobId(),
        job.kind(),
        job.systemId(),
        report.succeeded() ? "succeeded" : "failed: ",
        report.succeeded() ? "" : report.errorSummary());
    return new ProvisioningResult(
        ProvisioningResult.SCHEMA_VERSION,
        job.jobId(),
        job.systemId(),
        job.kind(),
        job.generation(),
        report.succeeded() ? Outcome.SUCCEEDED : Outcome.FAILED,
        report.resources(),
        !report.succeeded() ? null : provision ? plan.provisioned(job) : plan.deprovisioned(job),
        report.errorSummary(),
        clock.instant());
  }
}
