package io.aiplatform.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.oauth2.jwt.Jwt;

/** The developer key pair and token from scripts/dev-token.sh pass the API's real decoder. */
class DevTokenScriptTests {

  @TempDir Path dir;

  @Test
  void keygenWritesAKeyPairAndTokenMintsAnAccessTokenTheDecoderAccepts() throws Exception {
    String setting = DevTokenScript.run(Map.of(), "keygen", dir.toString());
    Path publicKey = dir.resolve("dev-public.pem");
    assertThat(setting)
        .isEqualTo("PLATFORM_API_SECURITY_PUBLIC_KEY_LOCATION=file:" + publicKey.toRealPath());

    String token = DevTokenScript.run(Map.of(), "token", dir.resolve("dev-private.pem").toString());

    Jwt jwt =
        new TokenDecoderConfig()
            .jwtDecoder(
                SecuritySettings.withKeySource(null, new FileSystemResource(publicKey)),
                new SimpleMeterRegistry(),
                java.time.Clock.systemUTC())
            .decode(token);
    assertThat(jwt.getSubject()).isEqualTo("dev-admin");
    assertThat(jwt.getClaimAsString("client_id")).isEqualTo("platform-cli");
    assertThat(jwt.getClaimAsString("scope"))
        .isEqualTo("platform-api/systems.read platform-api/systems.write");
    assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
    assertThat(Files.readString(dir.resolve("dev-private.pem"))).contains("PRIVATE KEY");
  }
}
