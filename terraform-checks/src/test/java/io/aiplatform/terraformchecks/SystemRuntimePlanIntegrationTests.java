package io.aiplatform.terraformchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dev root's plan against the emulator, for what each system's function, routes, dashboard and
 * alarms need (issue 15): the worker's settings come from the resources Terraform makes, its policy
 * allows exactly the calls of its per-system steps and only on the platform's API, function names,
 * log groups, role and template bucket, the platform key lets CloudWatch Logs encrypt the
 * functions' log groups, and the stage publishes the per-route metrics the dashboards show.
 */
class SystemRuntimePlanIntegrationTests {

  private static final String PLATFORM = "module.platform.module.";
  private static final String ACCOUNT = "123456789012";

  @Test
  void workerTaskGetsEveryRuntimeSettingFromWhatTerraformCreates() {
    PlanJson plan = EmulatorPlans.dev();
    String prefix = PlanJson.prefix(plan);
    JsonNode worker = plan.output("service_environment").path("provisioner-worker");

    assertThat(worker.path("PLATFORM_WORKER_API_ID").asString())
        .isNotBlank()
        .isEqualTo(prior(plan, "api_gateway.aws_apigatewayv2_api.this", "id"));
    assertThat(worker.path("PLATFORM_WORKER_API_AUTHORIZER_ID").asString())
        .isNotBlank()
        .isEqualTo(prior(plan, "api_gateway.aws_apigatewayv2_authorizer.cognito", "id"));
    assertThat(worker.path("PLATFORM_WORKER_API_STAGE").asString())
        .isEqualTo(
            plan.resource(PLATFORM + "api_gateway.aws_apigatewayv2_stage.default")
                .at("name")
                .asString())
        .isEqualTo("$default");
    assertThat(worker.path("PLATFORM_WORKER_FUNCTIONS_EXECUTION_ROLE_ARN").asString())
        .isEqualTo(prior(plan, "iam.aws_iam_role.system_function", "arn"))
        .endsWith(":role/" + prefix + "-system-function");
    assertThat(worker.path("PLATFORM_WORKER_ALARMS_TOPIC_ARN").asString())
        .isNotBlank()
        .isEqualTo(prior(plan, "monitoring.aws_sns_topic.alarms", "arn"));

    // The test's tfvars name a python template only: the other families keep the built-in one.
    String bucket = plan.output("function_templates_bucket").asString();
    assertThat(bucket).isEqualTo(prefix + "-function-templates-" + ACCOUNT);
    assertThat(worker.path("PLATFORM_WORKER_FUNCTIONS_TEMPLATES_PYTHON").asString())
        .isEqualTo("s3://" + bucket + "/python/handler.zip");
    assertThat(worker.path("PLATFORM_WORKER_FUNCTIONS_TEMPLATES_NODEJS").asString()).isEmpty();
    assertThat(worker.path("PLATFORM_WORKER_FUNCTIONS_TEMPLATES_JAVA").asString()).isEmpty();
  }

