package io.aiplatform.api.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aiplatform.api.support.Api;
import io.aiplatform.api.support.ApiIntegrationTest;
import io.aiplatform.api.support.FakeWorker;
import io.aiplatform.api.support.TestTokens;
import io.aiplatform.contracts.ProvisioningJob;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Drift through the running API: reconcile, what a verify found, the list filter, the timeline. */
class DriftIntegrationTests extends ApiIntegrationTest {

  private final String token = TestTokens.admin();

  @Test
  void beforeTheFirstCheckTheDriftIsUnknown() {
    String id = active(uniqueName("unchecked"));

    JsonNode record = api.get("/admin/systems/" + id, token).json();

    assertThat(record.at("/drift/status").asString()).isEqualTo("unknown");
    assertThat(record.at("/drift/checked_at").isNull()).isTrue();
    assertThat(record.at("/drift/resources").size()).isZero();
    assertThat(record.get("reconcile_policy").isNull()).isTrue();
  }

  @Test
  void aReconcileSendsOneVerifyOfTheRunningConfigurationAndChangesNoState() {
    String id = active(uniqueName("reconciled"));

    Api.Response answer = api.post("/admin/systems/" + id + "/reconcile", token, "");

    assertThat(answer.status()).as(answer.body()).isEqualTo(202);
    assertThat(answer.json().get("status").asString()).isEqualTo("active");
    assertThat(answer.json().get("generation").asLong()).isEqualTo(1);
    assertThat(answer.header("ETag")).isNotNull();
    ProvisioningJob verify = FakeWorker.awaitVerify(id, 1);
    assertThat(verify.kind()).isEqualTo(ProvisioningJob.Kind.VERIFY);
    assertThat(verify.generation()).isEqualTo(1);
    assertThat(verify.repair()).isFalse();
    assertThat(verify.spec().systemName()).isEqualTo(answer.json().get("system_name").asString());
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM audit_log WHERE path = ? AND status = 202"
                    + " AND subject LIKE 'admin-%' AND system_id = ?::uuid",
                Long.class, "/admin/systems/" + id + "/reconcile", id))
        .isEqualTo(1);
  }

  @Test
  void aCheckThatFoundDriftIsShownListedAndOnTheTimelineAndTheStateStaysActive() {
    String name = uniqueName("drifted");
    String id = active(name);
    ProvisioningJob verify = reconcile(id, "");
    Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);

    FakeWorker.verified(verify, Drifts.drifted(name, at, false));

    JsonNode record = awaitDrift(id, "drifted");
    assertThat(record.get("status").asString()).isEqualTo("active");
    assertThat(record.get("generation").asLong()).isEqualTo(1);
    assertThat(Instant.parse(record.at("/drift/checked_at").asString())).isEqualTo(at);
    JsonNode resources = record.at("/drift/resources");
    assertThat(resources.findValuesAsString("status"))
        .containsExactly("drifted", "drifted", "missing", "in_sync");
    assertThat(resources.findValues("differences").stream().mapToInt(JsonNode::size).sum())
        .isEqualTo(3);
    assertThat(resources.get(0).at("/differences/0/field").asString()).isEqualTo("versioning");
    assertThat(resources.get(0).at("/differences/0/desired").asString()).isEqualTo("Enabled");
    assertThat(resources.get(0).at("/differences/0/actual").asString()).isEqualTo("Suspended");
    assertThat(resources.get(0).at("/differences/1/actual").isNull()).isTrue();
    assertThat(resources.get(2).get("kind").asString()).isEqualTo("eventbridge_rule");
    assertThat(listed("?drifted=true")).contains(id);
    assertThat(listed("?drifted=false")).doesNotContain(id);
    JsonNode detected = single(events(id), e -> e.get("step").asString().equals("drift_detected"));
    assertThat(detected.get("job_id").asString()).isEqualTo(verify.jobId().toString());
    assertThat(detected.get("resources").findValuesAsString("name"))
        .containsExactly(
            "platform-" + name + "-raw",
            "platform-" + name + "-crawler",
            "platform-" + name + "-raw-to-curated");
    assertThat(events(id).findValuesAsString("step")).doesNotContain("drift_repaired");
  }

  @Test
  void aRepairIsRecordedAsDriftRepairedAndTheSystemIsInSync() {
    String name = uniqueName("repaired");
    String id = active(name);
    ProvisioningJob verify = reconcile(id, "?repair=true");
    assertThat(verify.repair()).isTrue();

    FakeWorker.verified(verify, Drifts.drifted(name, Instant.now(), true));

    JsonNode record = awaitDrift(id, "in_sync");
    assertThat(record.at("/drift/resources/0/repaired").asBoolean()).isTrue();
    assertThat(listed("?drifted=false")).contains(id);
    JsonNode repaired = single(events(id), e -> e.get("step").asString().equals("drift_repaired"));
    assertThat(repaired.get("resources").size()).isEqualTo(3);
    assertThat(events(id).findValuesAsString("step")).contains("drift_detected");
  }

  @Test
  void aResourceThatIsNoLongerOursIsReportedDriftedOnItsTagsAndNotRepaired() {
    String name = uniqueName("foreign");
    String id = active(name);

    FakeWorker.verified(reconcile(id, "?repair=true"), Drifts.foreign(name, Instant.now()));

    JsonNode resource = awaitDrift(id, "drifted").at("/drift/resources/0");
    assertThat(resource.get("status").asString()).isEqualTo("drifted");
    assertThat(resource.at("/differences/0/field").asString()).isEqualTo("tags.platform:system-id");
    assertThat(resource.get("repaired").asBoolean()).isFalse();
  }

  @Test
  void aCheckThatFindsNothingAddsNoTimelineEntry() {
    String name = uniqueName("clean");
    String id = active(name);
    int before = events(id).size();

    FakeWorker.verified(reconcile(id, ""), Drifts.inSync(name, Instant.now()));

    awaitDrift(id, "in_sync");
    assertThat(events(id).size()).isEqualTo(before);
  }

  @Test
  void aResultDeliveredTwiceIsAppliedOnceAndAnOlderCheckNeverReplacesANewerOne() {
    String name = uniqueName("twice");
    String id = active(name);
    ProvisioningJob first = reconcile(id, "");
    ProvisioningJob second = reconcile(id, "");
    Instant earlier = Instant.now().minusSeconds(60);

    FakeWorker.verified(second, Drifts.inSync(name, Instant.now()));
    awaitDrift(id, "in_sync");
    FakeWorker.verified(first, Drifts.drifted(name, earlier, false));
    FakeWorker.verified(second, Drifts.inSync(name, Instant.now()));
    FakeWorker.verified(first, Drifts.drifted(name, earlier, false));
    awaitResultsConsumed();

    assertThat(api.get("/admin/systems/" + id, token).json().at("/drift/status").asString())
        .isEqualTo("in_sync");
    assertThat(events(id).findValuesAsString("step")).doesNotContain("drift_detected");
  }

  @Test
  void aVerifyOfAnOlderGenerationIsIgnoredAndAChangeResetsTheDrift() {
    String name = uniqueName("stale");
    String id = active(name);
    ProvisioningJob old = reconcile(id, "");
    FakeWorker.verified(old, Drifts.drifted(name, Instant.now().minusSeconds(5), false));
    awaitDrift(id, "drifted");
    String etag = api.get("/admin/systems/" + id, token).header("ETag");
    assertThat(api.patch("/admin/systems/" + id, token, etag, "{\"description\":\"v2\"}").status())
        .isEqualTo(202);
    FakeWorker.succeed(FakeWorker.awaitJob(id, 2));
    awaitStatus(id, "active");

    FakeWorker.verified(old, Drifts.drifted(name, Instant.now(), false));
    awaitResultsConsumed();

    JsonNode record = api.get("/admin/systems/" + id, token).json();
    assertThat(record.at("/drift/status").asString()).isEqualTo("unknown");
    assertThat(record.get("generation").asLong()).isEqualTo(2);
    assertThat(record.get("status").asString()).isEqualTo("active");
    assertThat(
            events(id).findValuesAsString("step").stream().filter("drift_detected"::equals).count())
        .isEqualTo(1);
  }

  @Test
  void aReconcileIsRefusedUnlessTheSystemIsActiveAndForAnUnknownSystem() {
    String pending =
        api.post("/admin/systems", token, registration(uniqueName("pending")))
            .json()
            .get("system_id")
            .asString();

    Api.Response notActive = api.post("/admin/systems/" + pending + "/reconcile", token, "");
    Api.Response unknown =
        api.post("/admin/systems/" + java.util.UUID.randomUUID() + "/reconcile", token, "");

    assertThat(notActive.status()).isEqualTo(409);
    assertThat(notActive.json().get("type").asString()).endsWith("invalid-state");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(FakeWorker.verifies(pending)).isEmpty();
  }

  @Test
  void aReconcileNeedsTheWriteScope() {
    String id = active(uniqueName("scoped"));
    String reader = TestTokens.token("reader", TestTokens.READ);

    assertThat(api.post("/admin/systems/" + id + "/reconcile", reader, "").status()).isEqualTo(403);
    assertThat(api.post("/admin/systems/" + id + "/reconcile", null, "").status()).isEqualTo(401);
  }

  @Test
  void theDriftedFilterTakesOnlyTrueOrFalse() {
    Api.Response bad = api.get("/admin/systems?drifted=yes", token);

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactly("drifted");
  }

  @Test
  void theGaugeCountsActiveSystemsPerDriftStatus() {
    String name = uniqueName("gauge");
    String id = active(name);
    FakeWorker.verified(reconcile(id, ""), Drifts.drifted(name, Instant.now(), false));
    awaitDrift(id, "drifted");

    String metrics = api.get("/actuator/prometheus", null).body();

    assertThat(metrics)
        .containsPattern("platform_systems_drift\\{[^}]*status=\"drifted\"[^}]*} [1-9]");
    assertThat(metrics).containsPattern("platform_systems_drift\\{[^}]*status=\"in_sync\"");
    assertThat(metrics).containsPattern("platform_systems_drift\\{[^}]*status=\"unknown\"");
  }

  private ProvisioningJob reconcile(String id, String query) {
    int before = FakeWorker.verifies(id).size();
    Api.Response answer = api.post("/admin/systems/" + id + "/reconcile" + query, token, "");
    assertThat(answer.status()).as(answer.body()).isEqualTo(202);
    return FakeWorker.awaitVerify(id, before + 1);
  }

  private List<String> listed(String query) {
    return api.get("/admin/systems" + query + "&limit=200", token)
        .json()
        .get("items")
        .findValuesAsString("system_id");
  }

  private JsonNode events(String id) {
    return api.get("/admin/systems/" + id + "/events", token).json().get("events");
  }

  private static JsonNode single(JsonNode events, Predicate<JsonNode> which) {
    List<JsonNode> found = events.valueStream().filter(which).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private JsonNode awaitDrift(String id, String status) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> api.get("/admin/systems/" + id, token).json(),
            r -> status.equals(r.at("/drift/status").asString()));
  }

  String active(String name) {
    String id =
        api.post("/admin/systems", token, registration(name)).json().get("system_id").asString();
    FakeWorker.succeed(FakeWorker.awaitJob(id, 1));
    awaitStatus(id, "active");
    return id;
  }

  private void awaitStatus(String id, String status) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> api.get("/admin/systems/" + id, token).json(),
            s -> status.equals(s.get("status").asString()));
  }

  private static void awaitResultsConsumed() {
    String url =
        io.aiplatform.api.support.TestQueues.url(io.aiplatform.api.support.TestQueues.RESULTS);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                io.aiplatform.api.support.TestQueues.client()
                    .getQueueAttributes(
                        b ->
                            b.queueUrl(url)
                                .attributeNames(
                                    software.amazon.awssdk.services.sqs.model.QueueAttributeName
                                        .APPROXIMATE_NUMBER_OF_MESSAGES,
                                    software.amazon.awssdk.services.sqs.model.QueueAttributeName
                                        .APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                    .join()
                    .attributes()
                    .values()
                    .stream()
                    .allMatch("0"::equals));
  }
}
