package io.aiplatform.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.api.support.ApiIntegrationTest;
import io.aiplatform.api.support.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A token minted by scripts/dev-token.sh is accepted by the running API. */
class DevTokenScriptIntegrationTests extends ApiIntegrationTest {

  @TempDir Path dir;

  @Test
  void scriptTokenWithTheConfiguredIssuerClientAndScopesRegistersASystem() throws Exception {
    Path privateKey = dir.resolve("key.pem");
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(TestTokens.KEY.toRSAPrivateKey().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    Files.writeString(privateKey, pem);

    String token =
        DevTokenScript.run(
            Map.of(
                "PLATFORM_API_SECURITY_ISSUER", TestTokens.ISSUER,
                "DEV_TOKEN_CLIENT_ID", TestTokens.CLIENT,
                "PLATFORM_API_SECURITY_READ_SCOPE", TestTokens.READ,
                "PLATFORM_API_SECURITY_WRITE_SCOPE", TestTokens.WRITE),
            "token",
            privateKey.toString());

    assertThat(api.post("/admin/systems", token, registration(uniqueName("scripted"))).status())
        .isEqualTo(201);
    assertThat(api.get("/admin/systems?limit=1", token).status()).isEqualTo(200);
  }
}
