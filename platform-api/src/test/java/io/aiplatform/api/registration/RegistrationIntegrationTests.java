package io.aiplatform.api.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aiplatform.api.support.Api;
import io.aiplatform.api.support.ApiIntegrationTest;
import io.aiplatform.api.support.JobsOnQueue;
import io.aiplatform.api.support.TestTokens;
import io.aiplatform.contracts.ProvisioningJob;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RegistrationIntegrationTests extends ApiIntegrationTest {

  @Test
  void registrationAnswers201WithLocationAndTheSeedResponse() {
    String name = uniqueName("inventory-optimizer");

    Api.Response response = api.post("/admin/systems", TestTokens.admin(), registration(name));

    assertThat(response.status()).isEqualTo(201);
    JsonNode body = response.json();
    String id = body.get("system_id").asString();
    assertThat(response.header("Location")).isEqualTo("/admin/systems/" + id);
    assertThat(body.get("message").asString()).isEqualTo("System registered successfully");
    assertThat(body.get("system_name").asString()).isEqualTo(name);
    assertThat(body.get("status").asString()).isEqualTo("pending_provisioning");
    assertThat(body.get("note").asString())
        .isEqualTo("Infrastructure provisioning will begin automatically");
  }

  @Test
  void registrationPutsAProvisionJobOnTheFifoQueue() {
    String name = uniqueName("demand-forecast");
    String id =
        api.post("/admin/systems", TestTokens.token("alice", TestTokens.WRITE), registration(name))
            .json()
            .get("system_id")
            .asString();

    var received =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> JobsOnQueue.forSystem(id), jobs -> !jobs.isEmpty())
            .get(0);

    ProvisioningJob job = Api.json().readValue(received.body(), ProvisioningJob.class);
    assertThat(received.groupId()).isEqualTo(id);
    assertThat(received.deduplicationId()).isEqualTo(job.jobId().toString());
    assertThat(job.schemaVersion()).isEqualTo(1);
    assertThat(job.kind()).isEqualTo(ProvisioningJob.Kind.PROVISION);
    assertThat(job.generation()).isEqualTo(1);
    assertThat(job.requestedBy()).isEqualTo("alice");
    assertThat(job.deleteData()).isFalse();
    assertThat(job.spec().systemName()).isEqualTo(name);
    assertThat(job.spec().dataSources()).containsExactly("inventory", "orders", "products");
    assertThat(job.spec().lambdaConfig().memory()).isEqualTo(2048);
    assertThat(Api.json().readTree(received.body()).has("systemId")).isTrue();
  }

  @Test
  void getAnswersTheRecordInTheSeedSchema() {
    String name = uniqueName("customer-insights");
    String token = TestTokens.admin();
    String id =
        api.post("/admin/systems", token, registration(name)).json().get("system_id").asString();

    Api.Response response = api.get("/admin/systems/" + id, token);

    assertThat(response.status()).isEqualTo(200);
    JsonNode record = response.json();
    assertThat(record.get("system_id").asString()).isEqualTo(id);
    assertThat(record.get("system_name").asString()).isEqualTo(name);
    assertThat(record.get("description").asString())
        .isEqualTo("AI system for inventory optimization");
    assertThat(record.get("data_sources").size()).isEqualTo(3);
    assertThat(record.get("endpoints").get(0).get("method").asString()).isEqualTo("POST");
    assertThat(record.get("lambda_config").get("runtime").asString()).isEqualTo("python3.11");
    assertThat(record.get("status").asString()).isEqualTo("pending_provisioning");
    assertThat(record.get("created_at").asString()).isNotBlank();
    assertThat(record.get("updated_at").asString()).isNotBlank();
    assertThat(record.get("infrastructure").has("s3_buckets")).isTrue();
    assertThat(record.get("resources").isArray()).isTrue();
    assertThat(record.has("error_message")).isFalse();
  }

  @Test
  void unknownSystemIs404ProblemAndMalformedIdIs400() {
    String token = TestTokens.admin();

    Api.Response missing = api.get("/admin/systems/" + UUID.randomUUID(), token);
    Api.Response malformed = api.get("/admin/systems/not-a-uuid", token);

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    assertThat(missing.json().get("type").asString())
        .isEqualTo("https://aiplatform.io/problems/not-found");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("errors").get(0).get("field").asString())
        .isEqualTo("system_id");
  }

  @Test
  void duplicateNameIs409AndStoresNothingMore() {
    String name = uniqueName("duplicate");
    String token = TestTokens.admin();
    assertThat(api.post("/admin/systems", token, registration(name)).status()).isEqualTo(201);

    Api.Response second = api.post("/admin/systems", token, registration(name));

    assertThat(second.status()).isEqualTo(409);
    assertThat(second.json().get("type").asString())
        .isEqualTo("https://aiplatform.io/problems/duplicate-name");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM systems WHERE system_name = ?", Integer.class, name))
        .isEqualTo(1);
  }

  @Test
  void retriedPostWithTheSameIdempotencyKeyAnswersTheFirstResponseOnce() {
    String name = uniqueName("idempotent");
    String token = TestTokens.token("bob", TestTokens.READ, TestTokens.WRITE);
    String key = UUID.randomUUID().toString();

    Api.Response first = postWithKey(token, key, registration(name));
    Api.Response retried = postWithKey(token, key, registration(name));

    assertThat(first.status()).isEqualTo(201);
    assertThat(retried.status()).isEqualTo(201);
    assertThat(retried.body()).isEqualTo(first.body());
    assertThat(retried.header("Location")).isEqualTo(first.header("Location"));
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM systems WHERE system_name = ?", Integer.class, name))
        .isEqualTo(1);
    String id = first.json().get("system_id").asString();
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?",
                Integer.class,
                "%" + id + "%"))
        .isEqualTo(1);
  }

  @Test
  void sameIdempotencyKeyWithADifferentBodyIs422() {
    String token = TestTokens.token("carol", TestTokens.WRITE);
    String key = UUID.randomUUID().toString();
    String other = uniqueName("other");
    assertThat(postWithKey(token, key, registration(uniqueName("first"))).status()).isEqualTo(201);

    Api.Response reused = postWithKey(token, key, registration(other));

    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.json().get("type").asString())
        .isEqualTo("https://aiplatform.io/problems/idempotency-key-reused");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM systems WHERE system_name = ?", Integer.class, other))
        .isZero();
  }

  @Test
  void eventsStartWithTheAcceptedRegistration() {
    String token = TestTokens.admin();
    String id =
        api.post("/admin/systems", token, registration(uniqueName("timeline")))
            .json()
            .get("system_id")
            .asString();

    Api.Response events = api.get("/admin/systems/" + id + "/events", token);

    assertThat(events.status()).isEqualTo(200);
    JsonNode first = events.json().get("events").get(0);
    assertThat(first.get("step").asString()).isEqualTo("registration");
    assertThat(first.get("status").asString()).isEqualTo("accepted");
    assertThat(first.get("at").asString()).isNotBlank();
  }

  private Api.Response postWithKey(String token, String key, String body) {
    return api.send(
        api.request("/admin/systems", token)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
  }
}
