package io.aiplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.testsupport.BackingServices;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class HarnessIntegrationTests {

  @DynamicPropertySource
  static void backingServices(DynamicPropertyRegistry registry) {
    BackingServices.registerDatabase(registry);
  }

  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;

  @Test
  void flywayAppliesTheMigrationsToPostgres() {
    Integer applied =
        jdbc.queryForObject(
            "SELECT count(*) FROM flyway_schema_history WHERE version = '1' AND success",
            Integer.class);

    assertThat(applied).isEqualTo(1);
  }

  @Test
  void migratedSchemaStoresAndReadsASystem() {
    UUID id = UUID.randomUUID();
    jdbc.update(
        "INSERT INTO systems (system_id, system_name, spec, status) VALUES (?, ?, '{}'::jsonb, ?)",
        id,
        "harness-" + id,
        "pending_provisioning");

    String status =
        jdbc.queryForObject("SELECT status FROM systems WHERE system_id = ?", String.class, id);

    assertThat(status).isEqualTo("pending_provisioning");
  }

  @Test
  void readinessIsUpOnceTheDatabaseAnswers() {
    var response = http.getForEntity("/actuator/health/readiness", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).contains("\"status\":\"UP\"");
  }

  @Test
  void livenessAndPrometheusAreServed() {
    assertThat(http.getForEntity("/actuator/health/liveness", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity("/actuator/prometheus", String.class).getBody())
        .contains("jvm_memory_used_bytes");
  }
}
