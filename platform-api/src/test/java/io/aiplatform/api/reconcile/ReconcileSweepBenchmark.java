package io.aiplatform.api.reconcile;

import io.aiplatform.api.ApiProperties;
import io.aiplatform.api.support.ApiIntegrationTest;
import io.aiplatform.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prints how long one sweep takes to create the verify jobs of 1,000 active systems (rows claimed
 * with SKIP LOCKED in batches, jobs written to the outbox) and how long the relay then takes to put
 * them on the jobs queue in the emulator. A benchmark, not a test: no assertion on time, and not in
 * the test command. Run it with {@code scripts/test.sh -pl platform-api -am
 * -Dit.test=ReconcileSweepBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ReconcileSweepBenchmark extends ApiIntegrationTest {

  private static final int SYSTEMS = 1_000;
  private static final Duration INTERVAL = Duration.ofMinutes(30);

  @Autowired private ApplicationContext context;

  @Test
  void oneSweepOverAThousandActiveSystems() {
    String tag = uniqueName("bench");
    jdbc.update(
        """
        INSERT INTO systems (system_id, system_name, spec, status, generation, version,
            current_job_id, current_job_kind, created_by, created_at, updated_at)
        SELECT gen_random_uuid(), ? || '-' || i,
            jsonb_build_object('systemName', ? || '-' || i, 'dataSources', '[]'::jsonb,
                'endpoints', '[]'::jsonb),
            'active', 1, 1, gen_random_uuid(), 'PROVISION', 'bench', now(), now()
        FROM generate_series(1, ?) AS i
        """,
        tag,
        tag,
        SYSTEMS);
    MutableClock clock = new MutableClock();
    clock.advance(Duration.between(clock.instant(), Instant.now().plus(Duration.ofDays(7300))));
    VerifyTargets targets = context.getBean(VerifyTargets.class);
    VerifyJobs jobs = new VerifyJobs(targets, context, clock, context.getBean(ApiProperties.class));
    ReconcileSweep sweep =
        new ReconcileSweep(
            targets,
            jobs,
            new VerifySchedule(INTERVAL, Duration.ofHours(2)),
            context.getBean(TransactionTemplate.class),
            clock);
    long placeStart = System.nanoTime();
    ReconcileSweep.Swept placed = sweep.sweep();
    long placeNanos = System.nanoTime() - placeStart;
    clock.advance(INTERVAL);
    long outboxBefore = incomplete();
    long start = System.nanoTime();
    ReconcileSweep.Swept verified = sweep.sweep();
    long sweepNanos = System.nanoTime() - start;
    System.out.printf(
        "%nReconcile sweep: %d verifies requested in %d ms%n",
        verified.verified(), sweepNanos / 1_000_000);
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (incomplete() > outboxBefore && System.nanoTime() < deadline) {
      sleep();
    }
    long sentNanos = System.nanoTime() - start;
    System.out.printf(
        "%nReconcile sweep, %d active systems (%d in the database): placing them %d ms;"
            + " one sweep requesting %d verifies (%d batches of %d) %d ms, %.2f ms per system;"
            + " all on the jobs queue after %d ms%n%n",
        SYSTEMS,
        jdbc.queryForObject("SELECT count(*) FROM systems WHERE status = 'active'", Long.class),
        placeNanos / 1_000_000,
        verified.verified(),
        (verified.total() + ReconcileSweep.BATCH - 1) / ReconcileSweep.BATCH,
        ReconcileSweep.BATCH,
        sweepNanos / 1_000_000,
        sweepNanos / 1e6 / Math.max(1, verified.verified()),
        sentNanos / 1_000_000);
    System.out.println("placed: " + placed);
    jdbc.update(
        "UPDATE systems SET status = 'deleted', delete_data = true WHERE system_name LIKE ?",
        tag + "-%");
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private long incomplete() {
    return jdbc.queryForObject(
        "SELECT count(*) FROM event_publication WHERE completion_date IS NULL", Long.class);
  }
}
