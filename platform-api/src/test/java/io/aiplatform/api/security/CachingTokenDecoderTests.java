package io.aiplatform.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.aiplatform.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Remembered tokens: verified once, refused once expired, never trusted for another string. */
class CachingTokenDecoderTests {

  private static final Duration TTL = Duration.ofMinutes(5);

  private final RSAKey key = generate();
  private final AtomicInteger verifications = new AtomicInteger();
  private final MutableClock clock = new MutableClock();
  private final JwtDecoder decoder = cachingDecoder();

  @Test
  void aRepeatedTokenIsVerifiedOnce() throws Exception {
    String token = token(clock.instant().plus(Duration.ofHours(1)));

    assertThat(decoder.decode(token).getSubject()).isEqualTo("admin");
    assertThat(decoder.decode(token).getSubject()).isEqualTo("admin");
    assertThat(verifications).hasValue(1);
  }

  @Test
  void aTokenWithAnotherSignatureIsVerifiedAndRefusedThoughTheOriginalIsRemembered()
      throws Exception {
    String token = token(clock.instant().plus(Duration.ofHours(1)));
    decoder.decode(token);
    String forged =
        token.substring(0, token.lastIndexOf('.') + 1)
            + "AAAA"
            + token.substring(token.lastIndexOf('.') + 5);

    assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
    assertThat(verifications).hasValue(2);
  }

  @Test
  void aRememberedTokenIsRefusedOnceItExpires() throws Exception {
    String token = token(clock.instant().plus(Duration.ofMinutes(2)));
    decoder.decode(token);

    // Past the expiry and the validator's 60 s clock skew, within the cache's time to live.
    clock.advance(Duration.ofMinutes(3).plusSeconds(1));

    assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
    assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
  }

  @Test
  void aTokenIsVerifiedAgainAfterTheTimeToLive() throws Exception {
    String token = token(clock.instant().plus(Duration.ofHours(1)));
    decoder.decode(token);

    clock.advance(TTL.plusSeconds(1));
    decoder.decode(token);

    assertThat(verifications).hasValue(2);
  }

  @Test
  void refusedTokensAreNotRemembered() throws Exception {
    String expired = token(clock.instant().minus(Duration.ofHours(1)));

    assertThatThrownBy(() -> decoder.decode(expired)).isInstanceOf(JwtException.class);
    assertThatThrownBy(() -> decoder.decode(expired)).isInstanceOf(JwtException.class);
    assertThat(verifications).hasValue(2);
  }

  private JwtDecoder cachingDecoder() {
    NimbusJwtDecoder nimbus =
        NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())))
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
    var timestamps = new JwtTimestampValidator();
    timestamps.setClock(clock);
    nimbus.setJwtValidator(timestamps);
    JwtDecoder counted =
        token -> {
          verifications.incrementAndGet();
          return nimbus.decode(token);
        };
    return new CachingTokenDecoder(counted, 100, TTL, clock, new SimpleMeterRegistry());
  }

  private String token(Instant expiresAt) throws Exception {
    var claims =
        new JWTClaimsSet.Builder()
            .issuer(SecuritySettings.ISSUER)
            .subject("admin")
            .issueTime(Date.from(clock.instant()))
            .expirationTime(Date.from(expiresAt))
            .build();
    var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
