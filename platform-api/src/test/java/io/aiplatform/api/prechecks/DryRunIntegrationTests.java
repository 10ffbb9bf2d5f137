package io.aiplatform.api.prechecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aiplatform.api.support.Api;
import io.aiplatform.api.support.ApiIntegrationTest;
import io.aiplatform.api.support.TestTokens;
import io.aiplatform.api.web.ProblemTypes;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /admin/systems?dry_run=true} and the pre-checks of a real registration, against the
 * emulator: names in use are created there first; a bucket of another account is a 403 injected at
 * the SDK's HTTP layer ({@link io.aiplatform.api.support.AwsReadFaults}), which moto cannot answer.
 */
class DryRunIntegrationTests extends ApiIntegrationTest {

  private static final String DRY_RUN = "/admin/systems?dry_run=true";

  private final String admin = TestTokens.admin();

  @Test
  void aCleanPlanWouldSucceedAndCreatesEveryResource() {
    String name = uniqueName("plan");

    Api.Response response = api.post(DRY_RUN, admin, registration(name));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.get("would_succeed").asBoolean()).isTrue();
    assertThat(actions(body)).containsOnly("create");
    assertThat(planned(body))
        .contains(
            "s3_bucket platform-" + name + "-raw",
            "s3_bucket platform-" + name + "-curated",
            "s3_bucket platform-" + name + "-prod",
            "glue_database platform_" + name.replace('-', '_') + "_db",
            "glue_crawler platform-" + name + "-crawler",
            "eventbridge_rule platform-" + name + "-raw-to-curated",
            "lambda_function platform-" + name + "-handler");
    assertThat(body.get("checks").findValuesAsString("check"))
        .contains("bucket-name-free", "bucket-quota", "glue-database-free", "lambda-function-free");
    assertThat(body.get("checks").findValues("passed")).allMatch(JsonNode::asBoolean);
    assertNothingStoredOrQueued(name);
  }

  @Test
  void aDryRunIsAudited() {
    String requestId = "dry-run-" + uniqueName("audit");

    Api.Response response =
        api.send(
            api.request(DRY_RUN, admin)
                .header("Content-Type", "application/json")
                .header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(registration(uniqueName("audited")))));

    assertThat(response.status()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.queryForList(
                    "SELECT method || ' ' || path || ' ' || status FROM audit_log"
                        + " WHERE request_id = ?",
                    String.class,
                    requestId),
            List.of("POST /admin/systems 200")::equals);
  }

  @Test
  void aBucketOfThisAccountThatIsNotOursIsAConflict() {
    String name = uniqueName("mine");
    String curated = "platform-" + name + "-curated";
    EmulatorResources.create(curated);

    JsonNode body = api.post(DRY_RUN, admin, registration(name)).json();

    assertThat(body.get("would_succeed").asBoolean()).isFalse();
    assertThat(action(body, curated)).isEqualTo("conflict");
    assertThat(action(body, "platform-" + name + "-raw")).isEqualTo("create");
    JsonNode failed = onlyFailed(body);
    assertThat(failed.get("check").asString()).isEqualTo("bucket-name-free");
    assertThat(failed.get("resource").asString()).isEqualTo(curated);
    assertThat(failed.get("detail").asString()).contains("this account", "HeadBucket 200");
    assertNothingStoredOrQueued(name);
  }

  @Test
  void aBucketOfAnotherAccountIsAConflict() {
    String name = uniqueName("theirs");
    String raw = "platform-" + name + "-raw";
    awsReadFaults.ownedByAnotherAccount(raw);

    JsonNode body = api.post(DRY_RUN, admin, registration(name)).json();

    assertThat(body.get("would_succeed").asBoolean()).isFalse();
    assertThat(action(body, raw)).isEqualTo("conflict");
    JsonNode failed = onlyFailed(body);
    assertThat(failed.get("resource").asString()).isEqualTo(raw);
    assertThat(failed.get("detail").asString()).contains("another AWS account", "403");
    assertNothingStoredOrQueued(name);
  }

  @Test
  void aGlueDatabaseOfThatNameIsAConflict() {
    String name = uniqueName("glued");
    String database = "platform_" + name.replace('-', '_') + "_db";
    EmulatorResources.glueDatabase(database);

    JsonNode body = api.post(DRY_RUN, admin, registration(name)).json();

    assertThat(action(body, database)).isEqualTo("conflict");
    assertThat(onlyFailed(body).get("check").asString()).isEqualTo("glue-database-free");
  }

  @Test
  void theSameBodyAsARegistrationIsRefusedNamingEachFailedCheck() {
    String name = uniqueName("refused");
    String curated = "platform-" + name + "-curated";
    String prod = "platform-" + name + "-prod";
    EmulatorResources.create(curated);
    awsReadFaults.ownedByAnotherAccount(prod);

    Api.Response response = api.post("/admin/systems", admin, registration(name));

    assertThat(response.status()).as(response.body()).isEqualTo(409);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("type").asString()).isEqualTo(ProblemTypes.PRECONDITION_FAILED);
    assertThat(problem.get("checks").findValuesAsString("resource"))
        .containsExactlyInAnyOrder(curated, prod);
    assertThat(problem.get("checks").findValues("passed")).noneMatch(JsonNode::asBoolean);
    assertThat(problem.get("detail").asString()).contains(curated, prod);
    assertNothingStoredOrQueued(name);
  }

  @Test
  void aDryRunWithAnIdempotencyKeyKeepsNothing() {
    String name = uniqueName("keyed");
    String key = "dry-" + name;

    Api.Response dry = post(DRY_RUN, registration(name), key);
    Api.Response real = post("/admin/systems", registration(uniqueName("other")), key);

    assertThat(dry.status()).isEqualTo(200);
    assertThat(real.status()).as("the key was not used yet").isEqualTo(201);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM idempotency_keys WHERE key = ?", Long.class, key))
        .isEqualTo(1);
    assertNothingStoredOrQueued(name);
  }

  @Test
  void aDryRunIsValidatedLikeARegistration() {
    Api.Response response = api.post(DRY_RUN, admin, "{\"system_name\":\"Not Valid\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("type").asString()).isEqualTo(ProblemTypes.VALIDATION);
    assertThat(response.json().get("errors").findValuesAsString("field"))
        .containsExactly("system_name");
  }

  @Test
  void aDryRunOfATakenNameAnswersWhatTheRegistrationWould() {
    String name = uniqueName("held");
    assertThat(api.post("/admin/systems", admin, registration(name)).status()).isEqualTo(201);

    Api.Response response = api.post(DRY_RUN, admin, registration(name));

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json().get("type").asString()).isEqualTo(ProblemTypes.DUPLICATE_NAME);
    assertThat(systemsNamed(name)).isEqualTo(1);
  }

  @Test
  void anUnknownDryRunValueIsRefusedNamingTheParameter() {
    String name = uniqueName("maybe");

    Api.Response response = api.post("/admin/systems?dry_run=maybe", admin, registration(name));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").findValuesAsString("field"))
        .containsExactly("dry_run");
    assertNothingStoredOrQueued(name);
  }

  @Test
  void whenAwsCannotBeReachedTheRegistrationIsRefusedWith503AndNothingIsStored() {
    String name = uniqueName("cutoff");
    awsReadFaults.cutOff();

    Api.Response real = api.post("/admin/systems", admin, registration(name));
    Api.Response dry = api.post(DRY_RUN, admin, registration(name));

    for (Api.Response response : List.of(real, dry)) {
      assertThat(response.status()).as(response.body()).isEqualTo(503);
      assertThat(response.json().get("type").asString()).isEqualTo(ProblemTypes.UNAVAILABLE);
      assertThat(response.header("Retry-After")).isNotNull();
    }
    assertNothingStoredOrQueued(name);
  }

  private Api.Response post(String path, String body, String key) {
    return api.send(
        api.request(path, admin)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static JsonNode onlyFailed(JsonNode body) {
    List<JsonNode> failed = Checks.failed(body);
    assertThat(failed).hasSize(1);
    return failed.get(0);
  }

  private static List<String> actions(JsonNode body) {
    return body.get("plan").findValuesAsString("action");
  }

  private static List<String> planned(JsonNode body) {
    List<String> planned = new ArrayList<>();
    body.get("plan")
        .forEach(p -> planned.add(p.get("kind").asString() + " " + p.get("name").asString()));
    return planned;
  }

  private static String action(JsonNode body, String resource) {
    for (JsonNode p : body.get("plan")) {
      if (p.get("name").asString().equals(resource)) {
        return p.get("action").asString();
      }
    }
    throw new AssertionError("no plan entry for " + resource + " in " + body);
  }
}
