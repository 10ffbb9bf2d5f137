package io.aiplatform.api.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aiplatform.api.support.Api;
import io.aiplatform.api.support.ApiIntegrationTest;
import io.aiplatform.api.support.JobsOnQueue;
import io.aiplatform.api.support.TestQueues;
import io.aiplatform.api.support.TestTokens;
import io.aiplatform.contracts.Infrastructure;
import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningJob.Kind;
import io.aiplatform.contracts.ProvisioningResult;
import io.aiplatform.contracts.ProvisioningResult.Outcome;
import io.aiplatform.contracts.ResourceResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;

/** Results and dead-lettered jobs from the worker drive each system through its life cycle. */
class ProvisioningLifecycleIntegrationTests extends ApiIntegrationTest {

  private final String token = TestTokens.admin();

  @Test
  void succeededProvisionMakesTheSystemActiveWithItsInfrastructureAndTimeline() {
    String name = uniqueName("active");
    ProvisioningJob job = register(name);

    sendResult(result(job, Outcome.SUCCEEDED, null));

    JsonNode system = awaitStatus(job, "active");
    JsonNode infra = system.get("infrastructure");
    assertThat(infra.get("s3_buckets").get("raw").asString())
        .isEqualTo("platform-" + name + "-raw");
    assertThat(infra.get("glue_database").asString()).isEqualTo("platform_db");
    assertThat(infra.get("eventbridge_rules").get(0).asString()).isEqualTo("rule-1");
    assertThat(system.get("resources").get(0).get("kind").asString()).isEqualTo("s3_bucket");
    assertThat(system.get("resources").get(0).get("status").asString()).isEqualTo("succeeded");
    JsonNode events = events(job);
    assertThat(events.findValuesAsString("step"))
        .contains("registration", "s3_bucket", "provision");
    assertThat(events.get(events.size() - 1).get("status").asString()).isEqualTo("succeeded");
  }

  @Test
  void failedProvisionRecordsTheErrorAndRetryQueuesANewGeneration() {
    ProvisioningJob job = register(uniqueName("failing"));

    sendResult(result(job, Outcome.FAILED, "GLUE_DATABASE x: AccessDeniedException"));

    JsonNode failed = awaitStatus(job, "provisioning_failed");
    assertThat(failed.get("error_message").asString())
        .isEqualTo("GLUE_DATABASE x: AccessDeniedException");
    Api.Response retry = api.post("/admin/systems/" + job.systemId() + "/retry", token, "");
    assertThat(retry.status()).isEqualTo(202);
    assertThat(retry.json().get("status").asString()).isEqualTo("pending_provisioning");
    ProvisioningJob second = awaitJob(job, 2);
    assertThat(second.kind()).isEqualTo(Kind.PROVISION);
    assertThat(second.jobId()).isNotEqualTo(job.jobId());
  }

  @Test
  void staleAndDuplicateResultsChangeNothing() {
    ProvisioningJob job = register(uniqueName("stale"));
    sendResult(result(job, Outcome.FAILED, "first failure"));
    awaitStatus(job, "provisioning_failed");
    api.post("/admin/systems/" + job.systemId() + "/retry", token, "");
    ProvisioningJob second = awaitJob(job, 2);
    sendResult(result(second, Outcome.SUCCEEDED, null));
    awaitStatus(job, "active");
    int timeline = events(job).size();
    String updated = system(job).get("updated_at").asString();

    sendResult(result(job, Outcome.FAILED, "late result of generation 1"));
    sendResult(result(second, Outcome.SUCCEEDED, null));
    awaitResultsConsumed();

    JsonNode after = system(job);
    assertThat(after.get("status").asString()).isEqualTo("active");
    assertThat(after.get("generation").asLong()).isEqualTo(2);
    assertThat(after.has("error_message")).isFalse();
    assertThat(after.get("updated_at").asString()).isEqualTo(updated);
    assertThat(events(job).size()).isEqualTo(timeline);
    assertThat(api.get("/actuator/prometheus", null).body())
        .containsPattern(
            "platform_provisioning_messages_total\\{[^}]*outcome=\"ignored\"[^}]*\\} [1-9]");
  }

  @Test
  void jobInTheDeadLetterQueueMarksItsSystemFailedWithAReason() {
    ProvisioningJob job = register(uniqueName("poison"));

    sendToDeadLetterQueue(job);

    JsonNode failed = awaitStatus(job, "provisioning_failed");
    assertThat(failed.get("error_message").asString()).contains("exhausted its retries");
  }

  @Test
  void deleteQueuesADeprovisionJobAndItsResultMarksTheSystemDeleted() {
    ProvisioningJob job = register(uniqueName("deleted"));
    sendResult(result(job, Outcome.SUCCEEDED, null));
    awaitStatus(job, "active");

    ProvisioningJob deprovision = deleteAndAwaitJob(job, true);

    assertThat(deprovision.kind()).isEqualTo(Kind.DEPROVISION);
    assertThat(deprovision.deleteData()).isTrue();
    assertThat(api.delete("/admin/systems/" + job.systemId(), token).status()).isEqualTo(409);
    sendResult(result(deprovision, Outcome.SUCCEEDED, null));
    awaitStatus(job, "deleted");
  }

