package io.aiplatform.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aiplatform.api.PlatformApiApplication;
import io.aiplatform.api.web.ProblemTypes;
import io.aiplatform.testsupport.PrivatePostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * PostgreSQL stopped with {@code pg_ctl stop -m immediate} while clients keep registering and
 * reading: every request is answered 2xx or 503 {@code unavailable} (never 500), each 503 after at
 * most one wait for a connection, no audit record is lost, every registered system has its record,
 * and the API recovers once PostgreSQL is back, without a restart. Runs against a cluster of its
 * own ({@link PrivatePostgres}) and an application context of its own.
 */
class DatabaseOutageIntegrationTests {

  /** The connection timeout of this test's API: one wait. */
  private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(4);

  /** Room for a slow machine on top of one wait, yet well short of two (8 s). */
  private static final Duration ONE_WAIT = CONNECTION_TIMEOUT.plusMillis(2500);

  private static PrivatePostgres postgres;
  private static ConfigurableApplicationContext api;
  private static OutageLoad load;

  @BeforeAll
  static void start() {
    postgres = PrivatePostgres.start();
    Map<String, Object> settings = new HashMap<>(OutageLoad.settings());
    settings.put("spring.datasource.url", postgres.jdbcUrl());
    settings.put("spring.datasource.username", "postgres");
    settings.put("spring.datasource.password", "");
    settings.put("spring.datasource.hikari.connection-timeout", CONNECTION_TIMEOUT.toMillis());
    settings.put("platform.api.audit.flush-interval", "500ms");
    settings.put("server.port", 0);
    // As arguments, which win over application.yaml (builder properties would not).
    api =
        new SpringApplicationBuilder(PlatformApiApplication.class)
            .run(
                settings.entrySet().stream()
                    .map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new));
    load = new OutageLoad(((WebServerApplicationContext) api).getWebServer().getPort());
  }

  @AfterAll
  static void stop() {
    if (load != null) {
      load.close();
    }
    if (api != null) {
      api.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void anOutageUnderLoadAnswersOnly503sWithinOneWaitLosesNoAuditRecordAndRecovers() {
    load.runUntil(answers -> count(answers, 201) >= 5);
    postgres.stopImmediately();
    int stoppedAt = load.answered();
    load.runUntil(answers -> count(answers.subList(stoppedAt, answers.size()), 503) >= 12);
    postgres.startServer();
    long restarted = System.nanoTime();
    int restartedAt = load.answered();
    load.runUntil(answers -> count(answers.subList(restartedAt, answers.size()), 201) >= 1);
    Duration recovery = Duration.ofNanos(System.nanoTime() - restarted);
    List<OutageLoad.Answer> answers = load.stop();

    System.out.printf(
        "Outage: %d answers, %d of them 503 (slowest %d ms); a registration succeeded %d ms after"
            + " PostgreSQL was back%n",
        answers.size(),
        count(answers, 503),
        answers.stream()
            .filter(a -> a.status() == 503)
            .mapToLong(a -> a.took().toMillis())
            .max()
            .orElse(0),
        recovery.toMillis());
    assertThat(answers)
        .allSatisfy(
            a ->
                assertThat(a.status())
                    .as("%s %s: %s", a.kind(), a.requestId(), a.type())
                    .satisfiesAnyOf(
                        s -> assertThat(s).isBetween(200, 499), s -> assertThat(s).isEqualTo(503)));
    assertThat(answers)
        .filteredOn(a -> a.status() == 503)
        .allSatisfy(
            a -> {
              assertThat(a.type()).isEqualTo(ProblemTypes.UNAVAILABLE);
              assertThat(a.retryAfter()).isEqualTo("1");
              assertThat(a.took()).isLessThan(ONE_WAIT);
            });
    assertEveryRequestAudited(answers);
    assertEveryRegistrationHasItsRecord(answers);
  }

  private static long count(List<OutageLoad.Answer> answers, int status) {
    return answers.stream().filter(a -> a.status() == status).count();
  }

  /** Every request's record is stored once the database is back, with the status answered. */
  private static void assertEveryRequestAudited(List<OutageLoad.Answer> answers) {
    JdbcTemplate jdbc = jdbc();
    await("every audit record stored")
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              Set<String> stored =
                  Set.copyOf(jdbc.queryForList("SELECT request_id FROM audit_log", String.class));
              return answers.stream().allMatch(a -> stored.contains(a.requestId()));
            });
    Map<String, List<Integer>> statuses = new HashMap<>();
    jdbc.query(
        "SELECT request_id, status FROM audit_log",
        rs -> {
          statuses.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getInt(2));
        });
    assertThat(answers)
        .allSatisfy(a -> assertThat(statuses.get(a.requestId())).contains(a.status()));
  }

  /** A change and its record commit together: no system without its 201 record, and back. */
  private static void assertEveryRegistrationHasItsRecord(List<OutageLoad.Answer> answers) {
    JdbcTemplate jdbc = jdbc();
    Set<String> systems =
        Set.copyOf(jdbc.queryForList("SELECT system_id::text FROM systems", String.class));
    Set<String> recorded =
        jdbc
            .queryForList(
                "SELECT system_id::text FROM audit_log WHERE status = 201 AND method = 'POST'",
                String.class)
            .stream()
            .collect(Collectors.toSet());
    assertThat(systems).isNotEmpty();
    assertThat(recorded).containsAll(systems);
    assertThat(systems)
        .containsAll(
            answers.stream()
                .filter(a -> a.status() == 201)
                .map(OutageLoad.Answer::systemId)
                .toList());
  }

  private static JdbcTemplate jdbc() {
    return new JdbcTemplate(new DriverManagerDataSource(postgres.jdbcUrl(), "postgres", ""));
  }
}
