package io.aiplatform.api.registration;

import io.aiplatform.api.ApiProperties;
import java.time.Clock;
import java.time.Duration;
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
  private final Lifecycle lifecycle;
  private final SystemStore store;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Duration timeout;

  PendingWatchdog(
      Systems systems,
      Lifecycle lifecycle,
      SystemStore store,
      TransactionTemplate transactions,
      Clock clock,
      ApiProperties properties) {
    this.systems = systems;
    this.lifecycle = lifecycle;
    this.store = store;
    this.transactions = transactions;
    this.clock = clock;
    this.timeout = properties.pendingTimeout();
  }

  @Scheduled(
      fixedDelayString = "${platform.api.pending-check-interval:1m}",
      initialDelayString = "${platform.api.pending-check-interval:1m}")
  void failOverdue() {
    List<SystemRow> overdue = systems.pendingSince(clock.instant().minus(timeout), BATCH);
    overdue.forEach(row -> transactions.executeWithoutResult(tx -> fail(row)));
  }

  private void fail(SystemRow row) {
    lifecycle
        .timedOut(row, timeout)
        .ifPresent(
            transition -> {
              try {
                store.save(transition);
                log.warn("System {} timed out waiting for job {}", row.systemId(), row.job().id());
              } catch (Refusals.ConcurrentChange e) {
                log.info("System {} changed meanwhile; left to its new state", row.systemId());
              }
            });
  }
}
