package io.aiplatform.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.aiplatform.api.support.ApiIntegrationTest;
import io.aiplatform.api.support.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.JsonNode;

class AuditIntegrationTests extends ApiIntegrationTest {

  @Test
  void everyAdminRequestIsAuditedWithWhoWhatAndOutcome() {
    String subject = "auditor-" + UUID.randomUUID();
    String token = TestTokens.token(subject, TestTokens.READ, TestTokens.WRITE);
    String name = uniqueName("audited");
    String id =
        api.post("/admin/systems", token, registration(name)).json().get("system_id").asString();
    api.post("/admin/systems", token, registration(name)); // 409
    api.get("/admin/systems/" + id, token); // 200
    api.get("/admin/systems/" + UUID.randomUUID(), token); // 404
    api.post("/admin/systems", token, "{\"system_name\":\"BAD\"}"); // 400

    JsonNode items = awaitAudit("?subject=" + subject, 5);

    assertThat(items.findValuesAsString("status"))
        .containsExactly("400", "404", "200", "409", "201");
    JsonNode created = items.get(4);
    assertThat(created.get("method").asString()).isEqualTo("POST");
    assertThat(created.get("path").asString()).isEqualTo("/admin/systems");
    assertThat(created.get("system_id").asString()).isEqualTo(id);
    assertThat(created.get("client_id").asString()).isEqualTo(TestTokens.CLIENT);
    assertThat(created.get("source_address").asString()).isEqualTo("127.0.0.1");
    assertThat(created.get("request_id").asString()).isNotBlank();
    assertThat(awaitAudit("?system_id=" + id, 2).findValuesAsString("status"))
        .containsExactly("200", "201");
  }

  @Test
  void auditIsFilteredByTimeRangeAndPaged() {
    String subject = "pager-" + UUID.randomUUID();
    String token = TestTokens.token(subject, TestTokens.READ);
    Instant before = Instant.now();
    for (int i = 0; i < 3; i++) {
      api.get("/admin/systems?limit=1", token);
    }
    awaitAudit("?subject=" + subject, 3);

    JsonNode first = api.get("/admin/audit?limit=2&subject=" + subject, token).json();
    JsonNode second =
        api.get(
                "/admin/audit?limit=2&subject="
                    + subject
                    + "&cursor="
                    + first.get("next_cursor").asString(),
                token)
            .json();

    assertThat(first.get("items").size()).isEqualTo(2);
    // The first page is audited only after it was answered, so it is not on the second page.
    assertThat(second.get("items").size()).isEqualTo(1);
    assertThat(second.get("next_cursor").isNull()).isTrue();
    assertThat(
            api.get("/admin/audit?subject=" + subject + "&to=" + before, token)
                .json()
                .get("items")
                .size())
        .isZero();
    assertThat(
            api.get("/admin/audit?subject=" + subject + "&from=" + before, token)
                .json()
                .get("items")
                .size())
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void oversizedBodyIsAuditedToo() {
    String requestId = UUID.randomUUID().toString();
    String body = "{\"system_name\":\"huge\",\"description\":\"" + "x".repeat(70_000) + "\"}";

    var response =
        api.send(
            api.request("/admin/systems", TestTokens.admin())
                .header("Content-Type", "application/json")
                .header("X-Request-Id", requestId)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.header("X-Request-Id")).isEqualTo(requestId);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                jdbc.queryForList(
                    "SELECT status FROM audit_log WHERE request_id = ?", Integer.class, requestId),
            statuses -> statuses.equals(java.util.List.of(413)));
  }

  @Test
  void auditLogIsAppendOnly() {
    api.get("/admin/systems", null);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> jdbc.queryForObject("SELECT count(*) FROM audit_log", Long.class) > 0);

    assertThatThrownBy(() -> jdbc.update("UPDATE audit_log SET status = 200"))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_log"))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("TRUNCATE audit_log"))
        .isInstanceOf(DataAccessException.class);
  }

  private JsonNode awaitAudit(String query, int expected) {
    String reader = TestTokens.token("audit-reader", TestTokens.READ);
    return await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> api.get("/admin/audit" + query, reader).json().get("items"),
            items -> items.size() == expected);
  }
}
