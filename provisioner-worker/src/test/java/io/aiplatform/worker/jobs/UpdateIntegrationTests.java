package io.aiplatform.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningResult;
import io.aiplatform.contracts.ProvisioningResult.Outcome;
import io.aiplatform.contracts.ResourceNames;
import io.aiplatform.contracts.ResourceResult;
import io.aiplatform.contracts.ResourceResult.Action;
import io.aiplatform.contracts.ResourceResult.Status;
import io.aiplatform.contracts.SystemSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewayv2.model.Route;
import software.amazon.awssdk.services.databasemigration.model.Filter;
import tools.jackson.databind.JsonNode;

/** Day-2 changes: only the difference is converged, and a failed change is undone in AWS. */
class UpdateIntegrationTests extends WorkerIntegrationTest {

  private static final List<SystemSpec.Endpoint> TWO =
      List.of(
          new SystemSpec.Endpoint("/orders", "GET"), new SystemSpec.Endpoint("/orders", "POST"));

  @Test
  void addingAnEndpointAndATableAndRaisingTheMemoryChangesOnlyThoseResources() {
    ProvisioningJob provision =
        provisionJob(List.of("orders"), TWO, new SystemSpec.LambdaConfig(512, 30, "python3.12"));
    ResourceNames names = names(provision);
    provisioned(provision);
    Map<String, String> routeIdsBefore = routeIds(provision.spec());
    SystemSpec changed =
        with(
            provision.spec(),
            List.of("orders", "returns"),
            plus(provision.spec().endpoints(), "GET", "/orders/{id}"),
            new SystemSpec.LambdaConfig(1024, 30, "python3.12"));
    ProvisioningJob update = update(provision, changed);
    int callsBefore = faults.callsMentioning(names.raw()).size();

    send(update);
    ProvisioningResult result = awaitResults(update, 1).get(0);

    assertThat(result.outcome()).as(result.errorSummary()).isEqualTo(Outcome.SUCCEEDED);
    String added = "GET /" + provision.spec().systemName() + "/orders/{id}";
    assertThat(actions(result))
        .containsEntry(names.function(), Action.UPDATED)
        .containsEntry(added, Action.CREATED)
        .containsEntry(names.dmsTask(), Action.UPDATED)
        .containsEntry(names.dashboard(), Action.UPDATED)
        .containsEntry(names.serverErrorsAlarm(), Action.UPDATED)
        .containsEntry(names.raw(), Action.UNCHANGED)
        .containsEntry(names.curated(), Action.UNCHANGED)
        .containsEntry(names.prod(), Action.UNCHANGED)
        .containsEntry(names.glueDatabase(), Action.UNCHANGED)
        .containsEntry(names.crawler(), Action.UNCHANGED)
        .containsEntry(names.errorsAlarm(), Action.UNCHANGED)
        .containsEntry(names.function() + "/platform-api-invoke", Action.UNCHANGED);
    routeIdsBefore.forEach(
        (key, id) -> assertThat(actions(result)).containsEntry(key, Action.UNCHANGED));
    assertThat(routeIds(changed)).containsAllEntriesOf(routeIdsBefore).containsKey(added);
    assertThat(
            lambda.getFunction(b -> b.functionName(names.function())).configuration().memorySize())
        .isEqualTo(1024);
    assertThat(tables(names)).containsExactlyInAnyOrder("orders", "returns");
    assertThat(taskStatus(names)).isEqualTo("running");
    // The buckets were not even read: the only calls naming the raw bucket set the function's
    // environment, which names it.
    assertThat(
            faults
                .callsMentioning(names.raw())
                .subList(callsBefore, faults.callsMentioning(names.raw()).size()))
        .noneMatch(call -> call.service().equals("S3"));
    assertThat(result.infrastructure().apiRoutes()).contains(added).hasSize(3);
  }

  @Test
  void removingAnEndpointRemovesItsRouteAndLeavesTheOthers() {
    ProvisioningJob provision = provisionJob(List.of(), TWO, null);
    provisioned(provision);
    Map<String, String> before = routeIds(provision.spec());
    SystemSpec.Endpoint kept = provision.spec().endpoints().get(0);
    SystemSpec changed = with(provision.spec(), List.of(), List.of(kept), null);

    ProvisioningJob update = update(provision, changed);
    send(update);
    ProvisioningResult result = awaitResults(update, 1).get(0);

    assertThat(result.outcome()).as(result.errorSummary()).isEqualTo(Outcome.SUCCEEDED);
    String removed = provision.spec().endpoints().get(1).routeKey();
    assertThat(actions(result))
        .containsEntry(removed, Action.DELETED)
        .containsEntry(kept.routeKey(), Action.UNCHANGED);
    assertThat(routeIds(provision.spec()))
        .containsOnly(Map.entry(kept.routeKey(), before.get(kept.routeKey())));
    assertThat(result.infrastructure().apiRoutes()).containsExactly(kept.routeKey());
  }

