package io.aiplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.api.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

class HarnessIntegrationTests extends ApiIntegrationTest {

  @Test
  void flywayAppliesTheMigrationsToPostgres() {
    Integer applied =
        jdbc.queryForObject(
            "SELECT count(*) FROM flyway_schema_history WHERE version = '1' AND success",
            Integer.class);

    assertThat(applied).isEqualTo(1);
  }

  @Test
  void readinessIsUpOnceTheDatabaseAnswers() {
    var response = api.get("/actuator/health/readiness", null);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void livenessAndPrometheusAreServedWithoutAToken() {
    assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    assertThat(api.get("/actuator/prometheus", null).body()).contains("jvm_memory_used_bytes");
  }
}
