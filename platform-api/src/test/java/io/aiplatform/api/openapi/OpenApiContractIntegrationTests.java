package io.aiplatform.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aiplatform.api.support.Api;
import io.aiplatform.api.support.ApiIntegrationTest;
import io.aiplatform.api.support.JobsOnQueue;
import io.aiplatform.api.support.TestQueues;
import io.aiplatform.api.support.TestTokens;
import io.aiplatform.contracts.Infrastructure;
import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningResult;
import io.aiplatform.contracts.ResourceResult;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Holds the running API to its own OpenAPI document: every response below, successes and refusals,
 * must have a documented status, the documented required headers and a body that validates against
 * the documented schema; and every documented status (but 500 and 503, which no request can provoke
 * on demand) must be one the API really answered here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiContractIntegrationTests extends ApiIntegrationTest {

  private static final String UNKNOWN = "/admin/systems/" + UUID.randomUUID();
  private static OpenApiDocument document;

  private final String admin = TestTokens.admin();
  private final List<String> violations = new ArrayList<>();

  @BeforeEach
  void loadDocument() {
    if (document == null) {
      document = new OpenApiDocument(api.get("/v3/api-docs", null).json());
    }
  }

  @AfterAll
  static void forget() {
    document = null;
  }

  @Test
  @Order(1)
  void registrationsAndTheirRecordsMatchTheDocument() {
    String name = uniqueName("contract");
    Api.Response created = check("POST", "/admin/systems", post(registration(name), "k-" + name));
    check("POST", "/admin/systems", post(registration(name), "k-" + name));
    String path = created.header("Location");
    check("GET", path, api.get(path, admin));
    ProvisioningJob job = awaitJob(created.json().get("system_id").asString(), 1);
    sendResult(job, ProvisioningResult.Outcome.SUCCEEDED);
    awaitStatus(path, "active");
    check("GET", path, api.get(path, admin));
    check("GET", path + "/events", api.get(path + "/events", admin));
    check("GET", "/admin/systems?limit=2", api.get("/admin/systems?limit=2", admin));
    check("GET", "/admin/systems?status=active", api.get("/admin/systems?status=active", admin));
    check("GET", "/admin/systems?drifted=true", api.get("/admin/systems?drifted=true", admin));
    check("GET", "/admin/systems?drifted=no", api.get("/admin/systems?drifted=no", admin));
    check("POST", path + "/reconcile", api.post(path + "/reconcile", admin, ""));
    check("POST", path + "/reconcile", api.post(path + "/reconcile?repair=maybe", admin, ""));
    check("POST", UNKNOWN + "/reconcile", api.post(UNKNOWN + "/reconcile", admin, ""));
    check("DELETE", path, api.delete(path + "?delete_data=true", admin));
    check("POST", path + "/reconcile", api.post(path + "/reconcile", admin, ""));
    check("DELETE", path, api.delete(path, admin));
    check("POST", path + "/retry", api.post(path + "/retry", admin, ""));
    check("GET", "/admin/audit?limit=5", api.get("/admin/audit?limit=5", admin));

    assertThat(violations).isEmpty();
  }

  @Test
  @Order(2)
  void aFailedSystemAndItsRetryMatchTheDocument() {
    Api.Response created = api.post("/admin/systems", admin, registration(uniqueName("fails")));
    String path = created.header("Location");
    ProvisioningJob job = awaitJob(created.json().get("system_id").asString(), 1);
    sendResult(job, ProvisioningResult.Outcome.FAILED);
    awaitStatus(path, "provisioning_failed");
    check("GET", path, api.get(path, admin));
    check("GET", path + "/events", api.get(path + "/events", admin));
    check("POST", path + "/retry", api.post(path + "/retry", admin, ""));

    assertThat(violations).isEmpty();
  }

  @Test
  @Order(3)
  void changesAndTheirRefusalsMatchTheDocument() {
    String name = uniqueName("changed");
    Api.Response created = api.post("/admin/systems", admin, registration(name));
    String path = created.header("Location");
    ProvisioningJob job = awaitJob(created.json().get("system_id").asString(), 1);
    sendResult(job, ProvisioningResult.Outcome.SUCCEEDED);
    awaitStatus(path, "active");
    String etag = check("GET", path, api.get(path, admin)).header("ETag");
    check("PATCH", path, api.patch(path, admin, null, "{}"));
    check("PATCH", path, api.patch(path, admin, etag, "{\"system_name\":\"other\"}"));
    check("PATCH", UNKNOWN, api.patch(UNKNOWN, admin, etag, "{}"));
    check("PATCH", path, api.patch(path, admin, etag, "{\"x\":\"" + "y".repeat(70_000) + "\"}"));
    check("PATCH", path, post(path, "PATCH", "application/json", etag, "{}"));
    check("PATCH", path, api.patch(path, admin, "\"0\"", "{\"description\":\"v2\"}"));
    Api.Response accepted =
        check("PATCH", path, api.patch(path, admin, etag, "{\"description\":\"v2\"}"));
    String updating = accepted.header("ETag");
    check("PATCH", path, api.patch(path, admin, updating, "{\"description\":\"v3\"}"));
    check("DELETE", path, api.delete(path, admin));
    check("GET", path + "/events", api.get(path + "/events", admin));
    check("POST", "/admin/systems", routeTaken(name));

    assertThat(violations).isEmpty();
  }

  @Test
  @Order(4)
  void refusalsAreDocumentedProblems() {
    String taken = uniqueName("taken");
    api.post("/admin/systems", admin, registration(taken));
    check("POST", "/admin/systems", api.post("/admin/systems", admin, registration(taken)));
    check("POST", "/admin/systems", api.post("/admin/systems", admin, "{\"system_name\":\"A\"}"));
    check("POST", "/admin/systems", api.post("/admin/systems", admin, "{not json"));
    check("POST", "/admin/systems", post(registration(uniqueName("a")), "reused-" + taken));
    check("POST", "/admin/systems", post(registration(uniqueName("b")), "reused-" + taken));
    String big = "{\"system_name\":\"big\",\"description\":\"" + "x".repeat(70_000) + "\"}";
    check("POST", "/admin/systems", api.post("/admin/systems", admin, big));
    check("POST", "/admin/systems", plainText());
    check("GET", "/admin/systems?limit=0", api.get("/admin/systems?limit=0", admin));
    check("GET", "/admin/systems/not-a-uuid", api.get("/admin/systems/not-a-uuid", admin));
    check("GET", UNKNOWN, api.get(UNKNOWN, admin));
    check("GET", UNKNOWN + "/events", api.get(UNKNOWN + "/events", admin));
    check("GET", "/admin/systems/x/events", api.get("/admin/systems/x/events", admin));
    check("DELETE", UNKNOWN, api.delete(UNKNOWN, admin));
    check("DELETE", "/admin/systems/x", api.delete("/admin/systems/x", admin));
    check("POST", UNKNOWN + "/retry", api.post(UNKNOWN + "/retry", admin, ""));
    check("POST", "/admin/systems/x/retry", api.post("/admin/systems/x/retry", admin, ""));
    check("GET", "/admin/audit?from=yesterday", api.get("/admin/audit?from=yesterday", admin));

    assertThat(violations).isEmpty();
  }

  @Test
  @Order(4)
  void dryRunsAndPrecheckRefusalsMatchTheDocument() {
    String dryRun = "/admin/systems?dry_run=true";
    check("POST", "/admin/systems", api.post(dryRun, admin, registration(uniqueName("planned"))));
    String conflicted = uniqueName("conflicted");
    awsReadFaults.ownedByAnotherAccount("platform-" + conflicted + "-raw");
    check("POST", "/admin/systems", api.post(dryRun, admin, registration(conflicted)));
    Api.Response refused =
        check(
            "POST", "/admin/systems", api.post("/admin/systems", admin, registration(conflicted)));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(violations).isEmpty();
  }

  @Test
  @Order(5)
  void everyOperationDocumentsItsTokenScopeAndMediaTypeRefusals() {
    String readOnly = TestTokens.token("reader", TestTokens.READ);
    String writeOnly = TestTokens.token("writer", TestTokens.WRITE);
    for (String[] op : operations()) {
      String method = op[0];
      String path = op[1];
      String wrongScope = method.equals("GET") ? writeOnly : readOnly;
      check(method, path, send(method, path, null, "application/json"));
      check(method, path, send(method, path, wrongScope, "application/json"));
      check(method, path, send(method, path, admin, "text/html"));
      JsonNode security = operation(method, path).get("security").get(0).get("bearer");
      assertThat(security.get(0).asString())
          .isEqualTo(method.equals("GET") ? TestTokens.READ : TestTokens.WRITE);
    }

    assertThat(violations).isEmpty();
  }

  @Test
  @Order(6)
  void theDocumentedNameLimitIsTheOneTheApiEnforces() {
    JsonNode name =
        document.json().at("/components/schemas/RegistrationRequest/properties/system_name");
    int max = name.get("maxLength").asInt();
    String longest = "n" + UUID.randomUUID().toString().replace("-", "").repeat(2);

    Api.Response fits = api.post("/admin/systems", admin, registration(longest.substring(0, max)));
    Api.Response over =
        api.post("/admin/systems", admin, registration(longest.substring(0, max + 1)));

    assertThat(fits.status()).isEqualTo(201);
    assertThat(over.status()).isEqualTo(400);
    assertThat(over.json().get("errors").get(0).get("field").asString()).isEqualTo("system_name");
  }

  @Test
  @Order(7)
  void everyDocumentedStatusIsOneTheApiReallyAnswered() {
    Set<String> expected = new TreeSet<>(document.documented());
    expected.removeIf(key -> key.endsWith(" 500") || key.endsWith(" 503"));

    assertThat(document.observed()).containsAll(expected);
  }

  private Api.Response check(String method, String path, Api.Response response) {
    document.violations(method, path, response).stream()
        .map(v -> method + " " + path + ": " + v)
        .forEach(violations::add);
    return response;
  }

  /** A registration whose routes are those of the system {@code owner} registered. */
  private Api.Response routeTaken(String owner) {
    String body =
        """
        {"system_name":"%s","endpoints":[{"path":"/%s/optimize","method":"POST"}]}
        """
            .formatted(uniqueName("copy"), owner);
    return api.post("/admin/systems", admin, body);
  }

  private Api.Response post(String path, String method, String type, String etag, String body) {
    return api.send(
        api.request(path, admin)
            .header("Content-Type", type)
            .header("If-Match", etag)
            .method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  private Api.Response post(String body, String idempotencyKey) {
    return api.send(
        api.request("/admin/systems", admin)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotencyKey)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private Api.Response plainText() {
    return api.send(
        api.request("/admin/systems", admin)
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString("hello")));
  }

  private Api.Response send(String method, String path, String token, String accept) {
    var body =
        method.equals("POST") && path.equals("/admin/systems")
            ? HttpRequest.BodyPublishers.ofString(registration(uniqueName("scoped")))
            : HttpRequest.BodyPublishers.noBody();
    String type = method.equals("PATCH") ? "application/merge-patch+json" : "application/json";
    return api.send(
        api.request(path, token)
            .header("Accept", accept)
            .header("Content-Type", type)
            .method(method, body));
  }

  /** Each documented operation with a concrete path. */
  private static List<String[]> operations() {
    List<String[]> all = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.json().get("paths").properties()) {
      for (String method : path.getValue().propertyNames()) {
        String concrete = path.getKey().replace("{system_id}", UUID.randomUUID().toString());
        all.add(new String[] {method.toUpperCase(), concrete});
      }
    }
    return all;
  }

  private static JsonNode operation(String method, String path) {
    return document.json().get("paths").get(document.template(path)).get(method.toLowerCase());
  }

  private void awaitStatus(String path, String status) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> api.get(path, admin).json().get("status").asString(), status::equals);
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

  /** What provisioner-worker would report: one bucket created, one Glue step as the outcome. */
  private static void sendResult(ProvisioningJob job, ProvisioningResult.Outcome outcome) {
    boolean ok = outcome == ProvisioningResult.Outcome.SUCCEEDED;
    String raw = "platform-" + job.spec().systemName() + "-raw";
    Instant now = Instant.now();
    var bucket =
        new ResourceResult(
            ResourceResult.ResourceKind.S3_BUCKET,
            raw,
            "arn:aws:s3:::" + raw,
            ok ? ResourceResult.Action.CREATED : ResourceResult.Action.ROLLED_BACK,
            ResourceResult.Status.SUCCEEDED,
            null,
            now);
    var glue =
        new ResourceResult(
            ResourceResult.ResourceKind.GLUE_DATABASE,
            "platform_db",
            null,
            ResourceResult.Action.CREATED,
            ok ? ResourceResult.Status.SUCCEEDED : ResourceResult.Status.FAILED,
            ok ? null : new ResourceResult.AwsError("AccessDenied", "not allowed", "req-1"),
            now);
    var infrastructure =
        new Infrastructure(
            new Infrastructure.Buckets(raw, null, null), "platform_db", null, null, List.of());
    var result =
        new ProvisioningResult(
            1,
            job.jobId(),
            job.systemId(),
            job.kind(),
            job.generation(),
            outcome,
            List.of(bucket, glue),
            ok ? infrastructure : null,
            ok ? null : "GLUE_DATABASE platform_db: AccessDenied",
            now);
    String url = TestQueues.url(TestQueues.RESULTS);
    String body = Api.json().writeValueAsString(result);
    TestQueues.client().sendMessage(b -> b.queueUrl(url).messageBody(body)).join();
  }
}
