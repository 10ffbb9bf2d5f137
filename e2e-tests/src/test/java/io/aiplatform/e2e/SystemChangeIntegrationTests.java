package io.aiplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.contracts.ResourceNames;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewayv2.model.Route;
import tools.jackson.databind.JsonNode;

/**
 * Day-2 changes through the running platform: the API's PATCH, the worker's UPDATE against the
 * emulator, and the record the result leaves. Only what a change changes is touched; a change that
 * fails in AWS leaves the previous configuration running and shown.
 */
class SystemChangeIntegrationTests extends PlatformIntegrationTest {

  private static final Duration CONVERGE = Duration.ofSeconds(120);

  @Test
  void aChangeTouchesOnlyWhatItChangesAndARemovedEndpointLosesItsRoute() throws Exception {
    String name = "change-" + UUID.randomUUID().toString().substring(0, 6);
    ResourceNames names = names(name);
    String base = "/" + names.dashboard() + "/orders";
    String id = api.register(name, List.of());
    api.awaitStatus(id, "active", CONVERGE);
    Map<String, String> routesBefore = routes(names);

    HttpResponse<String> accepted =
        api.change(
            id,
            """
            {"data_sources": ["orders"], "lambda_config": {"memory": 512},
             "endpoints": [{"path": "%1$s", "method": "GET"},
                           {"path": "%1$s/{id}", "method": "ANY"},
                           {"path": "%1$s", "method": "POST"}]}
            """
                .formatted(base));

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    JsonNode active = api.awaitStatus(id, "active", CONVERGE);
    assertThat(active.at("/lambda_config/memory").asInt()).isEqualTo(512);
    assertThat(active.at("/infrastructure/dms_task").asString()).isEqualTo(names.dmsTask());
    assertThat(active.at("/infrastructure/api_routes").size()).isEqualTo(3);
    assertThat(memory(names)).isEqualTo(512);
    Map<String, String> routesAfter = routes(names);
    assertThat(routesAfter).containsAllEntriesOf(routesBefore).containsKey("POST " + base);
    Map<String, String> actions = actions(active);
    assertThat(actions)
        .containsEntry("s3_bucket " + names.raw(), "unchanged")
        .containsEntry("glue_database " + names.glueDatabase(), "unchanged")
        .containsEntry("glue_crawler " + names.crawler(), "unchanged")
        .containsEntry("eventbridge_rule " + names.rule(), "unchanged")
        .containsEntry("api_route GET " + base, "unchanged")
        .containsEntry("lambda_function " + names.function(), "updated")
        .containsEntry("api_route POST " + base, "created")
        .containsEntry("dms_replication_task " + names.dmsTask(), "created");
    JsonNode diff = lastRequestedChange(id);
    assertThat(diff.findValuesAsString("field"))
        .containsExactly("data_sources", "endpoints", "lambda_config.memory");

    HttpResponse<String> removed =
        api.change(
            id, "{\"endpoints\": [{\"path\": \"%s\", \"method\": \"GET\"}]}".formatted(base));

    assertThat(removed.statusCode()).as(removed.body()).isEqualTo(202);
    JsonNode after = api.awaitStatus(id, "active", CONVERGE);
    assertThat(after.at("/infrastructure/api_routes").size()).isEqualTo(1);
    assertThat(routes(names)).containsOnlyKeys("GET " + base);
    assertThat(routes(names).get("GET " + base)).isEqualTo(routesBefore.get("GET " + base));
  }

  @Test
  void aChangeThatFailsInAwsLeavesThePreviousConfigurationRunningAndShown() throws Exception {
    String name = "undo-" + UUID.randomUUID().toString().substring(0, 6);
    ResourceNames names = names(name);
    String blocked = "/" + names.dashboard() + "/blocked";
    String id = api.register(name, List.of());
    api.awaitStatus(id, "active", CONVERGE);
    Map<String, String> routesBefore = routes(names);
    // Somebody else's route of that key (it targets nothing of the system's): the worker must
    // refuse to take it, which fails the change for good.
    String apiId = platform.initOutputs.get("PLATFORM_WORKER_API_ID");
    emulator.api.createRoute(b -> b.apiId(apiId).routeKey("GET " + blocked));

    HttpResponse<String> accepted =
        api.change(
            id,
            """
            {"lambda_config": {"memory": 1024},
             "endpoints": [{"path": "/%1$s/orders", "method": "GET"},
                           {"path": "/%1$s/orders/{id}", "method": "ANY"},
                           {"path": "%2$s", "method": "GET"}]}
            """
                .formatted(names.dashboard(), blocked));

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    JsonNode failed = api.awaitStatus(id, "update_failed", CONVERGE);
    assertThat(failed.get("error_message").asString()).contains("GET " + blocked);
    assertThat(failed.at("/lambda_config/memory").asInt()).isEqualTo(256);
    assertThat(failed.get("endpoints").size()).isEqualTo(2);
    assertThat(memory(names)).isEqualTo(256);
    assertThat(actions(failed)).containsEntry("lambda_function " + names.function(), "restored");
    Map<String, String> routesAfter = routes(names);
    assertThat(routesAfter).containsAllEntriesOf(routesBefore);
    assertThat(routeTarget(apiId, "GET " + blocked)).isNull();
  }

  private int memory(ResourceNames names) {
    return emulator
        .lambda
        .getFunctionConfiguration(b -> b.functionName(names.function()))
        .memorySize();
  }

  /** The system's routes on the platform API: key to route id. */
  private Map<String, String> routes(ResourceNames names) {
    String apiId = platform.initOutputs.get("PLATFORM_WORKER_API_ID");
    String function =
        emulator
            .lambda
            .getFunction(b -> b.functionName(names.function()))
            .configuration()
            .functionArn();
    List<String> ours =
        emulator.api.getIntegrations(b -> b.apiId(apiId)).items().stream()
            .filter(i -> function.equals(i.integrationUri()))
            .map(i -> "integrations/" + i.integrationId())
            .toList();
    return emulator.api.getRoutes(b -> b.apiId(apiId)).items().stream()
        .filter(r -> r.target() != null && ours.contains(r.target()))
        .collect(Collectors.toMap(Route::routeKey, Route::routeId));
  }

  private String routeTarget(String apiId, String key) {
    return emulator.api.getRoutes(b -> b.apiId(apiId)).items().stream()
        .filter(r -> r.routeKey().equals(key))
        .findFirst()
        .orElseThrow()
        .target();
  }

  /** What the last job did to each resource: {@code "kind name" -> action}. */
  private static Map<String, String> actions(JsonNode system) {
    return system
        .get("resources")
        .valueStream()
        .collect(
            Collectors.toMap(
                r -> r.get("kind").asString() + " " + r.get("name").asString(),
                r -> r.get("action").asString(),
                (a, b) -> b));
  }

  private static JsonNode lastRequestedChange(String id) throws Exception {
    JsonNode events =
        PlatformApi.JSON
            .readTree(api.call("GET", "/admin/systems/" + id + "/events", null).body())
            .get("events");
    JsonNode last = null;
    for (JsonNode event : events) {
      if (event.has("changes")) {
        last = event.get("changes");
      }
    }
    assertThat(last).as("a requested change on the timeline").isNotNull();
    return last;
  }
}
