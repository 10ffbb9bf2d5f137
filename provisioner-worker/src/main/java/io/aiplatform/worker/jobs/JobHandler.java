package io.aiplatform.worker.jobs;

import io.aiplatform.contracts.DriftReport;
import io.aiplatform.contracts.Infrastructure;
import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningResult;
import io.aiplatform.contracts.ProvisioningResult.Outcome;
import io.aiplatform.worker.provisioning.CreateIntents;
import io.aiplatform.worker.provisioning.Delivery;
import io.aiplatform.worker.provisioning.OwnerTags;
import io.aiplatform.worker.provisioning.Plan;
import io.aiplatform.worker.provisioning.ProvisioningRun;
import io.aiplatform.worker.provisioning.RetryLaterException;
import io.aiplatform.worker.provisioning.UpdateRun;
import io.aiplatform.worker.provisioning.VerifyRun;
import io.aiplatform.worker.resources.SystemPlan;
import java.time.Clock;
import java.util.List;
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

  private final SystemPlan plans;
  private final CreateIntents intents;
  private final Clock clock;
  private final SystemLocks locks = new SystemLocks();

  JobHandler(SystemPlan plans, CreateIntents intents, Clock clock) {
    this.plans = plans;
    this.intents = intents;
    this.clock = clock;
  }

  /**
   * Runs the job.
   *
   * @return the result of a finished job
   * @throws RetryLaterException when a transient error means the job should run again later
   */
  ProvisioningResult handle(ProvisioningJob job, Delivery delivery) {
    return locks.withLock(job.systemId(), () -> run(job, delivery));
  }

  private ProvisioningResult run(ProvisioningJob job, Delivery delivery) {
    OwnerTags owner = new OwnerTags(job.systemId(), job.spec().systemName(), job.jobId());
    Plan plan = plans.of(job);
    if (job.kind() == ProvisioningJob.Kind.VERIFY) {
      return verify(job, new VerifyRun(owner, plan, job.repair(), delivery, intents, clock));
    }
    Infrastructure after = plan.infrastructure();
    ProvisioningRun.Report report;
    if (job.kind() == ProvisioningJob.Kind.UPDATE) {
      if (job.previousSpec() == null) {
        report = new ProvisioningRun.Report(List.of(), "UPDATE job without previousSpec: refused");
      } else {
        Plan previous = plans.previous(job);
        report = new UpdateRun(owner, previous, plan, delivery, intents, clock).update();
        // A failed change was undone: the system runs its previous configuration.
        after = report.succeeded() ? after : previous.infrastructure();
      }
    } else {
      ProvisioningRun run = new ProvisioningRun(owner, plan, delivery, intents, clock);
      boolean provision = job.kind() == ProvisioningJob.Kind.PROVISION;
      report = provision ? run.provision() : run.deprovision(job.deleteData());
      after = report.succeeded() ? after : null;
    }
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
        after,
        report.errorSummary(),
        clock.instant());
  }

  /** A verification changes no configuration: the result carries no infrastructure. */
  private ProvisioningResult verify(ProvisioningJob job, VerifyRun run) {
    VerifyRun.Report report = run.verify();
    long notInSync =
        report.drift().resources().stream()
            .filter(r -> r.status() != DriftReport.ResourceStatus.IN_SYNC)
            .count();
    log.info(
        "job {} (VERIFY{} of system {}) {}: {}, {} of {} resources not in sync{}",
        job.jobId(),
        job.repair() ? " with repair" : "",
        job.systemId(),
        report.succeeded() ? "succeeded" : "failed",
        report.drift().status(),
        notInSync,
        report.drift().resources().size(),
        report.succeeded() ? "" : ": " + report.errorSummary());
    return new ProvisioningResult(
        ProvisioningResult.SCHEMA_VERSION,
        job.jobId(),
        job.systemId(),
        job.kind(),
        job.generation(),
        report.succeeded() ? Outcome.SUCCEEDED : Outcome.FAILED,
        report.resources(),
        null,
        report.errorSummary(),
        clock.instant(),
        report.drift());
  }
}
