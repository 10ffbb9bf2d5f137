package io.aiplatform.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningResult;
import io.aiplatform.contracts.ProvisioningResult.Outcome;
import io.aiplatform.contracts.ResourceNames;
import io.aiplatform.contracts.ResourceResult;
import io.aiplatform.contracts.ResourceResult.Action;
import io.aiplatform.contracts.ResourceResult.ResourceKind;
import io.aiplatform.contracts.SystemSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewayv2.model.Integration;
import software.amazon.awssdk.services.apigatewayv2.model.Route;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import tools.jackson.databind.JsonNode;

/**
 * A system's runtime as the emulator holds it after a registration with {@code lambda_config} and
 * three endpoints, and after its deprovisioning.
 */
class RuntimeIntegrationTests extends WorkerIntegrationTest {

  static final List<SystemSpec.Endpoint> THREE =
      List.of(
          new SystemSpec.Endpoint("/orders", "GET"),
          new SystemSpec.Endpoint("/orders/{id}", "POST"),
          new SystemSpec.Endpoint("/orders/{proxy+}", "ANY"));

  @Test
  void registrationWithLambdaConfigAndThreeEndpointsGetsItsFunctionRoutesDashboardAndAlarms() {
    ProvisioningJob job =
        provisionJob(List.of(), THREE, new SystemSpec.LambdaConfig(2048, 600, "python3.11"));
    ResourceNames names = names(job);

    send(job);
    ProvisioningResult result = awaitResults(job, 1).get(0);

    assertThat(result.outcome()).as(result.errorSummary()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.resources())
        .filteredOn(r -> r.kind().ordinal() >= ResourceKind.LOG_GROUP.ordinal())
        .extracting(ResourceResult::kind, ResourceResult::name, ResourceResult::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                ResourceKind.LOG_GROUP, names.logGroup(), Action.CREATED),
            org.assertj.core.groups.Tuple.tuple(
                ResourceKind.LAMBDA_FUNCTION, names.function(), Action.CREATED),
            org.assertj.core.groups.Tuple.tuple(
                ResourceKind.API_INTEGRATION, names.function() + "/integration", Action.CREATED),
            org.assertj.core.groups.Tuple.tuple(
                ResourceKind.LAMBDA_PERMISSION,
                names.function() + "/platform-api-invoke",
                Action.CREATED),
            org.assertj.core.groups.Tuple.tuple(
                ResourceKind.API_ROUTE, key(job, "GET", "/orders"), Action.CREATED),
            org.assertj.core.groups.Tuple.tuple(
                ResourceKind.API_ROUTE, key(job, "POST", "/orders/{id}"), Action.CREATED),
            org.assertj.core.groups.Tuple.tuple(
                ResourceKind.API_ROUTE, key(job, "ANY", "/orders/{proxy+}"), Action.CREATED),
            org.assertj.core.groups.Tuple.tuple(
                ResourceKind.CLOUDWATCH_DASHBOARD, names.dashboard(), Action.CREATED),
            org.assertj.core.groups.Tuple.tuple(
                ResourceKind.CLOUDWATCH_ALARM, names.errorsAlarm(), Action.CREATED),
            org.assertj.core.groups.Tuple.tuple(
                ResourceKind.CLOUDWATCH_ALARM, names.serverErrorsAlarm(), Action.CREATED));
    assertThat(result.infrastructure().lambdaFunction()).isEqualTo(names.function());
    assertThat(result.infrastructure().apiRoutes())
        .containsExactly(
            key(job, "GET", "/orders"),
            key(job, "POST", "/orders/{id}"),
            key(job, "ANY", "/orders/{proxy+}"));
    assertThat(result.infrastructure().dashboard()).isEqualTo(names.dashboard());

