package io.aiplatform.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Verifies each distinct bearer token once and remembers the result for a while: an admin client
 * sends the same token with every request, and an RS256 signature check is the largest single cost
 * of a request. Only accepted tokens are remembered, keyed by the whole token, so a token differing
 * in any character (another signature included) is verified in full. A remembered token's expiry
 * and not-before are checked again on every use; its signature and claims cannot change.
 *
 * <p>What the cache trades: a signing key withdrawn from the JWK set keeps its tokens accepted for
 * at most the cache's time to live.
 */
final class CachingTokenDecoder implements JwtDecoder {

  private final JwtDecoder verifier;
  private final OAuth2TokenValidator<Jwt> timestamps;
  private final Cache<String, Jwt> accepted;

  CachingTokenDecoder(
      JwtDecoder verifier, int size, Duration ttl, Clock clock, MeterRegistry registry) {
    this.verifier = verifier;
    JwtTimestampValidator timestamps = new JwtTimestampValidator();
    timestamps.setClock(clock);
    this.timestamps = timestamps;
    this.accepted =
        Caffeine.newBuilder()
            .maximumSize(size)
            .expireAfterWrite(ttl)
            .ticker(() -> clock.millis() * 1_000_000)
            .recordStats()
            .build();
    CaffeineCacheMetrics.monitor(registry, accepted, "bearer-tokens");
  }

  @Override
  public Jwt decode(String token) {
    Jwt known = accepted.getIfPresent(token);
    if (known != null) {
      var result = timestamps.validate(known);
      if (result.hasErrors()) {
        accepted.invalidate(token);
        throw new JwtValidationException("The token is no longer valid", result.getErrors());
      }
      return known;
    }
    Jwt verified = verifier.decode(token);
    accepted.put(token, verified);
    return verified;
  }
}
