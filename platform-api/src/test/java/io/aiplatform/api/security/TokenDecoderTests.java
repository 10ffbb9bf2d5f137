package io.aiplatform.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** The JWK set URI key source, as with Cognito: keys fetched over HTTP and chosen by key id. */
class TokenDecoderTests {

  private final RSAKey published = generate("published-key");
  private HttpServer jwks;
  private JwtDecoder decoder;

  @BeforeEach
  void publishKeys() throws Exception {
    jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] body = new JWKSet(published.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    jwks.createContext(
        "/.well-known/jwks.json",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    jwks.start();
    String uri = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json";
    decoder =
        new TokenDecoderConfig()
            .jwtDecoder(
                SecuritySettings.withKeySource(uri, null),
                new SimpleMeterRegistry(),
                java.time.Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    jwks.stop(0);
  }

  @Test
  void tokenSignedWithAPublishedKeyIsAccepted() throws Exception {
    assertThat(decoder.decode(token(published)).getSubject()).isEqualTo("admin");
  }

  @Test
  void tokenWhoseKeyIdIsNotPublishedIsRefused() throws Exception {
    String token = token(generate("unpublished-key"));

    assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
  }

  @Test
  void withoutAKeySourceEveryTokenIsRefused() throws Exception {
    JwtDecoder none =
        new TokenDecoderConfig()
            .jwtDecoder(
                SecuritySettings.withKeySource(null, null),
                new SimpleMeterRegistry(),
                java.time.Clock.systemUTC());

    assertThatThrownBy(() -> none.decode(token(published))).isInstanceOf(JwtException.class);
  }

  private static String token(RSAKey key) throws Exception {
    var claims =
        new JWTClaimsSet.Builder()
            .issuer(SecuritySettings.ISSUER)
            .subject("admin")
            .claim("client_id", "platform-cli")
            .claim("token_use", "access")
            .claim("scope", "platform-api/systems.read")
            .expirationTime(Date.from(Instant.now().plusSeconds(300)))
            .build();
    var jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static RSAKey generate(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
