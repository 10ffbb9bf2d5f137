package io.aiplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.contracts.SystemSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST API of a running platform, as an admin with a valid token calls it. */
final class PlatformApi {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Set<String> FAILED =
      Set.of("provisioning_failed", "update_failed", "deprovisioning_failed");

  private final RunningPlatform platform;

  PlatformApi(RunningPlatform platform) {
    this.platform = platform;
  }

  /**
   * Registers a system with two endpoints and answers its id. The endpoints' paths start with the
   * system's resource name {@code P-S}: routes are unique on the one platform API, and a fault rule
   * finds a route's create by that name ({@link CreateCall}).
   */
  String register(String name, List<String> dataSources) throws Exception {
    SystemSpec spec = spec(name, dataSources);
    String body =
        JSON.writeValueAsString(
            java.util.Map.of(
                "system_name",
                spec.systemName(),
                "description",
                spec.description(),
                "data_sources",
                spec.dataSources(),
                "endpoints",
                spec.endpoints().stream()
                    .map(e -> java.util.Map.of("path", e.path(), "method", e.method()))
                    .toList(),
                "lambda_config",
                java.util.Map.of(
                    "memory",
                    spec.lambdaConfig().memory(),
                    "timeout",
                    spec.lambdaConfig().timeout(),
                    "runtime",
                    spec.lambdaConfig().runtime())));
    HttpResponse<String> response = call("POST", "/admin/systems", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body()).get("system_id").asString();
  }

  /**
   * A day-2 change: the merge patch made from the record's current version (its ETag). Answers the
   * response, 202 when accepted.
   */
  HttpResponse<String> change(String id, String mergePatch)
      throws IOException, InterruptedException {
    String etag =
        call("GET", "/admin/systems/" + id, null).headers().firstValue("ETag").orElseThrow();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(platform.apiUrl() + "/admin/systems/" + id))
            .header("Authorization", "Bearer " + platform.tokens.accessToken("e2e-admin"))
            .header("Content-Type", "application/merge-patch+json")
            .header("If-Match", etag)
            .method("PATCH", HttpRequest.BodyPublishers.ofString(mergePatch))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The configuration {@link #register} registers, as platform-api hands it to the worker. */
  SystemSpec spec(String name, List<String> dataSources) {
    String path = "/" + platform.prefix + "-" + name + "/orders";
    return new SystemSpec(
        name,
        "end-to-end",
        dataSources,
        List.of(
            new SystemSpec.Endpoint(path, "GET"), new SystemSpec.Endpoint(path + "/{id}", "ANY")),
        new SystemSpec.LambdaConfig(256, 10, "python3.12"));
  }

  /** Waits until the system has {@code status}; a failed state on the way fails unless awaited. */
  JsonNode awaitStatus(String id, String status, Duration atMost) {
    List<JsonNode> last = new ArrayList<>(1);
    Awaitility.await("system " + id + " " + status)
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              JsonNode system = JSON.readTree(call("GET", "/admin/systems/" + id, null).body());
              last.clear();
              last.add(system);
              String now = system.get("status").asString();
              if (!now.equals(status) && FAILED.contains(now)) {
                throw new AssertionError("system " + id + " is " + now + ": " + system);
              }
              return status.equals(now);
            });
    return last.get(0);
  }

  HttpResponse<String> call(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(platform.apiUrl() + path))
            .header("Authorization", "Bearer " + platform.tokens.accessToken("e2e-admin"))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