  @Test
  void aChangeThatFailsInAwsIsUndoneAndThePreviousConfigurationRunsAgain() {
    ProvisioningJob provision =
        provisionJob(List.of(), TWO, new SystemSpec.LambdaConfig(512, 30, "python3.12"));
    ResourceNames names = names(provision);
    provisioned(provision);
    Map<String, String> before = routeIds(provision.spec());
    SystemSpec changed =
        with(
            provision.spec(),
            List.of(),
            plus(provision.spec().endpoints(), "DELETE", "/orders/{id}"),
            new SystemSpec.LambdaConfig(2048, 60, "python3.12"));
    String added = "DELETE /" + provision.spec().systemName() + "/orders/{id}";
    faults.fail("CreateRoute", "/orders/{id}", 1, 400, "BadRequestException");

    ProvisioningJob update = update(provision, changed);
    send(update);
    ProvisioningResult result = awaitResults(update, 1).get(0);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.errorSummary()).contains(added + " failed: BadRequestException");
    ResourceResult failed = entry(result, added);
    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(entry(result, names.function()).action()).isEqualTo(Action.RESTORED);
    var function = lambda.getFunction(b -> b.functionName(names.function())).configuration();
    assertThat(function.memorySize()).isEqualTo(512);
    assertThat(function.timeout()).isEqualTo(30);
    assertThat(routeIds(changed)).isEqualTo(before);
    assertThat(result.infrastructure().apiRoutes())
        .containsExactlyInAnyOrderElementsOf(before.keySet());
  }

  private void provisioned(ProvisioningJob provision) {
    send(provision);
    ProvisioningResult result = awaitResults(provision, 1).get(0);
    assertThat(result.outcome()).as(result.errorSummary()).isEqualTo(Outcome.SUCCEEDED);
  }

  private static ProvisioningJob update(ProvisioningJob provisioned, SystemSpec changed) {
    return new ProvisioningJob(
        ProvisioningJob.SCHEMA_VERSION,
        UUID.randomUUID(),
        provisioned.systemId(),
        ProvisioningJob.Kind.UPDATE,
        provisioned.generation() + 1,
        changed,
        false,
        "it",
        Instant.now(),
        provisioned.spec());
  }

  private static SystemSpec with(
      SystemSpec spec,
      List<String> dataSources,
      List<SystemSpec.Endpoint> endpoints,
      SystemSpec.LambdaConfig config) {
    return new SystemSpec(spec.systemName(), spec.description(), dataSources, endpoints, config);
  }

  private static List<SystemSpec.Endpoint> plus(
      List<SystemSpec.Endpoint> endpoints, String method, String path) {
    String system = endpoints.get(0).path().split("/")[1];
    List<SystemSpec.Endpoint> more = new java.util.ArrayList<>(endpoints);
    more.add(new SystemSpec.Endpoint("/" + system + path, method));
    return more;
  }

  /** The ids of the routes of this spec's keys that exist on the API. */
  private Map<String, String> routeIds(SystemSpec spec) {
    List<String> keys = spec.endpoints().stream().map(SystemSpec.Endpoint::routeKey).toList();
    return apiGateway.getRoutes(b -> b.apiId(ENV.apiId())).items().stream()
        .filter(r -> keys.contains(r.routeKey()))
        .collect(Collectors.toMap(Route::routeKey, Route::routeId));
  }

  private List<String> tables(ResourceNames names) {
    JsonNode mappings = json.readTree(task(names).tableMappings()).get("rules");
    return mappings
        .valueStream()
        .map(r -> r.get("object-locator").get("table-name").asString())
        .toList();
  }

  private String taskStatus(ResourceNames names) {
    return task(names).status();
  }

  private software.amazon.awssdk.services.databasemigration.model.ReplicationTask task(
      ResourceNames names) {
    return dms.describeReplicationTasks(
            b ->
                b.filters(
                    Filter.builder().name("replication-task-id").values(names.dmsTask()).build()))
        .replicationTasks()
        .get(0);
  }

  private static Map<String, Action> actions(ProvisioningResult result) {
    return result.resources().stream()
        .collect(Collectors.toMap(ResourceResult::name, ResourceResult::action, (a, b) -> b));
  }

  private static ResourceResult entry(ProvisioningResult result, String name) {
    return result.resources().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }
}
