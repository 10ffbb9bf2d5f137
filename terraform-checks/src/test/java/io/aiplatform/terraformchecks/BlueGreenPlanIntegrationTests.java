package io.aiplatform.terraformchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dev root's plan against the emulator, for what runs platform-api and watches the platform:
 * CodeDeploy blue/green (listeners, target groups, hook, canary, rollback alarms, bake time), the
 * DMS resources and the alarms on the services' own metrics (the drift alarm's too).
 */
class BlueGreenPlanIntegrationTests {

  private static final String ECS = "module.platform.module.ecs.";

  @Test
  void platformApiIsDeployedBlueGreenByCodeDeployAndRollsBackOnFailureAndAlarms() {
    PlanJson plan = EmulatorPlans.dev();
    String prefix = PlanJson.prefix(plan);
    PlanJson.Resource service = plan.resource(ECS + "aws_ecs_service.api");
    assertThat(service.at("deployment_controller", "0", "type").asString())
        .isEqualTo("CODE_DEPLOY");

    PlanJson.Resource group = plan.resource(ECS + "aws_codedeploy_deployment_group.api");
    assertThat(group.at("deployment_style", "0", "deployment_type").asString())
        .isEqualTo("BLUE_GREEN");
    assertThat(group.at("deployment_style", "0", "deployment_option").asString())
        .isEqualTo("WITH_TRAFFIC_CONTROL");
    assertThat(group.at("auto_rollback_configuration", "0", "enabled").asBoolean(false)).isTrue();
    assertThat(PlanJson.strings(group.at("auto_rollback_configuration", "0", "events")))
        .contains("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM");
    assertThat(group.at("alarm_configuration", "0", "enabled").asBoolean(false)).isTrue();
    assertThat(PlanJson.strings(group.at("alarm_configuration", "0", "alarms")))
        .contains(
            prefix + "-api-deployment-5xx",
            prefix + "-api-green-unhealthy-targets",
            prefix + "-api-blue-unhealthy-targets");
    String[] bake = {
      "blue_green_deployment_config",
      "0",
      "terminate_blue_instances_on_deployment_success",
      "0",
      "termination_wait_time_in_minutes"
    };
    assertThat(group.at(bake).asInt()).as("dev bake time").isEqualTo(2);
  }

  @Test
  void blueGreenMovesProductionAndTestListenersAfterTheHookAndShiftsTrafficAsACanary() {
    PlanJson plan = EmulatorPlans.dev();
    String prefix = PlanJson.prefix(plan);
    PlanJson.Resource group = plan.resource(ECS + "aws_codedeploy_deployment_group.api");
    String[] pair = {"load_balancer_info", "0", "target_group_pair_info", "0"};
    assertThat(plan.references(group, route(pair, "prod_traffic_route")))
        .contains("aws_lb_listener.api[\"production\"].arn");
    assertThat(plan.references(group, route(pair, "test_traffic_route")))
        .contains("aws_lb_listener.api[\"test\"].arn");
    JsonNode targetGroups =
        group.at("load_balancer_info", "0", "target_group_pair_info", "0", "target_group");
    assertThat(
            StreamSupport.stream(targetGroups.spliterator(), false)
                .map(tg -> tg.path("name").asString()))
        .containsExactlyInAnyOrder(prefix + "-api-blue", prefix + "-api-green");

    PlanJson.Resource canary = plan.resource(ECS + "aws_codedeploy_deployment_config.api");
    assertThat(canary.at("traffic_routing_config", "0", "type").asString())
        .isEqualTo("TimeBasedCanary");
    assertThat(
            canary
                .at("traffic_routing_config", "0", "time_based_canary", "0", "percentage")
                .asInt())
        .isEqualTo(50);
    assertThat(plan.references(group, "deployment_config_name"))
        .contains("aws_codedeploy_deployment_config.api.id");

    PlanJson.Resource hook = plan.resource(ECS + "aws_lambda_function.test_traffic_hook");
    assertThat(hook.at("handler").asString()).isEqualTo("test_traffic_check.handler");
    // CodeDeploy's managed policy invokes only CodeDeployHook_* functions: this one needs a grant.
    PlanJson.Resource invoke =
        plan.resource("module.platform.module.iam.aws_iam_role_policy.codedeploy_hook");
    assertThat(invoke.at("policy").asString())
        .contains("lambda:InvokeFunction")
        .contains(":function:" + hook.at("function_name").asString() + "\"");
    assertThat(plan.references(hook, "environment", "0", "variables"))
        .contains("aws_lb.api.dns_name", "var.test_listener_port");
    assertThat(plan.resource(ECS + "terraform_data.api_release[0]").address()).isNotBlank();
  }