  @Test
  void failedDeprovisionCanBeRetriedAndRetryOfAHealthySystemIs409() {
    ProvisioningJob job = register(uniqueName("undeletable"));
    Api.Response notFailed = api.post("/admin/systems/" + job.systemId() + "/retry", token, "");
    assertThat(notFailed.status()).isEqualTo(409);
    assertThat(notFailed.json().get("type").asString())
        .isEqualTo("https://aiplatform.io/problems/invalid-state");
    ProvisioningJob deprovision = deleteAndAwaitJob(job, false);
    assertThat(deprovision.deleteData()).isFalse();

    sendResult(result(deprovision, Outcome.FAILED, "S3_BUCKET: BucketNotEmpty"));
    awaitStatus(job, "deprovisioning_failed");

    assertThat(api.post("/admin/systems/" + job.systemId() + "/retry", token, "").status())
        .isEqualTo(202);
    assertThat(awaitJob(job, deprovision.generation() + 1).kind()).isEqualTo(Kind.DEPROVISION);
  }

  private ProvisioningJob register(String name) {
    String id =
        api.post("/admin/systems", token, registration(name)).json().get("system_id").asString();
    return awaitJob(id, 1);
  }

  private ProvisioningJob deleteAndAwaitJob(ProvisioningJob job, boolean deleteData) {
    Api.Response response =
        api.delete("/admin/systems/" + job.systemId() + "?delete_data=" + deleteData, token);
    assertThat(response.status()).isEqualTo(202);
    assertThat(response.json().get("status").asString()).isEqualTo("deprovisioning");
    return awaitJob(job.systemId().toString(), response.json().get("generation").asLong());
  }

  private ProvisioningJob awaitJob(ProvisioningJob job, long generation) {
    return awaitJob(job.systemId().toString(), generation);
  }

  private static ProvisioningJob awaitJob(String systemId, long generation) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                JobsOnQueue.forSystem(systemId).stream()
                    .map(r -> Api.json().readValue(r.body(), ProvisioningJob.class))
                    .filter(j -> j.generation() == generation)
                    .toList(),
            jobs -> jobs.size() == 1)
        .get(0);
  }

  private JsonNode awaitStatus(ProvisioningJob job, String status) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> system(job), s -> status.equals(s.get("status").asString()));
  }

  private JsonNode system(ProvisioningJob job) {
    return api.get("/admin/systems/" + job.systemId(), token).json();
  }

  private JsonNode events(ProvisioningJob job) {
    return api.get("/admin/systems/" + job.systemId() + "/events", token).json().get("events");
  }

  private static ProvisioningResult result(ProvisioningJob job, Outcome outcome, String error) {
    Instant now = Instant.now();
    String name = job.spec().systemName();
    var bucket =
        new ResourceResult(
            ResourceResult.ResourceKind.S3_BUCKET,
            "platform-" + name + "-raw",
            null,
            ResourceResult.Action.CREATED,
            ResourceResult.Status.SUCCEEDED,
            null,
            now);
    var infrastructure =
        new Infrastructure(
            new Infrastructure.Buckets("platform-" + name + "-raw", "c", "p"),
            "platform_db",
            "crawler",
            null,
            List.of("rule-1"));
    return new ProvisioningResult(
        1,
        job.jobId(),
        job.systemId(),
        job.kind(),
        job.generation(),
        outcome,
        List.of(bucket),
        infrastructure,
        error,
        now);
  }

  private static void sendResult(ProvisioningResult result) {
    String url = TestQueues.url(TestQueues.RESULTS);
    String body = Api.json().writeValueAsString(result);
    TestQueues.client().sendMessage(b -> b.queueUrl(url).messageBody(body)).join();
  }

  /** Both consumed and deleted: nothing visible and nothing in flight on the results queue. */
  private static void awaitResultsConsumed() {
    String url = TestQueues.url(TestQueues.RESULTS);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                TestQueues.client()
                    .getQueueAttributes(
                        b ->
                            b.queueUrl(url)
                                .attributeNames(
                                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                    .join()
                    .attributes()
                    .values()
                    .stream()
                    .allMatch("0"::equals));
  }

  private static void sendToDeadLetterQueue(ProvisioningJob job) {
    String url = TestQueues.url(TestQueues.JOBS_DLQ);
    String body = Api.json().writeValueAsString(job);
    TestQueues.client()
        .sendMessage(
            b ->
                b.queueUrl(url)
                    .messageBody(body)
                    .messageGroupId(job.systemId().toString())
                    .messageDeduplicationId(job.jobId().toString()))
        .join();
  }
}
