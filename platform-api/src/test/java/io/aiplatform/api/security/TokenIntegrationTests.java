package io.aiplatform.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.aiplatform.api.support.Api;
import io.aiplatform.api.support.ApiIntegrationTest;
import io.aiplatform.api.support.TestTokens;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every refused token is answered 401/403 with a problem body, and audited. */
class TokenIntegrationTests extends ApiIntegrationTest {

  static Stream<Arguments> refusedWrites() {
    return Stream.of(
        refused("no token", () -> null, 401),
        refused("malformed token", () -> "not-a-jwt", 401),
        refused("expired", () -> signed(c -> c.expirationTime(ago(600))), 401),
        refused(
            "not yet valid",
            () -> signed(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(600)))),
            401),
        refused("wrong issuer", () -> signed(c -> c.issuer("https://evil.example")), 401),
        refused("unknown client_id", () -> signed(c -> c.claim("client_id", "someone-else")), 401),
        refused("token_use=id", () -> signed(c -> c.claim("token_use", "id")), 401),
        refused("alg none", () -> new PlainJWT(valid().build()).serialize(), 401),
        refused(
            "HS256 signed with the public key as secret",
            TokenIntegrationTests::hmacWithPublicKey,
            401),
        refused("unknown key id", TokenIntegrationTests::foreignKey, 401),
        refused(
            "read scope only on a write", () -> TestTokens.token("reader", TestTokens.READ), 403),
        refused("no scope at all", () -> TestTokens.token("nobody"), 403));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedWrites")
  void refusedTokenIsAnsweredAndAudited(String label, Supplier<String> token, int status) {
    String requestId = UUID.randomUUID().toString();
    String name = uniqueName("refused");
    var request =
        api.request("/admin/systems", token.get())
            .header("Content-Type", "application/json")
            .header("X-Request-Id", requestId)
            .POST(HttpRequest.BodyPublishers.ofString(registration(name)));

    Api.Response response = api.send(request);

    assertThat(response.status()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("type").asString())
        .isEqualTo(
            status == 401
                ? "https://aiplatform.io/problems/unauthorized"
                : "https://aiplatform.io/problems/forbidden");
    if (status == 401) {
      assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM systems WHERE system_name = ?", Integer.class, name))
        .isZero();
    // The audit row is written as the response completes, so the client can be a little faster.
    Map<String, Object> audit =
        await()
            .atMost(Duration.ofSeconds(5))
            .until(
                () -> jdbc.queryForList("SELECT * FROM audit_log WHERE request_id = ?", requestId),
                rows -> rows.size() == 1)
            .get(0);
    assertThat(audit.get("status")).isEqualTo(status);
    assertThat(audit.get("method")).isEqualTo("POST");
    assertThat(audit.get("path")).isEqualTo("/admin/systems");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedReads")
  void readNeedsTheReadScope(String label, Supplier<String> token, int status) {
    assertThat(api.get("/admin/systems", token.get()).status()).isEqualTo(status);
  }

  static Stream<Arguments> refusedReads() {
    return Stream.of(
        refused(
            "write scope only on a read", () -> TestTokens.token("writer", TestTokens.WRITE), 403),
        refused("no scope at all", () -> TestTokens.token("nobody"), 403),
        refused("read scope", () -> TestTokens.token("reader", TestTokens.READ), 200));
  }

  private static Arguments refused(String label, Supplier<String> token, int status) {
    return Arguments.of(label, token, status);
  }

  private static JWTClaimsSet.Builder valid() {
    return TestTokens.claims("mallory", TestTokens.READ, TestTokens.WRITE);
  }

  private static String signed(java.util.function.Consumer<JWTClaimsSet.Builder> change) {
    JWTClaimsSet.Builder claims = valid();
    change.accept(claims);
    return TestTokens.sign(claims.build());
  }

  private static Date ago(int seconds) {
    return Date.from(Instant.now().minusSeconds(seconds));
  }

  private static String hmacWithPublicKey() {
    try {
      byte[] secret = TestTokens.KEY.toRSAPublicKey().getEncoded();
      return TestTokens.sign(
          JWSAlgorithm.HS256, TestTokens.KEY.getKeyID(), valid().build(), new MACSigner(secret));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String foreignKey() {
    try {
      var other = new RSAKeyGenerator(2048).keyID("unknown-key").generate();
      return TestTokens.sign(
          JWSAlgorithm.RS256, "unknown-key", valid().build(), new RSASSASigner(other));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
