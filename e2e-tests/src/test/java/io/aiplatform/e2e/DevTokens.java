package io.aiplatform.e2e;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/** A key pair made for this run only, and access tokens signed with it. */
final class DevTokens {

  static final String ISSUER = "https://issuer.platform.local";
  static final String CLIENT_ID = "platform-cli";
  static final String SCOPES = "platform-api/systems.read platform-api/systems.write";

  private final KeyPair keys;

  private DevTokens(KeyPair keys) {
    this.keys = keys;
  }

  static DevTokens generate() throws NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return new DevTokens(generator.generateKeyPair());
  }

  /** Writes the public key as PEM, the form platform-api reads it in. */
  Path writePublicKey(Path directory) throws IOException {
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(keys.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    return Files.writeString(directory.resolve("dev-public.pem"), pem);
  }

  String accessToken(String subject) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(subject)
            .claim("client_id", CLIENT_ID)
            .claim("token_use", "access")
            .claim("scope", SCOPES)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(3600)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    try {
      // platform-api names a PEM key by its RFC 7638 thumbprint and checks the kid against it.
      String kid =
          new RSAKey.Builder((RSAPublicKey) keys.getPublic())
              .build()
              .computeThumbprint()
              .toString();
      SignedJWT jwt =
          new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
      jwt.sign(new RSASSASigner(keys.getPrivate()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign with a freshly generated RSA key", e);
    }
  }
}