  @Test
  void dmsReplicationInstanceAndSourceEndpointAreManagedAndPrivate() {
    PlanJson plan = EmulatorPlans.dev();
    PlanJson.Resource instance =
        plan.resource("module.platform.module.dms[0].aws_dms_replication_instance.this");
    assertThat(instance.at("publicly_accessible").asBoolean(true)).isFalse();
    assertThat(instance.set("kms_key_arn")).isTrue();
    PlanJson.Resource source =
        plan.resource("module.platform.module.dms[0].aws_dms_endpoint.source");
    assertThat(source.at("endpoint_type").asString()).isEqualTo("source");
    assertThat(source.at("secrets_manager_arn").asString()).contains(":secret:operations-dms-");
    assertThat(source.at("password").isNull() || source.at("password").isMissingNode()).isTrue();
    JsonNode worker = plan.outputUnknown("service_environment").path("provisioner-worker");
    assertThat(worker.path("PLATFORM_WORKER_DMS_REPLICATION_INSTANCE_ARN").asBoolean(false))
        .isTrue();
    assertThat(worker.path("PLATFORM_WORKER_DMS_SOURCE_ENDPOINT_ARN").asBoolean(false)).isTrue();
  }

  /** The alarms on the services' own metrics name metrics the sidecars publish. */
  @Test
  void outboxBacklogAndConsumerLagAlarmsWatchExportedMetrics() {
    PlanJson plan = EmulatorPlans.dev();
    String namespace = plan.output("metrics_namespace").asString();
    JsonNode exported = plan.output("exported_metrics");
    for (String alarm : List.of("outbox_backlog", "consumer_lag")) {
      PlanJson.Resource resource =
          plan.resource("module.platform.module.monitoring.aws_cloudwatch_metric_alarm." + alarm);
      assertThat(resource.at("namespace").asString()).isEqualTo(namespace);
      String service = resource.at("dimensions", "service").asString();
      String metric = resource.at("metric_name").asString();
      assertThat(PlanJson.strings(exported.path(service)))
          .as("%s publishes %s", service, metric)
          .anyMatch(metric::matches);
      assertThat(resource.set("alarm_actions")).isTrue();
    }
  }

  /**
   * The drift alarm reads platform-api's gauge of systems per drift status with status = drifted,
   * which the sidecar publishes under exactly the dimensions service and status; under service
   * alone the statuses would mix into one metric.
   */
  @Test
  void systemsDriftedAlarmWatchesTheDriftedSeriesOfTheDriftGauge() {
    PlanJson plan = EmulatorPlans.dev();
    String prefix = PlanJson.prefix(plan);
    PlanJson.Resource alarm =
        plan.resource(
            "module.platform.module.monitoring.aws_cloudwatch_metric_alarm.systems_drifted");
    assertThat(alarm.at("alarm_name").asString()).isEqualTo(prefix + "-systems-drifted");
    assertThat(alarm.at("namespace").asString())
        .isEqualTo(plan.output("metrics_namespace").asString());
    String metric = alarm.at("metric_name").asString();
    assertThat(metric).isEqualTo("platform_systems_drift");
    assertThat(alarm.at("dimensions").size()).isEqualTo(2);
    assertThat(alarm.at("dimensions", "service").asString()).isEqualTo("platform-api");
    assertThat(alarm.at("dimensions", "status").asString()).isEqualTo("drifted");
    assertThat(alarm.at("comparison_operator").asString()).isEqualTo("GreaterThanThreshold");
    assertThat(alarm.at("threshold").asDouble()).isZero();
    String topic =
        plan.priorValues("module.platform.module.monitoring.aws_sns_topic.alarms")
            .path("arn")
            .asString();
    assertThat(PlanJson.strings(alarm.at("alarm_actions"))).containsExactly(topic);
    assertThat(PlanJson.strings(alarm.at("ok_actions"))).containsExactly(topic);

    List<JsonNode> publishing = new ArrayList<>();
    plan.output("metric_declarations")
        .path("platform-api")
        .forEach(
            declaration -> {
              if (PlanJson.strings(declaration.path("metric_name_selectors")).stream()
                  .anyMatch(metric::matches)) {
                publishing.add(declaration.path("dimensions"));
              }
            });
    assertThat(publishing).as("declarations publishing %s", metric).hasSize(1);
    assertThat(publishing.get(0)).hasSize(1);
    assertThat(PlanJson.strings(publishing.get(0).path(0)))
        .containsExactlyInAnyOrder("service", "status");
  }

  private static String[] route(String[] pair, String route) {
    String[] path = Arrays.copyOf(pair, pair.length + 3);
    path[pair.length] = route;
    path[pair.length + 1] = "0";
    path[pair.length + 2] = "listener_arns";
    return path;
  }
}