  @Test
  void workerMayMakeExactlyItsRuntimeStepsCallsAndOnlyOnThePlatformsResources() {
    PlanJson plan = EmulatorPlans.dev();
    String prefix = PlanJson.prefix(plan);
    String apiId = prior(plan, "api_gateway.aws_apigatewayv2_api.this", "id");
    Map<String, JsonNode> statements =
        PolicyJson.statements(
            plan.resource(PLATFORM + "iam.aws_iam_role_policy.worker_system_runtime")
                .at("policy")
                .asString());

    assertThat(statements)
        .containsOnlyKeys(
            "ManageSystemFunctions",
            "PassSystemFunctionRoleToLambda",
            "ReadFunctionTemplates",
            "ManageSystemLogGroups",
            "ListLogGroups",
            "ManageSystemRoutesOnThePlatformApi",
            "ManageSystemDashboardsAndAlarms",
            "DescribeAlarms",
            "ResolvePlatformKey");
    assertThat(PolicyJson.actions(statements.get("ManageSystemFunctions")))
        .containsExactlyInAnyOrder(
            "lambda:CreateFunction",
            "lambda:GetFunction",
            "lambda:DeleteFunction",
            "lambda:UpdateFunctionConfiguration",
            "lambda:UpdateFunctionCode",
            "lambda:AddPermission",
            "lambda:RemovePermission",
            "lambda:GetPolicy",
            "lambda:TagResource",
            "lambda:ListTags");
    assertThat(PolicyJson.resources(statements.get("ManageSystemFunctions")))
        .containsExactly(
            "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:" + prefix + "-*-handler");

    JsonNode pass = statements.get("PassSystemFunctionRoleToLambda");
    assertThat(PolicyJson.actions(pass)).containsExactly("iam:PassRole");
    assertThat(PolicyJson.resources(pass))
        .containsExactly(prior(plan, "iam.aws_iam_role.system_function", "arn"));
    assertThat(pass.at("/Condition/StringEquals/iam:PassedToService").asString())
        .isEqualTo("lambda.amazonaws.com");

    JsonNode templates = statements.get("ReadFunctionTemplates");
    assertThat(PolicyJson.actions(templates)).containsExactly("s3:GetObject");
    assertThat(PolicyJson.resources(templates))
        .containsExactly(
            "arn:aws:s3:::" + plan.output("function_templates_bucket").asString() + "/*");

    JsonNode logs = statements.get("ManageSystemLogGroups");
    assertThat(PolicyJson.actions(logs))
        .containsExactlyInAnyOrder(
            "logs:CreateLogGroup",
            "logs:DeleteLogGroup",
            "logs:PutRetentionPolicy",
            "logs:AssociateKmsKey",
            "logs:TagResource",
            "logs:ListTagsForResource");
    String group = "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:/aws/lambda/" + prefix;
    assertThat(PolicyJson.resources(logs))
        .containsExactlyInAnyOrder(group + "-*-handler", group + "-*-handler:*");

    String api = "arn:aws:apigateway:us-east-1::/apis/" + apiId;
    assertThat(PolicyJson.resources(statements.get("ManageSystemRoutesOnThePlatformApi")))
        .containsExactlyInAnyOrder(
            api + "/routes", api + "/routes/*", api + "/integrations", api + "/integrations/*");

    JsonNode monitoring = statements.get("ManageSystemDashboardsAndAlarms");
    assertThat(PolicyJson.actions(monitoring))
        .containsExactlyInAnyOrder(
            "cloudwatch:PutDashboard",
            "cloudwatch:GetDashboard",
            "cloudwatch:DeleteDashboards",
            "cloudwatch:PutMetricAlarm",
            "cloudwatch:DeleteAlarms",
            "cloudwatch:TagResource",
            "cloudwatch:ListTagsForResource");
    assertThat(PolicyJson.resources(monitoring))
        .containsExactlyInAnyOrder(
            "arn:aws:cloudwatch::" + ACCOUNT + ":dashboard/" + prefix + "-*",
            "arn:aws:cloudwatch:us-east-1:" + ACCOUNT + ":alarm:" + prefix + "-*");

    // Only the reads AWS authorises on "*" alone are granted on "*".
    statements.forEach(
        (sid, statement) -> {
          if (PolicyJson.resources(statement).contains("*")) {
            assertThat(PolicyJson.actions(statement))
                .as(sid)
                .isSubsetOf("logs:DescribeLogGroups", "cloudwatch:DescribeAlarms");
          }
        });
  }

  /**
   * The worker creates /aws/lambda/P-S-handler with the platform key: CloudWatch Logs must be
   * allowed to use it.
   */
  @Test
  void platformKeyLetsCloudWatchLogsEncryptTheFunctionsLogGroups() {
    PlanJson plan = EmulatorPlans.dev();
    String prefix = PlanJson.prefix(plan);
    Map<String, JsonNode> statements =
        PolicyJson.statements(
            plan.resource(PLATFORM + "kms.aws_kms_key.this").at("policy").asString());
    JsonNode logs = statements.get("CloudWatchLogsEncryptsLogGroups");

    assertThat(logs).as("a key policy statement for CloudWatch Logs").isNotNull();
    assertThat(logs.at("/Principal/Service").asString()).isEqualTo("logs.us-east-1.amazonaws.com");
    assertThat(PolicyJson.actions(logs))
        .contains("kms:Encrypt*", "kms:Decrypt*", "kms:GenerateDataKey*", "kms:Describe*");
    String context = logs.at("/Condition/ArnLike/kms:EncryptionContext:aws:logs:arn").asString();
    assertThat(
            PolicyJson.matches(
                context,
                "arn:aws:logs:us-east-1:"
                    + ACCOUNT
                    + ":log-group:/aws/lambda/"
                    + prefix
                    + "-orders-handler"))
        .as("%s covers the systems' function log groups", context)
        .isTrue();
  }

  /** Per-route 4xx and 5xx (dimension Route) exist only with detailed metrics on the stage. */
  @Test
  void stageTheDashboardsReadPublishesPerRouteMetrics() {
    PlanJson.Resource stage =
        EmulatorPlans.dev().resource(PLATFORM + "api_gateway.aws_apigatewayv2_stage.default");
    assertThat(stage.at("default_route_settings", "0", "detailed_metrics_enabled").asBoolean(false))
        .isTrue();
    assertThat(stage.at("auto_deploy").asBoolean(false))
        .as("routes the worker adds are live without a deployment")
        .isTrue();
  }

  private static String prior(PlanJson plan, String address, String attribute) {
    String value = plan.priorValues(PLATFORM + address).path(attribute).asString("");
    assertThat(value).as("%s.%s applied before the plan", address, attribute).isNotBlank();
    return value;
  }
}
