package io.aiplatform.api.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aiplatform.api.ApiProperties;
import io.aiplatform.api.PlatformApiApplication;
import io.aiplatform.api.support.ApiIntegrationTest;
import io.aiplatform.api.support.FakeWorker;
import io.aiplatform.api.support.TestTokens;
import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningResult;
import io.aiplatform.testsupport.MutableClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The periodic sweep against PostgreSQL, driven by a clock of its own that runs ten years ahead of
 * the application's (so the application's own sweep never finds these systems due): every active
 * system verified once per interval, spread over it; two API instances (two application contexts on
 * the same database) sharing the work instead of doubling it; no new verify while one is
 * outstanding.
 */
class ReconcileSweepIntegrationTests extends ApiIntegrationTest {

  private static final Duration INTERVAL = Duration.ofMinutes(30);
  private static final Duration STEP = Duration.ofMinutes(3);
  private static final int SYSTEMS = 8;

  @Autowired private ApplicationContext context;
  private final MutableClock clock = new MutableClock();
  private final String token = TestTokens.admin();

  @Test
  void everyActiveSystemIsVerifiedOncePerIntervalSpreadOverItByTwoInstancesWithoutDoubling() {
    List<String> ids = actives();
    Map<String, Set<Instant>> requested = new HashMap<>();
    List<Integer> perStep = new ArrayList<>();
    // A verify older than the interval counts as lost: each turn verifies again unanswered.
    VerifySchedule schedule = new VerifySchedule(INTERVAL, INTERVAL.minus(STEP));
    try (ConfigurableApplicationContext second = secondInstance()) {
      ReconcileSweep one = sweep(context, schedule);
      ReconcileSweep two = sweep(second, schedule);
      Instant start = startClock();
      placeAll(ids, one, start);

      for (int step = 0; step <= 20; step++) {
        CompletableFuture<?> a = CompletableFuture.runAsync(one::sweep);
        CompletableFuture<?> b = CompletableFuture.runAsync(two::sweep);
        CompletableFuture.allOf(a, b).join();
        perStep.add(record(ids, requested));
        clock.advance(STEP);
      }

      for (String id : ids) {
        Set<Instant> times = requested.getOrDefault(id, Set.of());
        assertThat(times).as(id).hasSize(2);
        assertThat(times.stream().filter(t -> t.isBefore(start.plus(INTERVAL.plus(STEP)))))
            .as(id + " in the first interval")
            .hasSize(1);
      }
      assertThat(perStep.stream().filter(n -> n > 0).count()).isGreaterThan(1);
      assertThat(perStep).allMatch(n -> n < SYSTEMS);
      for (String id : ids) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> FakeWorker.verifies(id), jobs -> jobs.size() >= 2);
        assertThat(FakeWorker.verifies(id)).as(id).hasSize(2);
      }
    }
  }

  @Test
  void aVerifyStillOutstandingSkipsTheSystemsTurnUntilItIsAnswered() {
    List<String> ids = actives();
    ReconcileSweep sweep = sweep(context, new VerifySchedule(INTERVAL, Duration.ofHours(2)));
    placeAll(ids, sweep, startClock());
    Map<String, Set<Instant>> requested = new HashMap<>();
    runFor(sweep, INTERVAL.plus(STEP), ids, requested);
    ids.forEach(id -> assertThat(requested.get(id)).as(id).hasSize(1));

    String answered = ids.get(0);
    ProvisioningJob verify = FakeWorker.awaitVerify(answered, 1);
    context
        .getBean(DriftResults.class)
        .apply(
            new ProvisioningResult(
                ProvisioningResult.SCHEMA_VERSION,
                verify.jobId(),
                verify.systemId(),
                ProvisioningJob.Kind.VERIFY,
                verify.generation(),
                ProvisioningResult.Outcome.SUCCEEDED,
                List.of(),
                null,
                null,
                clock.instant(),
                Drifts.inSync("x", clock.instant())));
    runFor(sweep, INTERVAL, ids, requested);

    assertThat(requested.get(answered)).hasSize(2);
    ids.stream().skip(1).forEach(id -> assertThat(requested.get(id)).as(id).hasSize(1));
  }

  private void runFor(
      ReconcileSweep sweep, Duration span, List<String> ids, Map<String, Set<Instant>> requested) {
    for (Duration run = Duration.ZERO; run.compareTo(span) < 0; run = run.plus(STEP)) {
      sweep.sweep();
      record(ids, requested);
      clock.advance(STEP);
    }
  }

  /** Adds each system's last verify request to what was seen; answers how many were new. */
  private int record(List<String> ids, Map<String, Set<Instant>> requested) {
    int added = 0;
    for (String id : ids) {
      Timestamp at =
          jdbc.queryForObject(
              "SELECT verify_requested_at FROM systems WHERE system_id = ?::uuid",
              Timestamp.class,
              id);
      if (at != null && requested.computeIfAbsent(id, k -> new HashSet<>()).add(at.toInstant())) {
        added++;
      }
    }
    return added;
  }

  /**
   * Sweeps at the start until every system has its point in the first interval. The application's
   * own sweep (real clock) may hold a system's row at that moment, and the test's sweep then skips
   * it (SKIP LOCKED) and would place it one step late, past the first interval's end.
   */
  private void placeAll(List<String> ids, ReconcileSweep sweep, Instant start) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              sweep.sweep();
              return jdbc.queryForObject(
                  "SELECT count(*) FROM systems WHERE system_id = ANY (?::uuid[])"
                      + " AND next_verify_at >= ?",
                  Long.class,
                  ids.toArray(String[]::new),
                  Timestamp.from(start));
            },
            placed -> placed == ids.size());
  }

  /** The sweep of one application context, on the test's clock. */
  private ReconcileSweep sweep(ApplicationContext app, VerifySchedule schedule) {
    VerifyTargets targets = app.getBean(VerifyTargets.class);
    VerifyJobs jobs = new VerifyJobs(targets, app, clock, app.getBean(ApiProperties.class));
    return new ReconcileSweep(
        targets, jobs, schedule, app.getBean(TransactionTemplate.class), clock);
  }

  /**
   * Ten years ahead of the application's clock; answers the start. In whole microseconds, as
   * PostgreSQL keeps the request times: a start with nanoseconds would lie after the stored time of
   * a request made exactly one interval and a step later, and count it in the first interval.
   */
  private Instant startClock() {
    Instant target = Instant.now().plus(Duration.ofDays(3650)).truncatedTo(ChronoUnit.MICROS);
    clock.advance(Duration.between(clock.instant(), target));
    return clock.instant();
  }

  private static ConfigurableApplicationContext secondInstance() {
    Map<String, Object> settings = new HashMap<>(ApiIntegrationTest.settings());
    settings.put("server.port", "0");
    // As arguments: default properties would lose to application.yaml.
    String[] args =
        settings.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(PlatformApiApplication.class).run(args);
  }

  private List<String> actives() {
    List<String> ids =
        IntStream.range(0, SYSTEMS)
            .mapToObj(
                i ->
                    api.post("/admin/systems", token, registration(uniqueName("swept")))
                        .json()
                        .get("system_id")
                        .asString())
            .toList();
    ids.forEach(id -> FakeWorker.succeed(FakeWorker.awaitJob(id, 1)));
    ids.forEach(
        id ->
            await()
                .atMost(Duration.ofSeconds(30))
                .until(
                    () -> api.get("/admin/systems/" + id, token).json().get("status").asString(),
                    "active"::equals));
    return ids;
  }

  static UUID uuid(String id) {
    return UUID.fromString(id);
  }
}
