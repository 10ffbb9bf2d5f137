package io.aiplatform.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.aiplatform.api.ApiProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Decodes bearer tokens: RS256 only, keys from a JWK set URI (Cognito) or a PEM public key file
 * (local use), then checks expiry, not-before, issuer, {@code token_use=access} and {@code
 * client_id} (Cognito access tokens carry no audience). Accepted tokens are remembered ({@link
 * CachingTokenDecoder}) unless the cache size is 0.
 */
@Configuration(proxyBeanMethods = false)
class TokenDecoderConfig {

  private static final Logger log = LoggerFactory.getLogger(TokenDecoderConfig.class);

  @Bean
  JwtDecoder jwtDecoder(ApiProperties properties, MeterRegistry registry, Clock clock)
      throws IOException, JOSEException {
    JwtDecoder verifier = verifier(properties);
    ApiProperties.TokenCache cache = properties.security().tokenCache();
    if (cache.size() == 0) {
      return verifier;
    }
    return new CachingTokenDecoder(verifier, cache.size(), cache.ttl(), clock, registry);
  }

  private static JwtDecoder verifier(ApiProperties properties) throws IOException, JOSEException {
    ApiProperties.Security security = properties.security();
    NimbusJwtDecoder decoder;
    if (security.jwkSetUri() != null && !security.jwkSetUri().isBlank()) {
      decoder =
          NimbusJwtDecoder.withJwkSetUri(security.jwkSetUri())
              .jwsAlgorithm(SignatureAlgorithm.RS256)
              .build();
    } else if (security.publicKeyLocation() != null) {
      decoder =
          NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(new JWKSet(publicKey(security))))
              .jwsAlgorithm(SignatureAlgorithm.RS256)
              .build();
    } else {
      log.warn("No token key source configured: every request under /admin will be refused");
      return token -> {
        throw new BadJwtException("No token key source configured");
      };
    }
    decoder.setJwtValidator(validator(security));
    return decoder;
  }

  /** The PEM key as a JWK whose id is its RFC 7638 thumbprint, as scripts/dev-token.sh sets. */
  private static RSAKey publicKey(ApiProperties.Security security)
      throws IOException, JOSEException {
    try (InputStream in = security.publicKeyLocation().getInputStream()) {
      RSAPublicKey key = RsaKeyConverters.x509().convert(in);
      RSAKey jwk = new RSAKey.Builder(key).build();
      return new RSAKey.Builder(key).keyID(jwk.computeThumbprint().toString()).build();
    }
  }

  static OAuth2TokenValidator<Jwt> validator(ApiProperties.Security security) {
    List<String> clients = security.allowedClientIds();
    return new DelegatingOAuth2TokenValidator<>(
        JwtValidators.createDefaultWithIssuer(security.issuer()),
        new JwtClaimValidator<Object>("token_use", "access"::equals),
        new JwtClaimValidator<Object>("client_id", c -> c != null && clients.contains(c)));
  }
}
