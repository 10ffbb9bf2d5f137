package io.aiplatform.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aiplatform.api.support.ApiIntegrationTest;
import io.aiplatform.api.support.RawHttp;
import io.aiplatform.api.support.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request the issue quotes (and a few refused by Tomcat and the firewall before our code
 * runs), sent byte for byte: each is refused with 4xx {@code application/problem+json} of its
 * documented type, naming the bad field where there is one, changes nothing, and is audited.
 */
class HostileRequestIntegrationTests extends ApiIntegrationTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.aiplatform.api.web.QuotedRequests#all")
  void isRefusedWithItsDocumentedProblemChangesNothingAndIsAudited(QuotedRequests.Hostile hostile) {
    Counts before = counts();
    String requestId = "hostile-" + UUID.randomUUID();
    // First, so that Tomcat has read it even when a later header line is what it refuses.
    List<byte[]> headers = new ArrayList<>(List.of(RawHttp.header("X-Request-Id: " + requestId)));
    headers.addAll(hostile.headers());

    RawHttp.Response response =
        new RawHttp(port)
            .send(RawHttp.request(hostile.method(), hostile.target(), headers, hostile.body()));

    assertThat(response.status()).as(response.text()).isEqualTo(hostile.status());
    assertThat(response.isProblem()).as(response.text()).isTrue();
    assertThat(response.json().get("type").asString()).isEqualTo(hostile.type());
    assertThat(response.json().get("status").asInt()).isEqualTo(hostile.status());
    if (hostile.field() != null) {
      assertThat(response.json().get("errors").findValuesAsString("field"))
          .contains(hostile.field());
    }
    assertThat(response.text()).doesNotContain("Exception", "SQL", "<html");
    assertThat(counts()).isEqualTo(before);
    awaitAudited(requestId, hostile.status());
  }

  @Test
  void aTokenWhoseSubjectHoldsANulIsRefusedForReadsAndWritesAndStillAudited() {
    String token = TestTokens.token("a\u0000b", TestTokens.READ, TestTokens.WRITE);
    Counts before = counts();

    for (QuotedRequests.Hostile request :
        List.of(
            new QuotedRequests.Hostile(
                "GET",
                QuotedRequests.bytes("/admin/systems"),
                QuotedRequests.bearer(token),
                null,
                400,
                ProblemTypes.VALIDATION,
                "Authorization"),
            new QuotedRequests.Hostile(
                "POST",
                QuotedRequests.bytes("/admin/systems"),
                List.of(
                    RawHttp.header("Authorization: Bearer " + token),
                    RawHttp.header("Content-Type: application/json")),
                QuotedRequests.bytes(registration(uniqueName("nul-subject"))),
                400,
                ProblemTypes.VALIDATION,
                "Authorization"))) {
      String requestId = "nul-subject-" + UUID.randomUUID();
      List<byte[]> headers = new ArrayList<>(request.headers());
      headers.add(RawHttp.header("X-Request-Id: " + requestId));

      RawHttp.Response response =
          new RawHttp(port)
              .send(RawHttp.request(request.method(), request.target(), headers, request.body()));

      assertThat(response.status()).as(response.text()).isEqualTo(400);
      assertThat(response.json().get("errors").findValuesAsString("field"))
          .contains("Authorization");
      awaitAudited(requestId, 400);
      assertThat(
              jdbc.queryForObject(
                  "SELECT subject FROM audit_log WHERE request_id = ?", String.class, requestId))
          .isEqualTo("a\\u0000b");
    }
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aRequestOutsideAdminRefusedByTomcatIsAProblemToo() {
    RawHttp.Response response = new RawHttp(port).send(QuotedRequests.bytes("GARBAGE\r\n\r\n"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.json().get("type").asString()).isEqualTo(ProblemTypes.MALFORMED);
  }

  private void awaitAudited(String requestId, int status) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.queryForList(
                    "SELECT status FROM audit_log WHERE request_id = ?", Integer.class, requestId),
            statuses -> statuses.equals(List.of(status)));
  }

  /** What a hostile request must not change. */
  record Counts(long systems, long events, long keys, long outbox) {}

  private Counts counts() {
    return new Counts(
        count("systems"),
        count("system_events"),
        count("idempotency_keys"),
        count("event_publication"));
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }
}
