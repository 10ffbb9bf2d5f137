package io.aiplatform.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aiplatform.api.ApiProperties;
import io.aiplatform.api.support.ApiIntegrationTest;
import io.aiplatform.api.support.DataSourceOutage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit buffer against the real audit table, with the database made unreachable on demand:
 * records wait while it is away and are stored when it is back, and once the buffer is full no
 * request is admitted, so none is served unaudited.
 */
class AuditTrailIntegrationTests extends ApiIntegrationTest {

  @Autowired DataSource dataSource;
  @Autowired JsonMapper json;
  @Autowired ApiProperties properties;

  private final DataSourceOutage outage = new DataSourceOutage();
  private SimpleMeterRegistry metrics;
  private AuditTrail trail;

  @BeforeEach
  void smallTrail() {
    DataSource faulty = outage.around(dataSource);
    AuditLog log =
        new AuditLog(
            JdbcClient.create(faulty),
            new JdbcTemplate(faulty),
            new TransactionTemplate(new JdbcTransactionManager(faulty)));
    metrics = new SimpleMeterRegistry();
    trail = new AuditTrail(log, json, withBufferCapacity(2), metrics);
  }

  @AfterEach
  void stopTrail() throws InterruptedException {
    outage.end();
    trail.stop();
  }

  @Test
  void recordsKeptWhileTheDatabaseIsAwayAreStoredWhenItIsBack() {
    outage.begin();
    List<String> ids = List.of(requestId(), requestId());
    ids.forEach(id -> assertThat(trail.admit()).isTrue());

    ids.forEach(id -> trail.record(entry(id), false));
    await().atMost(Duration.ofSeconds(10)).until(() -> trail.pending() == 2);
    assertThat(stored(ids)).isZero();

    outage.end();
    trail.drain();

    assertThat(trail.pending()).isZero();
    assertThat(stored(ids)).isEqualTo(2);
  }

  @Test
  void aFullBufferAdmitsNoRequestUntilItsRecordsAreStored() {
    outage.begin();
    assertThat(trail.admit()).isTrue();
    assertThat(trail.admit()).isTrue();
    trail.record(entry(requestId()), true);
    trail.record(entry(requestId()), true);

    assertThat(trail.admit()).isFalse();
    assertThat(metrics.get("platform.audit.refused").counter().count()).isEqualTo(1.0);

    outage.end();
    trail.drain();
    assertThat(trail.admit()).isTrue();
  }

  @Test
  void aRecordWithCharactersTheDatabaseCannotTakeIsEscapedAndStored() {
    String id = requestId();
    assertThat(trail.admit()).isTrue();

    trail.record(
        AuditedRequest.entry(
            Instant.now(), "GET", "/admin/x", "a\u0000b\ud800", null, null, 400, id, "::1"),
        false);

    await().atMost(Duration.ofSeconds(10)).until(() -> stored(List.of(id)) == 1);
    assertThat(
            jdbc.queryForObject(
                "SELECT subject FROM audit_log WHERE request_id = ?", String.class, id))
        .isEqualTo("a\\u0000b\\uD800");
  }

  private long stored(List<String> requestIds) {
    return requestIds.stream()
        .mapToLong(
            id ->
                jdbc.queryForObject(
                    "SELECT count(*) FROM audit_log WHERE request_id = ?", Long.class, id))
        .sum();
  }

  private static AuditEntry entry(String requestId) {
    return AuditedRequest.entry(
        Instant.now(), "GET", "/admin/systems", "auditor", null, null, 200, requestId, "::1");
  }

  private static String requestId() {
    return "trail-" + UUID.randomUUID();
  }

  private ApiProperties withBufferCapacity(int capacity) {
    return new ApiProperties(
        properties.resourcePrefix(),
        properties.jobsQueue(),
        properties.resultsQueue(),
        properties.jobsDlq(),
        properties.maxRequestBody(),
        properties.lambdaRuntimes(),
        properties.corsAllowedOrigins(),
        properties.pendingTimeout(),
        properties.pendingCheckInterval(),
        properties.security(),
        properties.outbox(),
        new ApiProperties.Audit(capacity, Duration.ofSeconds(1)),
        new ApiProperties.Reconcile(Duration.ofMinutes(30), "report", Duration.ofHours(2)));
  }
}
