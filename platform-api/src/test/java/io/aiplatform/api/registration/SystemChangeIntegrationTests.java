package io.aiplatform.api.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aiplatform.api.support.Api;
import io.aiplatform.api.support.ApiIntegrationTest;
import io.aiplatform.api.support.FakeWorker;
import io.aiplatform.api.support.TestTokens;
import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningJob.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** PATCH of a system through the running API: merge patch, If-Match, the update's life cycle. */
class SystemChangeIntegrationTests extends ApiIntegrationTest {

  private final String token = TestTokens.admin();

  @Test
  void aMergePatchOfAnActiveSystemIsAcceptedAsAnUpdateOfTheMergedConfiguration() {
    String name = uniqueName("change");
    String id = active(name);
    Api.Response before = api.get("/admin/systems/" + id, token);

    Api.Response changed =
        api.patch(
            "/admin/systems/" + id,
            token,
            before.header("ETag"),
            """
            {"description": null, "lambda_config": {"memory": 4096},
             "data_sources": ["inventory", "orders", "products", "suppliers"],
             "endpoints": [{"path": "/%1$s/optimize", "method": "POST"},
                           {"path": "/%1$s/forecast", "method": "GET"}]}
            """
                .formatted(name));

    assertThat(changed.status()).as(changed.body()).isEqualTo(202);
    JsonNode record = changed.json();
    assertThat(record.get("status").asString()).isEqualTo("updating");
    assertThat(record.get("description").isNull()).isTrue();
    assertThat(record.at("/lambda_config/memory").asInt()).isEqualTo(4096);
    assertThat(record.at("/lambda_config/timeout").asInt()).isEqualTo(600);
    assertThat(record.at("/lambda_config/runtime").asString()).isEqualTo("python3.11");
    assertThat(record.get("data_sources").size()).isEqualTo(4);
    assertThat(record.get("endpoints").findValuesAsString("path"))
        .containsExactly("/" + name + "/optimize", "/" + name + "/forecast");
    assertThat(changed.header("ETag")).isNotEqualTo(before.header("ETag"));
    ProvisioningJob update = FakeWorker.awaitJob(id, 2);
    assertThat(update.kind()).isEqualTo(Kind.UPDATE);
    assertThat(update.spec().lambdaConfig().memory()).isEqualTo(4096);
    assertThat(update.spec().description()).isNull();
    assertThat(update.previousSpec().lambdaConfig().memory()).isEqualTo(2048);
    assertThat(update.previousSpec().description())
        .isEqualTo("AI system for inventory optimization");
  }

  @Test
  void theTimelineShowsTheChangeAsADiffOfEachChangedField() {
    String name = uniqueName("diff");
    String id = active(name);

    patch(id, "{\"description\":\"v2\",\"lambda_config\":{\"memory\":1024,\"runtime\":null}}");

    JsonNode events = api.get("/admin/systems/" + id + "/events", token).json().get("events");
    JsonNode requested = events.get(events.size() - 1);
    assertThat(requested.get("step").asString()).isEqualTo("update");
    assertThat(requested.get("status").asString()).isEqualTo("requested");
    JsonNode changes = requested.get("changes");
    assertThat(changes.findValuesAsString("field"))
        .containsExactly("description", "lambda_config.memory", "lambda_config.runtime");
    assertThat(changes.get(0).get("before").asString())
        .isEqualTo("AI system for inventory optimization");
    assertThat(changes.get(0).get("after").asString()).isEqualTo("v2");
    assertThat(changes.get(1).get("before").asInt()).isEqualTo(2048);
    assertThat(changes.get(1).get("after").asInt()).isEqualTo(1024);
    assertThat(changes.get(2).get("after").isNull()).isTrue();
  }

  @Test
  void aSucceededUpdateMakesTheSystemActiveWithTheNewConfiguration() {
    String name = uniqueName("updated");
    String id = active(name);
    patch(id, "{\"lambda_config\":{\"memory\":4096}}");

    FakeWorker.succeed(FakeWorker.awaitJob(id, 2));

    JsonNode record = awaitStatus(id, "active");
    assertThat(record.at("/lambda_config/memory").asInt()).isEqualTo(4096);
    assertThat(record.at("/infrastructure/lambda_function").asString())
        .isEqualTo("platform-" + name + "-handler");
    assertThat(record.at("/infrastructure/api_routes/0").asString())
        .isEqualTo("POST /" + name + "/optimize");
    assertThat(record.at("/resources/0/action").asString()).isEqualTo("updated");
  }

  @Test
  void aFailedUpdateShowsTheConfigurationThatRunsAndItsRetryRunsTheSameChangeAgain() {
    String id = active(uniqueName("rollback"));
    patch(id, "{\"lambda_config\":{\"memory\":4096}}");

    FakeWorker.fail(FakeWorker.awaitJob(id, 2), "LAMBDA_FUNCTION x failed: AccessDenied");

    JsonNode failed = awaitStatus(id, "update_failed");
    assertThat(failed.get("error_message").asString()).contains("AccessDenied");
    assertThat(failed.at("/lambda_config/memory").asInt()).isEqualTo(2048);
    Api.Response retry = api.post("/admin/systems/" + id + "/retry", token, "");
    assertThat(retry.status()).isEqualTo(202);
    assertThat(retry.json().get("status").asString()).isEqualTo("updating");
    assertThat(retry.json().at("/lambda_config/memory").asInt()).isEqualTo(4096);
    ProvisioningJob again = FakeWorker.awaitJob(id, 3);
    assertThat(again.kind()).isEqualTo(Kind.UPDATE);
    assertThat(again.spec().lambdaConfig().memory()).isEqualTo(4096);
    assertThat(again.previousSpec().lambdaConfig().memory()).isEqualTo(2048);
  }

