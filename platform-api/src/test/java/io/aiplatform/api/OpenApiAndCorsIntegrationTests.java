package io.aiplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.api.support.Api;
import io.aiplatform.api.support.ApiIntegrationTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

class OpenApiAndCorsIntegrationTests extends ApiIntegrationTest {

  @Test
  void openApiDocumentAndSwaggerUiAreServedWithoutAToken() {
    Api.Response doc = api.get("/v3/api-docs", null);
    Api.Response ui = api.get("/swagger-ui/index.html", null);

    assertThat(doc.status()).isEqualTo(200);
    assertThat(doc.json().get("paths").has("/admin/systems")).isTrue();
    assertThat(doc.json().get("paths").has("/admin/systems/{system_id}/events")).isTrue();
    assertThat(doc.json().get("paths").has("/admin/audit")).isTrue();
    assertThat(ui.status()).isEqualTo(200);
  }

  @Test
  void preflightFromTheAdminUiOriginIsAllowedAndOthersAreNot() {
    Api.Response allowed = preflight("https://admin.test.local");
    Api.Response refused = preflight("https://evil.example");

    assertThat(allowed.status()).isEqualTo(200);
    assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://admin.test.local");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
  }

  private Api.Response preflight(String origin) {
    return api.send(
        api.request("/admin/systems", null)
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization,content-type")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
  }
}
