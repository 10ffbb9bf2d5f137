package io.aiplatform.api.registration;

import io.aiplatform.api.ApiProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The last guarantee that no system stays pending forever: one that heard nothing about its job for
 * {@code platform.api.pending-timeout} (the job or its result was lost beyond the DLQs) is marked
 * failed with that reason, and can be retried. Safe with several instances: the versioned update
 * lets only one of them win.
 */
@Component
class PendingWatchdog {

  private static final Logger log = LoggerFactory.getLogger(PendingWatchdog.class);
  private static final int BATCH = 100;

  private final Systems systems;
  private final Timeline timeline;
  private final TransactionTemplate transactions;
  private final Duration timeout;

  PendingWatchdog(
      Systems systems,
      Timeline timeline,
      TransactionTemplate transactions,
      ApiProperties properties) {
    this.systems = systems;
    this.timeline = timeline;
    this.transactions = transactions;
    this.timeout = properties.pendingTimeout();
  }

  @Scheduled(
      fixedDelayString = "${platform.api.pending-check-interval:1m}",
      initialDelayString = "${platform.api.pending-check-interval:1m}")
  void failOverdue() {
    Instant cutoff = Instant.now().minus(timeout);
    List<SystemRow> overdue = systems.pendingSince(cutoff, BATCH);
    overdue.forEach(row -> transactions.executeWithoutResult(tx -> fail(row)));
  }

  private void fail(SystemRow row) {
    String reason =
        "No result for the "
            + row.currentJobKind().name().toLowerCase()
            + " job within "
            + timeout
            + "; marked failed so that it can be retried";
    Instant now = SystemRegistrations.now();
    SystemRow failed =
        row.finish(
            Status.outcome(row.currentJobKind(), false),
            row.infrastructure(),
            row.resources(),
            reason,
            now);
    if (systems.update(failed)) {
      timeline.append(
          row.systemId(),
          row.generation(),
          row.currentJobId(),
          TimelineEntry.of(row.currentJobKind().name().toLowerCase(), "failed", reason, now));
      log.warn("System {} timed out waiting for job {}", row.systemId(), row.currentJobId());
    }
  }
}
