package io.aiplatform.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.aiplatform.api.support.Api;
import io.aiplatform.api.support.ApiIntegrationTest;
import io.aiplatform.api.support.TestTokens;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With every database connection taken, the API answers 503 with {@code Retry-After} within the
 * pool's short connection timeout, instead of a 500 after Hikari's default 30 s.
 */
class PoolSaturationIntegrationTests extends ApiIntegrationTest {

  /** The connection timeout (2 s) plus room for a slow machine; far below the default 30 s. */
  private static final Duration BOUND = Duration.ofSeconds(6);

  @Autowired HikariDataSource dataSource;
  private final List<Connection> held = new ArrayList<>();

  @AfterEach
  void release() throws SQLException {
    for (Connection c : held) {
      c.close();
    }
    held.clear();
  }

  @Test
  void registrationAnswers503QuicklyWhenThePoolIsExhausted() throws SQLException {
    String token = TestTokens.admin();
    exhaustPool();

    long start = System.nanoTime();
    Api.Response r = api.post("/admin/systems", token, registration(uniqueName("saturated")));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(r.status()).isEqualTo(503);
    assertThat(took).isLessThan(BOUND);
    assertThat(r.header("Retry-After")).isEqualTo("1");
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.json().get("type").asString()).isEqualTo(ProblemTypes.UNAVAILABLE);
    assertThat(r.body()).doesNotContain("Hikari", "SQL", "Exception");
  }

  @Test
  void listingAnswers503QuicklyWhenThePoolIsExhausted() throws SQLException {
    String token = TestTokens.admin();
    exhaustPool();

    long start = System.nanoTime();
    Api.Response r = api.get("/admin/systems", token);

    assertThat(r.status()).isEqualTo(503);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    assertThat(r.header("Retry-After")).isEqualTo("1");
  }

  private void exhaustPool() throws SQLException {
    for (int i = 0; i < dataSource.getMaximumPoolSize(); i++) {
      held.add(dataSource.getConnection());
    }
  }
}
