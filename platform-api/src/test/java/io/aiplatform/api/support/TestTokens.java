package io.aiplatform.api.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/**
 * Real RS256 access tokens from a key pair generated for this test JVM; the application reads the
 * public half from a PEM file, as in local development.
 */
public final class TestTokens {

  public static final String ISSUER = "https://issuer.test.platform.local";
  public static final String CLIENT = "test-admin-client";
  public static final String READ = "test-platform/systems.read";
  public static final String WRITE = "test-platform/systems.write";

  public static final RSAKey KEY = generate();
  private static Path publicKeyPem;

  private TestTokens() {}

  /** A valid access token for the subject with the given scopes. */
  public static String token(String subject, String... scopes) {
    return sign(claims(subject, scopes).build());
  }

  /** A valid token with both scopes. */
  public static String admin() {
    return token("admin-" + UUID.randomUUID(), READ, WRITE);
  }

  /** Claims of a valid access token, to be altered by a test. */
  public static JWTClaimsSet.Builder claims(String subject, String... scopes) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject(subject)
        .claim("client_id", CLIENT)
        .claim("token_use", "access")
        .claim("scope", String.join(" ", scopes))
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600)))
        .jwtID(UUID.randomUUID().toString());
  }

  /** Signs with the application's key, RS256, the key's id in the header. */
  public static String sign(JWTClaimsSet claims) {
    try {
      return sign(JWSAlgorithm.RS256, KEY.getKeyID(), claims, new RSASSASigner(KEY));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String sign(JWSAlgorithm alg, String keyId, JWTClaimsSet claims, JWSSigner signer) {
    try {
      var header = new JWSHeader.Builder(alg).keyID(keyId).type(JOSEObjectType.JWT).build();
      var jwt = new SignedJWT(header, claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public key as a PEM file, written once. */
  public static synchronized Path publicKeyPem() {
    if (publicKeyPem == null) {
      try {
        byte[] der = KEY.toRSAPublicKey().getEncoded();
        String pem =
            "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
        publicKeyPem = Files.createTempFile("platform-api-test-key", ".pem");
        Files.writeString(publicKeyPem, pem);
        publicKeyPem.toFile().deleteOnExit();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    }
    return publicKeyPem;
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
