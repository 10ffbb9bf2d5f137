package io.aiplatform.worker.resources;

import io.aiplatform.contracts.ResourceNames;
import io.aiplatform.contracts.SystemSpec;
import io.aiplatform.worker.WorkerProperties;
import io.aiplatform.worker.provisioning.Step;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The steps of a system's runtime, after its data lake: the function's log group, the function, the
 * integration, permission and routes on the platform HTTP API (only with endpoints and a configured
 * API), the dashboard and the alarms.
 */
@Component
class RuntimePlan {

  private final LambdaClient lambda;
  private final ApiGatewayV2Client apiGateway;
  private final CloudWatchClient cloudWatch;
  private final CloudWatchLogsClient logs;
  private final DatabaseMigrationClient dms;
  private final AwsAccount account;
  private final PlatformKey key;
  private final WorkerProperties properties;
  private final JsonMapper json;

  RuntimePlan(
      LambdaClient lambda,
      ApiGatewayV2Client apiGateway,
      CloudWatchClient cloudWatch,
      CloudWatchLogsClient logs,
      DatabaseMigrationClient dms,
      AwsAccount account,
      PlatformKey key,
      WorkerProperties properties,
      JsonMapper json) {
    this.lambda = lambda;
    this.apiGateway = apiGateway;
    this.cloudWatch = cloudWatch;
    this.logs = logs;
    this.dms = dms;
    this.account = account;
    this.key = key;
    this.properties = properties;
    this.json = json;
  }

  /** The route keys the system gets: none without endpoints or without a configured API. */
  List<String> routes(SystemSpec spec) {
    if (!properties.api().enabled()) {
      return List.of();
    }
    return spec.endpoints().stream().map(SystemSpec.Endpoint::routeKey).distinct().toList();
  }

  List<Step<?>> steps(SystemSpec spec, ResourceNames names, boolean replicates) {
    String region = lambda.serviceClientConfiguration().region().id();
    WorkerProperties.Functions functions = properties.functions();
    SystemFunction function =
        new SystemFunction(
            lambda,
            names.function(),
            account.arn("lambda", region, "function:" + names.function()));
    List<Step<?>> steps = new ArrayList<>();
    steps.add(
        new LogGroupStep(
            logs,
            names.logGroup(),
            account.arn("logs", region, "log-group:" + names.logGroup()),
            key,
            functions.logRetentionDays()));
    steps.add(
        new FunctionStep(
            lambda, function, settings(spec, names), new FunctionCode(functions.templates())));
    List<String> routes = routes(spec);
    WorkerProperties.Api api = properties.api();
    if (!routes.isEmpty()) {
      PlatformApi platformApi = new PlatformApi(apiGateway, api.id(), account.partition());
      steps.add(new IntegrationStep(platformApi, function));
      String sourceArn = account.arn("execute-api", region, api.id() + "/*");
      steps.add(new PermissionStep(lambda, function, sourceArn, json));
      for (String route : routes) {
        steps.add(new RouteStep(platformApi, function, route, api.authorizerId()));
      }
    }
    DashboardBody.Sources sources =
        new DashboardBody.Sources(
            region,
            names.function(),
            names.crawler(),
            api.id(),
            api.stage(),
            names.dmsTask(),
            properties.dms().replicationInstanceArn());
    DashboardBody body =
        new DashboardBody(new DashboardBody.Layout(routes, replicates), sources, dms, json);
    String dashboardArn = account.arn("cloudwatch", "", "dashboard/" + names.dashboard());
    steps.add(new DashboardStep(cloudWatch, names.dashboard(), dashboardArn, body, json));
    List<String> actions = alarmActions();
    steps.add(alarm(names.errorsAlarm(), region, SystemAlarms.errors(names.function(), actions)));
    if (!routes.isEmpty()) {
      AlarmStep.Definition serverErrors =
          SystemAlarms.serverErrors(api.id(), api.stage(), routes, actions);
      steps.add(alarm(names.serverErrorsAlarm(), region, serverErrors));
    }
    return steps;
  }

  private AlarmStep alarm(String name, String region, AlarmStep.Definition definition) {
    return new AlarmStep(
        cloudWatch, name, account.arn("cloudwatch", region, "alarm:" + name), definition);
  }

  private List<String> alarmActions() {
    String topic = properties.alarms().topicArn();
    return topic == null || topic.isBlank() ? List.of() : List.of(topic);
  }

  private FunctionStep.Settings settings(SystemSpec spec, ResourceNames names) {
    WorkerProperties.Functions functions = properties.functions();
    SystemSpec.LambdaConfig config = spec.lambdaConfig();
    String runtime =
        config == null || config.runtime() == null ? functions.defaultRuntime() : config.runtime();
    int memory =
        config == null || config.memory() == null ? functions.defaultMemory() : config.memory();
    int timeout =
        config == null || config.timeout() == null ? functions.defaultTimeout() : config.timeout();
    return new FunctionStep.Settings(
        runtime,
        FunctionCode.family(runtime).handler(),
        memory,
        timeout,
        functions.executionRoleArn(),
        FunctionStep.environment(
            spec.systemName(), names.raw(), names.curated(), names.prod(), names.glueDatabase()));
  }
}
