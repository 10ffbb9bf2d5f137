package io.aiplatform.api.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aiplatform.api.support.Api;
import io.aiplatform.api.support.ApiIntegrationTest;
import io.aiplatform.api.support.FakeWorker;
import io.aiplatform.api.support.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The per-system reconcile policy: in the registration, in PATCH, and in the verify it sends. */
class ReconcilePolicyIntegrationTests extends ApiIntegrationTest {

  private final String token = TestTokens.admin();

  @Test
  void aSystemRegisteredWithTheRepairPolicyIsVerifiedWithRepair() {
    String id = active(uniqueName("repairs"), "repair");

    assertThat(api.get("/admin/systems/" + id, token).json().get("reconcile_policy").asString())
        .isEqualTo("repair");
    assertThat(api.post("/admin/systems/" + id + "/reconcile", token, "").status()).isEqualTo(202);
    assertThat(FakeWorker.awaitVerify(id, 1).repair()).isTrue();
  }

  @Test
  void aPatchOfThePolicyAloneIsSavedAtOnceWithoutAJobAndNullFallsBackToThePlatformPolicy() {
    String id = active(uniqueName("policy"), null);

    Api.Response set = patch(id, "{\"reconcile_policy\":\"repair\"}");

    assertThat(set.status()).as(set.body()).isEqualTo(202);
    assertThat(set.json().get("status").asString()).isEqualTo("active");
    assertThat(set.json().get("reconcile_policy").asString()).isEqualTo("repair");
    assertThat(set.json().get("generation").asLong()).isEqualTo(1);
    JsonNode entry = lastEvent(id);
    assertThat(entry.get("step").asString()).isEqualTo("reconcile_policy");
    assertThat(entry.at("/changes/0/field").asString()).isEqualTo("reconcile_policy");
    assertThat(entry.at("/changes/0/before").isNull()).isTrue();
    assertThat(entry.at("/changes/0/after").asString()).isEqualTo("repair");
    api.post("/admin/systems/" + id + "/reconcile", token, "");
    assertThat(FakeWorker.awaitVerify(id, 1).repair()).isTrue();

    Api.Response cleared = patch(id, "{\"reconcile_policy\":null}");

    assertThat(cleared.json().get("reconcile_policy").isNull()).isTrue();
    api.post("/admin/systems/" + id + "/reconcile", token, "");
    assertThat(FakeWorker.awaitVerify(id, 2).repair()).isFalse();
    assertThat(FakeWorker.jobs(id)).hasSize(1);
  }

  @Test
  void aPatchOfThePolicyWithTheConfigurationIsPartOfTheChangeAndItsDiff() {
    String id = active(uniqueName("both"), "report");

    Api.Response changed = patch(id, "{\"reconcile_policy\":\"repair\",\"description\":\"v2\"}");

    assertThat(changed.json().get("status").asString()).isEqualTo("updating");
    assertThat(changed.json().get("reconcile_policy").asString()).isEqualTo("repair");
    assertThat(lastEvent(id).get("changes").findValuesAsString("field"))
        .containsExactly("description", "reconcile_policy");
  }

  @Test
  void aPolicyThatIsNeitherReportNorRepairIsRefusedNamingTheField() {
    String body =
        registration(uniqueName("badpolicy"))
            .replace("\"description\"", "\"reconcile_policy\":\"fix\",\"description\"");
    Api.Response registered = api.post("/admin/systems", token, body);
    String id = active(uniqueName("badpatch"), null);
    Api.Response patched = patch(id, "{\"reconcile_policy\":\"always\"}");

    assertThat(registered.status()).isEqualTo(400);
    assertThat(registered.json().get("errors").findValuesAsString("field"))
        .containsExactly("reconcile_policy");
    assertThat(patched.status()).isEqualTo(400);
    assertThat(patched.json().get("errors").findValuesAsString("field"))
        .containsExactly("reconcile_policy");
    assertThat(api.get("/admin/systems/" + id, token).json().get("reconcile_policy").isNull())
        .isTrue();
  }

  private Api.Response patch(String id, String body) {
    String etag = api.get("/admin/systems/" + id, token).header("ETag");
    return api.patch("/admin/systems/" + id, token, etag, body);
  }

  private JsonNode lastEvent(String id) {
    JsonNode events = api.get("/admin/systems/" + id + "/events", token).json().get("events");
    return events.get(events.size() - 1);
  }

  private String active(String name, String policy) {
    String body =
        policy == null
            ? registration(name)
            : registration(name)
                .replace(
                    "\"description\"", "\"reconcile_policy\":\"" + policy + "\",\"description\"");
    Api.Response registered = api.post("/admin/systems", token, body);
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    String id = registered.json().get("system_id").asString();
    FakeWorker.succeed(FakeWorker.awaitJob(id, 1));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> api.get("/admin/systems/" + id, token).json(),
            s -> "active".equals(s.get("status").asString()));
    return id;
  }
}
