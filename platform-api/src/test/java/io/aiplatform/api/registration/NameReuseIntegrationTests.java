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

/**
 * A name is free again once its system is deleted with its data; a deleted system whose buckets
 * were retained keeps it until they are purged; the 409 says which applies.
 */
class NameReuseIntegrationTests extends ApiIntegrationTest {

  private static final String DUPLICATE = "https://aiplatform.io/problems/duplicate-name";

  private final String token = TestTokens.admin();

  @Test
  void aNameIsFreeAgainOnceItsSystemIsDeletedWithItsData() {
    String name = uniqueName("reused");
    String first = deleted(name, true);

    Api.Response again = api.post("/admin/systems", token, registration(name));

    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(again.json().get("system_id").asString()).isNotEqualTo(first);
    assertThat(api.get("/admin/systems/" + first, token).json().get("status").asString())
        .isEqualTo("deleted");
  }

  @Test
  void aDeletedSystemWhoseBucketsWereRetainedKeepsItsNameAndTheRefusalSaysHowToFreeIt() {
    String name = uniqueName("retained");
    String first = deleted(name, false);

    Api.Response refused = api.post("/admin/systems", token, registration(name));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("type").asString()).isEqualTo(DUPLICATE);
    assertThat(refused.json().get("detail").asString())
        .contains("deleted system " + first, "data buckets were retained")
        .contains("DELETE /admin/systems/" + first + "?delete_data=true");
  }

  @Test
  void purgingARetainedSystemDeletesItsBucketsAndFreesItsName() {
    String name = uniqueName("purged");
    String id = deleted(name, false);
    assertThat(
            api.get("/admin/systems/" + id, token)
                .json()
                .at("/infrastructure/s3_buckets/raw")
                .asString())
        .isEqualTo("platform-" + name + "-raw");

    Api.Response purge = api.delete("/admin/systems/" + id + "?delete_data=true", token);

    assertThat(purge.status()).isEqualTo(202);
    assertThat(purge.json().get("status").asString()).isEqualTo("deprovisioning");
    ProvisioningJob job = FakeWorker.awaitJob(id, purge.json().get("generation").asLong());
    assertThat(job.kind()).isEqualTo(Kind.DEPROVISION);
    assertThat(job.deleteData()).isTrue();
    FakeWorker.succeed(job);
    JsonNode gone = awaitStatus(id, "deleted");
    assertThat(gone.at("/infrastructure/s3_buckets/raw").isNull()).isTrue();
    assertThat(api.post("/admin/systems", token, registration(name)).status()).isEqualTo(201);
  }

  @Test
  void aDeletedSystemCannotBeDeletedAgainButForThatPurge() {
    String retained = deleted(uniqueName("kept"), false);
    String gone = deleted(uniqueName("gone"), true);

    assertThat(api.delete("/admin/systems/" + retained, token).status()).isEqualTo(409);
    assertThat(api.delete("/admin/systems/" + gone + "?delete_data=true", token).status())
        .isEqualTo(409);
  }

  @Test
  void aNameALiveSystemHoldsIs409NamingThatSystem() {
    String name = uniqueName("live");
    String id =
        api.post("/admin/systems", token, registration(name)).json().get("system_id").asString();

    Api.Response refused = api.post("/admin/systems", token, registration(name));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("detail").asString())
        .isEqualTo(
            "A system named "
                + name
                + " already exists (system "
                + id
                + ", pending_provisioning); a name becomes free when its system is deleted with"
                + " delete_data=true.");
  }

  /** A system registered, made active and deleted, with or without its data; answers its id. */
  private String deleted(String name, boolean deleteData) {
    String id =
        api.post("/admin/systems", token, registration(name)).json().get("system_id").asString();
    FakeWorker.succeed(FakeWorker.awaitJob(id, 1));
    awaitStatus(id, "active");
    Api.Response delete = api.delete("/admin/systems/" + id + "?delete_data=" + deleteData, token);
    assertThat(delete.status()).isEqualTo(202);
    FakeWorker.succeed(FakeWorker.awaitJob(id, 2));
    awaitStatus(id, "deleted");
    return id;
  }

  private JsonNode awaitStatus(String id, String status) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> api.get("/admin/systems/" + id, token).json(),
            s -> status.equals(s.get("status").asString()));
  }
}
