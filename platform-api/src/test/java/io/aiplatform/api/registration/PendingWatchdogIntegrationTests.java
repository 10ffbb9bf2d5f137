package io.aiplatform.api.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aiplatform.api.support.ApiIntegrationTest;
import io.aiplatform.api.support.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** No system stays pending forever, even when its job or result is lost. */
class PendingWatchdogIntegrationTests extends ApiIntegrationTest {

  private final String token = TestTokens.admin();

  @Test
  void systemPendingLongerThanTheTimeoutIsMarkedFailedWithAReason() {
    String id = register();
    // As if the job had been sent three hours ago and nothing came back (timeout: 2 hours).
    jdbc.update(
        "UPDATE systems SET updated_at = now() - interval '3 hours' WHERE system_id = ?::uuid", id);

    JsonNode failed =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(() -> system(id), s -> "provisioning_failed".equals(s.get("status").asString()));

    assertThat(failed.get("error_message").asString())
        .startsWith("No result for the provision job");
    JsonNode events = api.get("/admin/systems/" + id + "/events", token).json().get("events");
    assertThat(events.get(events.size() - 1).get("status").asString()).isEqualTo("failed");
    assertThat(api.post("/admin/systems/" + id + "/retry", token, "").status()).isEqualTo(202);
  }

  @Test
  void systemPendingWithinTheTimeoutIsLeftAlone() {
    String id = register();

    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(6))
        .until(() -> "pending_provisioning".equals(system(id).get("status").asString()));
  }

  private String register() {
    return api.post("/admin/systems", token, registration(uniqueName("silent")))
        .json()
        .get("system_id")
        .asString();
  }

  private JsonNode system(String id) {
    return api.get("/admin/systems/" + id, token).json();
  }
}