    String functionArn = assertFunction(names, job);
    assertLogGroup(names, job);
    assertRoutes(names, job, functionArn);
    assertDashboardAndAlarms(names, job);
  }

  @Test
  void aSystemWithoutEndpointsOrLambdaConfigGetsADefaultFunctionAndNoRoutes() {
    ProvisioningJob job = provisionJob(List.of());
    ResourceNames names = names(job);

    send(job);
    ProvisioningResult result = awaitResults(job, 1).get(0);

    assertThat(result.outcome()).as(result.errorSummary()).isEqualTo(Outcome.SUCCEEDED);
    FunctionConfiguration function =
        lambda.getFunction(b -> b.functionName(names.function())).configuration();
    assertThat(function.memorySize()).isEqualTo(512);
    assertThat(function.timeout()).isEqualTo(30);
    assertThat(function.runtimeAsString()).isEqualTo("python3.12");
    assertThat(result.resources())
        .extracting(ResourceResult::kind)
        .doesNotContain(
            ResourceKind.API_INTEGRATION, ResourceKind.API_ROUTE, ResourceKind.LAMBDA_PERMISSION);
    assertThat(integrationsOf(function.functionArn())).isEmpty();
    assertThat(result.infrastructure().apiRoutes()).isEmpty();
    assertThat(existsAlarm(names.serverErrorsAlarm())).isFalse();
    assertThat(existsAlarm(names.errorsAlarm())).isTrue();
  }

  @Test
  void deprovisioningRemovesTheFunctionRoutesIntegrationPermissionDashboardAlarmsAndLogGroup() {
    ProvisioningJob provision = provisionJob(List.of(), THREE, null);
    ResourceNames names = names(provision);
    send(provision);
    assertThat(awaitResults(provision, 1).get(0).outcome()).isEqualTo(Outcome.SUCCEEDED);
    String functionArn =
        lambda.getFunction(b -> b.functionName(names.function())).configuration().functionArn();

    ProvisioningJob deprovision = deprovisionJob(provision, true);
    send(deprovision);
    ProvisioningResult result = awaitResults(deprovision, 1).get(0);

    assertThat(result.outcome()).as(result.errorSummary()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.resources())
        .filteredOn(r -> r.kind().ordinal() >= ResourceKind.LOG_GROUP.ordinal())
        .extracting(ResourceResult::action)
        .containsOnly(Action.DELETED)
        .hasSize(10);
    assertThat(lambda.listFunctions().functions())
        .noneMatch(f -> f.functionName().equals(names.function()));
    assertThat(integrationsOf(functionArn)).isEmpty();
    assertThat(routesOf(provision)).isEmpty();
    assertThat(logGroup(names)).isNull();
    assertThat(
            cloudWatch
                .listDashboards(b -> b.dashboardNamePrefix(names.dashboard()))
                .dashboardEntries())
        .noneMatch(d -> d.dashboardName().equals(names.dashboard()));
    assertThat(existsAlarm(names.errorsAlarm())).isFalse();
    assertThat(existsAlarm(names.serverErrorsAlarm())).isFalse();
  }

  private String assertFunction(ResourceNames names, ProvisioningJob job) {
    GetFunctionResponse function = lambda.getFunction(b -> b.functionName(names.function()));
    FunctionConfiguration config = function.configuration();
    assertThat(config.memorySize()).isEqualTo(2048);
    assertThat(config.timeout()).isEqualTo(600);
    assertThat(config.runtimeAsString()).isEqualTo("python3.11");
    assertThat(config.handler()).isEqualTo("handler.handler");
    assertThat(config.role()).isEqualTo(ENV.functionRole());
    assertThat(config.environment().variables())
        .containsEntry("SYSTEM_NAME", job.spec().systemName())
        .containsEntry("RAW_BUCKET", names.raw())
        .containsEntry("CURATED_BUCKET", names.curated())
        .containsEntry("PROD_BUCKET", names.prod())
        .containsEntry("GLUE_DATABASE", names.glueDatabase());
    ProvisioningIntegrationTests.assertOwnedBy(function.tags(), job);
    return config.functionArn();
  }

  private void assertLogGroup(ResourceNames names, ProvisioningJob job) {
    LogGroup group = logGroup(names);
    assertThat(group.retentionInDays()).isEqualTo(30);
    assertThat(group.kmsKeyId()).isEqualTo(ENV.kmsKeyArn());
    String arn = group.arn().replaceFirst(":\\*$", "");
    ProvisioningIntegrationTests.assertOwnedBy(
        logs.listTagsForResource(b -> b.resourceArn(arn)).tags(), job);
  }

  private void assertRoutes(ResourceNames names, ProvisioningJob job, String functionArn) {
    List<Integration> integrations = integrationsOf(functionArn);
    assertThat(integrations)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.integrationTypeAsString()).isEqualTo("AWS_PROXY");
              assertThat(i.payloadFormatVersion()).isEqualTo("2.0");
            });
    List<String> keys = job.spec().endpoints().stream().map(SystemSpec.Endpoint::routeKey).toList();
    List<Route> routes = routesOf(job);
    assertThat(routes).extracting(Route::routeKey).containsExactlyInAnyOrderElementsOf(keys);
    assertThat(routes)
        .allSatisfy(
            r -> {
              assertThat(r.target())
                  .isEqualTo("integrations/" + integrations.get(0).integrationId());
              assertThat(r.authorizationTypeAsString()).isEqualTo("JWT");
              assertThat(r.authorizerId()).isEqualTo(ENV.authorizerId());
            });
    JsonNode policy =
        json.readTree(lambda.getPolicy(b -> b.functionName(names.function())).policy());
    assertThat(policy.path("Statement"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.path("Sid").asString()).isEqualTo("platform-api-invoke");
              assertThat(s.path("Principal").path("Service").asString())
                  .isEqualTo("apigateway.amazonaws.com");
              assertThat(s.at("/Condition/ArnLike/AWS:SourceArn").asString())
                  .contains(":" + ENV.apiId() + "/");
            });
  }

  private void assertDashboardAndAlarms(ResourceNames names, ProvisioningJob job) {
    JsonNode body =
        json.readTree(
            cloudWatch.getDashboard(b -> b.dashboardName(names.dashboard())).dashboardBody());
    String text = body.toString();
    assertThat(text)
        .contains("platform:system-id=" + job.systemId())
        .contains("Invocations", "Errors", "Duration", "Throttles")
        .contains(key(job, "GET", "/orders"), key(job, "ANY", "/orders/{proxy+}"), "4xx", "5xx")
        .contains(names.crawler());
    for (String alarm : List.of(names.errorsAlarm(), names.serverErrorsAlarm())) {
      MetricAlarm found = cloudWatch.describeAlarms(b -> b.alarmNames(alarm)).metricAlarms().get(0);
      assertThat(found.alarmActions()).containsExactly(ALARM_TOPIC);
      Map<String, String> tags = new LinkedHashMap<>();
      cloudWatch
          .listTagsForResource(b -> b.resourceARN(found.alarmArn()))
          .tags()
          .forEach(t -> tags.put(t.key(), t.value()));
      ProvisioningIntegrationTests.assertOwnedBy(tags, job);
    }
  }

  List<Integration> integrationsOf(String functionArn) {
    return apiGateway.getIntegrations(b -> b.apiId(ENV.apiId())).items().stream()
        .filter(i -> functionArn.equals(i.integrationUri()))
        .toList();
  }

  List<Route> routesOf(ProvisioningJob job) {
    List<String> keys = job.spec().endpoints().stream().map(SystemSpec.Endpoint::routeKey).toList();
    return apiGateway.getRoutes(b -> b.apiId(ENV.apiId())).items().stream()
        .filter(r -> keys.contains(r.routeKey()))
        .toList();
  }

  static String key(ProvisioningJob job, String method, String path) {
    return method + " /" + job.spec().systemName() + path;
  }

  LogGroup logGroup(ResourceNames names) {
    return logs.describeLogGroups(b -> b.logGroupNamePrefix(names.logGroup())).logGroups().stream()
        .filter(g -> g.logGroupName().equals(names.logGroup()))
        .findFirst()
        .orElse(null);
  }

  boolean existsAlarm(String alarm) {
    return !cloudWatch.describeAlarms(b -> b.alarmNames(alarm)).metricAlarms().isEmpty();
  }
}
