package io.aiplatform.api.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.aiplatform.api.support.Api;
import io.aiplatform.api.support.ApiIntegrationTest;
import io.aiplatform.api.support.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.test.context.TestPropertySource;

/**
 * The relay waits on SQS without holding a database connection, and gathers the jobs of concurrent
 * registrations into SendMessageBatch calls.
 *
 * <p>Without the pre-checks (a context of its own): their read calls, which the dry-run tests
 * cover, would spread the commits of the concurrent registrations over a loaded emulator's answer
 * times, and what is measured here is how the relay batches commits that arrive together.
 */
@TestPropertySource(properties = "platform.api.prechecks.enabled=false")
class OutboxRelayIntegrationTests extends ApiIntegrationTest {

  private static final int REGISTRATIONS = 20;

  @Autowired HikariDataSource dataSource;
  @Autowired ApplicationContext context;
  private final ExecutorService clients = Executors.newFixedThreadPool(REGISTRATIONS);

  @AfterEach
  void stopClients() {
    sqsOutage.end();
    clients.shutdownNow();
  }

  @Test
  void aSlowSqsHoldsNoDatabaseConnectionAndConcurrentJobsShareBatches() {
    String token = TestTokens.admin();
    int batchCallsBefore = sqsOutage.batchCalls();
    sqsOutage.holdSends();

    List<String> ids = registerConcurrently(token);

    // Every job is committed and waiting on SQS; none of those waits holds a connection, so
    // more requests than the pool has connections (10) were answered.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> ids.stream().allMatch(id -> incompletePublications(id) == 1));
    assertThat(dataSource.getHikariPoolMXBean().getActiveConnections()).isZero();
    Api.Response listed = api.get("/admin/systems?limit=1", token);
    assertThat(listed.status()).isEqualTo(200);

    sqsOutage.end();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ids.stream().allMatch(id -> incompletePublications(id) == 0));
    List<String> jobIds = ids.stream().map(this::jobId).toList();
    assertThat(sqsOutage.deliveredDeduplicationIds()).containsAll(jobIds);
    assertThat(sqsOutage.batchCalls() - batchCallsBefore)
        .isPositive()
        .isLessThan(REGISTRATIONS / 2);
  }

  @Test
  void scheduledJobsKeepTheirOwnSchedulerBesideTheRelaysBatchTimer() {
    // A ScheduledExecutorService bean would displace Boot's scheduler: the outbox resubmission
    // and the pending watchdog would then share one thread with the relay's batch timer.
    assertThat(context.getBeansOfType(ScheduledExecutorService.class)).isEmpty();
    assertThat(context.getBeanNamesForType(TaskScheduler.class)).containsExactly("taskScheduler");
  }

  private List<String> registerConcurrently(String token) {
    List<CompletableFuture<Api.Response>> posts =
        IntStream.range(0, REGISTRATIONS)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> api.post("/admin/systems", token, registration(uniqueName("relay"))),
                        clients))
            .toList();
    return posts.stream()
        .map(CompletableFuture::join)
        .peek(r -> assertThat(r.status()).isEqualTo(201))
        .map(r -> r.json().get("system_id").asString())
        .toList();
  }

  private String jobId(String systemId) {
    return jdbc.queryForObject(
        "SELECT current_job_id::text FROM systems WHERE system_id = ?::uuid",
        String.class,
        systemId);
  }

  private int incompletePublications(String systemId) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM event_publication WHERE completion_date IS NULL"
            + " AND serialized_event LIKE ?",
        Integer.class,
        "%" + systemId + "%");
  }
}
