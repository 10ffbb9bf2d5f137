package io.aiplatform.api.registration;

import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningResult;
import io.aiplatform.contracts.ResourceResult;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies what provisioner-worker reports. Idempotent: a result (or dead-lettered job) only changes
 * a system that is still waiting for exactly that job, so duplicates and results of older
 * generations change nothing.
 */
@Service
public class ProvisioningOutcomes {

  private static final Logger log = LoggerFactory.getLogger(ProvisioningOutcomes.class);

  private final Systems systems;
  private final Timeline timeline;

  ProvisioningOutcomes(Systems systems, Timeline timeline) {
    this.systems = systems;
    this.timeline = timeline;
  }

  /** Applies a job's result; returns whether it changed the system. */
  @Transactional
  public boolean apply(ProvisioningResult result) {
    var row = systems.find(result.systemId()).orElse(null);
    if (row == null || !row.awaits(result.jobId(), result.generation(), result.kind())) {
      log.info(
          "Ignoring stale or duplicate result of job {} for system {}",
          result.jobId(),
          result.systemId());
      return false;
    }
    boolean succeeded = result.outcome() == ProvisioningResult.Outcome.SUCCEEDED;
    save(
        row.finish(
            Status.outcome(result.kind(), succeeded),
            result.infrastructure(),
            result.resources(),
            succeeded ? null : result.errorSummary(),
            SystemRegistrations.now()));
    recordTimeline(row, result, succeeded);
    return true;
  }

  private void recordTimeline(SystemRow row, ProvisioningResult result, boolean succeeded) {
    for (ResourceResult resource : result.resources()) {
      timeline.append(row.systemId(), row.generation(), row.currentJobId(), entry(resource));
    }
    Instant at = result.finishedAt() == null ? SystemRegistrations.now() : result.finishedAt();
    String step = result.kind().name().toLowerCase();
    String status = succeeded ? "succeeded" : "failed";
    timeline.append(
        row.systemId(),
        row.generation(),
        row.currentJobId(),
        TimelineEntry.of(step, status, result.errorSummary(), at));
  }

  /**
   * A job that exhausted its retries in the worker: its system fails with that reason, unless a
   * newer job superseded it.
   */
  @Transactional
  public boolean deadLettered(ProvisioningJob job) {
    var row = systems.find(job.systemId()).orElse(null);
    if (row == null || !row.awaits(job.jobId(), job.generation(), job.kind())) {
      log.info("Ignoring dead-lettered job {}: superseded or already settled", job.jobId());
      return false;
    }
    String reason =
        "The "
            + job.kind().name().toLowerCase()
            + " job exhausted its retries in provisioner-worker and was moved to the dead-letter"
            + " queue";
    Instant now = SystemRegistrations.now();
    save(
        row.finish(
            Status.outcome(job.kind(), false), row.infrastructure(), row.resources(), reason, now));
    timeline.append(
        row.systemId(),
        row.generation(),
        row.currentJobId(),
        TimelineEntry.of(job.kind().name().toLowerCase(), "failed", reason, now));
    return true;
  }

  private void save(SystemRow next) {
    if (!systems.update(next)) {
      // Another writer got there first; redelivery re-reads and re-decides.
      throw new OptimisticLockingFailureException("system " + next.systemId() + " changed");
    }
  }

  private static TimelineEntry entry(ResourceResult r) {
    return new TimelineEntry(
        0,
        null,
        SystemView.lower(r.kind()),
        r.name(),
        SystemView.lower(r.action()),
        SystemView.lower(r.status()),
        ResourceErrors.describe(r.error()),
        r.at());
  }
}