  @Test
  void aChangeMadeFromAnOlderVersionIs412AndChangesNothing() {
    String id = active(uniqueName("stale"));
    String first = api.get("/admin/systems/" + id, token).header("ETag");
    patch(id, "{\"description\":\"first\"}");
    FakeWorker.succeed(FakeWorker.awaitJob(id, 2));
    awaitStatus(id, "active");

    Api.Response stale =
        api.patch("/admin/systems/" + id, token, first, "{\"description\":\"second\"}");

    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.json().get("type").asString())
        .isEqualTo("https://aiplatform.io/problems/precondition-failed");
    assertThat(api.get("/admin/systems/" + id, token).json().get("description").asString())
        .isEqualTo("first");
    assertThat(FakeWorker.jobs(id)).hasSize(2);
  }

  @Test
  void aChangeWithoutIfMatchIs428() {
    String id = registered(uniqueName("unconditional"));

    Api.Response response = api.patch("/admin/systems/" + id, token, null, "{}");

    assertThat(response.status()).isEqualTo(428);
    assertThat(response.json().get("type").asString())
        .isEqualTo("https://aiplatform.io/problems/precondition-required");
  }

  @Test
  void theSystemNameCannotChange() {
    String id = registered(uniqueName("renamed"));

    Api.Response response = patchAny(id, "{\"system_name\":\"another-name\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").get(0).get("field").asString())
        .isEqualTo("system_name");
    assertThat(response.json().get("errors").get(0).get("message").asString())
        .isEqualTo("cannot be changed");
  }

  @Test
  void aSystemThatIsNotActiveCannotBeChanged() {
    String id = registered(uniqueName("pending"));

    Api.Response response = patchAny(id, "{\"description\":\"x\"}");

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json().get("type").asString())
        .isEqualTo("https://aiplatform.io/problems/invalid-state");
    assertThat(response.json().get("detail").asString()).contains("pending_provisioning");
  }

  @Test
  void theMergedResultIsCheckedAsARegistrationIsAndABadOneChangesNothing() {
    String id = active(uniqueName("checked"));
    String etag = api.get("/admin/systems/" + id, token).header("ETag");

    assertRefused(id, etag, "{\"lambda_config\":{\"memory\":\"2048\"}}", "lambda_config.memory");
    assertRefused(id, etag, "{\"lambda_config\":{\"memory\":99999}}", "lambda_config.memory");
    assertRefused(id, etag, "{\"description\":\"a\\u0000b\"}", "description");
    assertRefused(id, etag, "{\"description\":\"a\",\"description\":\"b\"}", "description");
    assertRefused(id, etag, "{\"data_sources\":[\"x y\"]}", "data_sources[0]");
    assertRefused(
        id,
        etag,
        "{\"endpoints\":[{\"path\":\"/a\",\"method\":\"FETCH\"}]}",
        "endpoints[0].method");
    assertRefused(id, etag, "{\"owner\":\"me\"}", "owner");
    assertRefused(id, etag, "{\"status\":\"active\"}", "status");
    assertRefused(id, etag, "[]", "(body)");
    assertThat(api.get("/admin/systems/" + id, token).header("ETag")).isEqualTo(etag);
    assertThat(FakeWorker.jobs(id)).hasSize(1);
  }

  @Test
  void aChangeMustBeAMergePatch() {
    String id = registered(uniqueName("media"));

    Api.Response response =
        api.send(
            api.request("/admin/systems/" + id, token)
                .header("Content-Type", "application/json")
                .header("If-Match", "*")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{}")));

    assertThat(response.status()).isEqualTo(415);
  }

  private void assertRefused(String id, String etag, String patch, String field) {
    Api.Response response = api.patch("/admin/systems/" + id, token, etag, patch);
    assertThat(response.status()).as(patch + " -> " + response.body()).isEqualTo(400);
    assertThat(response.json().get("errors").findValuesAsString("field")).as(patch).contains(field);
  }

  private String registered(String name) {
    return api.post("/admin/systems", token, registration(name)).json().get("system_id").asString();
  }

  /** Registers the system and plays the worker until it is active; answers its id. */
  private String active(String name) {
    String id = registered(name);
    FakeWorker.succeed(FakeWorker.awaitJob(id, 1));
    awaitStatus(id, "active");
    return id;
  }

  private void patch(String id, String body) {
    Api.Response response = patchAny(id, body);
    assertThat(response.status()).as(response.body()).isEqualTo(202);
  }

  private Api.Response patchAny(String id, String body) {
    String etag = api.get("/admin/systems/" + id, token).header("ETag");
    return api.patch("/admin/systems/" + id, token, etag, body);
  }

  private JsonNode awaitStatus(String id, String status) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> api.get("/admin/systems/" + id, token).json(),
            s -> status.equals(s.get("status").asString()));
  }
}
