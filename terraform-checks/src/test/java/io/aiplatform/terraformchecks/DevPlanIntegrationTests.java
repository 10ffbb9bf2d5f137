package io.aiplatform.terraformchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the dev root's plan against the emulator says that reading the HCL cannot: the values
 * Terraform computes (the services' environment, the gateway's scopes and CORS, bucket and database
 * settings), and the links between resources that only evaluation resolves (which DLQ a queue
 * redrives to, which bucket a configuration belongs to). Blue/green, DMS and the metric alarms:
 * {@link BlueGreenPlanIntegrationTests}.
 */
class DevPlanIntegrationTests {

  private static final String GATEWAY = "module.platform.module.api_gateway.";

  @Test
  void apiTaskCarriesTheCognitoClientIdsAndTheScopesTheGatewayChecks() {
    PlanJson plan = EmulatorPlans.dev();
    JsonNode api = plan.output("service_environment").path("platform-api");
    String adminUi =
        plan.priorValues(GATEWAY + "aws_cognito_user_pool_client.admin_ui").path("id").asString();
    String machine =
        plan.priorValues(GATEWAY + "aws_cognito_user_pool_client.machine").path("id").asString();

    assertThat(adminUi).isNotBlank();
    assertThat(api.path("PLATFORM_API_SECURITY_ALLOWED_CLIENT_IDS").asString().split(","))
        .containsExactlyInAnyOrder(adminUi, machine);
    assertThat(api.path("PLATFORM_API_SECURITY_READ_SCOPE").asString())
        .isEqualTo("platform-api/systems.read");
    assertThat(api.path("PLATFORM_API_SECURITY_WRITE_SCOPE").asString())
        .isEqualTo("platform-api/systems.write");
    assertThat(api.path("PLATFORM_API_SECURITY_ISSUER").asString())
        .startsWith("https://cognito-idp.us-east-1.amazonaws.com/");
  }

  /**
   * The registration pre-checks are on, look for routes on the API the worker puts them on, and
   * know the DMS source exactly when DMS is set.
   */
  @Test
  void apiTaskChecksRegistrationsAgainstAws() {
    PlanJson plan = EmulatorPlans.dev();
    JsonNode api = plan.output("service_environment").path("platform-api");
    JsonNode worker = plan.output("service_environment").path("provisioner-worker");

    assertThat(api.path("PLATFORM_API_PRECHECKS_ENABLED").asString()).isEqualTo("true");
    assertThat(api.path("PLATFORM_API_PRECHECKS_DMS_SOURCE_ENDPOINT_ARN").asString(""))
        .isEqualTo(worker.path("PLATFORM_WORKER_DMS_SOURCE_ENDPOINT_ARN").asString(""));
    assertThat(api.path("PLATFORM_API_PRECHECKS_API_ID").asString(""))
        .isNotEmpty()
        .isEqualTo(worker.path("PLATFORM_WORKER_API_ID").asString(""));
    assertThat(api.path("PLATFORM_API_PRECHECKS_DMS_SOURCE_SCHEMA").asString(""))
        .isNotEmpty()
        .isEqualTo(worker.path("PLATFORM_WORKER_DMS_SOURCE_SCHEMA").asString(""));
  }

  /**
   * The data_sources pre-check reads the source's tables as the source endpoint's user: the API may
   * read exactly that endpoint's secret, and reach the source's network on its port only.
   */
  @Test
  void apiTaskMayReadTheDmsSourceSecretAndReachTheSourceDatabase() {
    PlanJson plan = EmulatorPlans.dev();
    String endpointSecret =
        plan.resource("module.platform.module.dms[0].aws_dms_endpoint.source")
            .at("secrets_manager_arn")
            .asString();
    Map<String, JsonNode> statements =
        PolicyJson.statements(
            plan.resource("module.platform.module.iam.aws_iam_role_policy.api_dms_source[0]")
                .at("policy")
                .asString());
    PlanJson.Resource egress =
        plan.resource(
            "module.platform.module.ecs.aws_vpc_security_group_egress_rule.api_to_dms_source[0]");

    JsonNode read = statements.get("PrecheckDmsSourceCredentials");
    assertThat(statements).containsOnlyKeys("PrecheckDmsSourceCredentials");
    assertThat(PolicyJson.actions(read)).containsExactly("secretsmanager:GetSecretValue");
    assertThat(PolicyJson.resources(read)).containsExactly(endpointSecret);
    assertThat(egress.at("cidr_ipv4").asString()).isEqualTo("10.0.0.0/8");
    assertThat(egress.at("from_port").asInt()).isEqualTo(5432);
    assertThat(egress.at("to_port").asInt()).isEqualTo(5432);
  }

  /** As platform-api decides: a GET needs the read scope, a write needs the write scope. */
  @Test
  void gatewayRoutesRequireTheScopeTheApplicationRequires() {
    PlanJson plan = EmulatorPlans.dev();
    assertThat(routeScopes(plan, "GET /admin/{proxy+}"))
        .containsExactly("platform-api/systems.read");
    assertThat(routeScopes(plan, "POST /admin/{proxy+}"))
        .containsExactly("platform-api/systems.write");
    assertThat(routeScopes(plan, "DELETE /admin/{proxy+}"))
        .containsExactly("platform-api/systems.write");
  }

  /** API Gateway's CORS replaces the backend's: it must expose and allow what the app does. */
  @Test
  void gatewayCorsExposesLocationAndRequestIdAndAllowsTheRequestId() {
    PlanJson.Resource api = EmulatorPlans.dev().resource(GATEWAY + "aws_apigatewayv2_api.this");
    assertThat(PlanJson.strings(api.at("cors_configuration", "0", "expose_headers")))
        .containsExactlyInAnyOrder("location", "x-request-id");
    assertThat(PlanJson.strings(api.at("cors_configuration", "0", "allow_headers")))
        .containsExactlyInAnyOrder(
            "authorization", "content-type", "idempotency-key", "x-request-id");
    assertThat(PlanJson.strings(api.at("cors_configuration", "0", "allow_origins")))
        .containsExactlyInAnyOrder("https://admin.dev.example.com", "http://localhost:5173");
  }

  @Test
  void everyBucketIsEncryptedWithKmsVersionedAndBlocksPublicAccess() {
    for (PlanJson plan : List.of(EmulatorPlans.dev(), EmulatorPlans.bootstrap())) {
      List<PlanJson.Resource> buckets = plan.ofType("aws_s3_bucket");
      assertThat(buckets).isNotEmpty();
      for (PlanJson.Resource bucket : buckets) {
        PlanJson.Resource sse =
            attached(plan, bucket, "aws_s3_bucket_server_side_encryption_configuration");
        assertThat(
                sse.at("rule", "0", "apply_server_side_encryption_by_default", "0", "sse_algorithm")
                    .asString())
            .as("%s encryption", bucket.address())
            .isEqualTo("aws:kms");
        assertThat(
                sse.set(
                    "rule",
                    "0",
                    "apply_server_side_encryption_by_default",
                    "0",
                    "kms_master_key_id"))
            .as("%s KMS key", bucket.address())
            .isTrue();
        PlanJson.Resource block = attached(plan, bucket, "aws_s3_bucket_public_access_block");
        for (String setting :
            List.of(
                "block_public_acls",
                "block_public_policy",
                "ignore_public_acls",
                "restrict_public_buckets")) {
          assertThat(block.at(setting).asBoolean(false))
              .as("%s %s", bucket.address(), setting)
              .isTrue();
        }
        assertThat(attached(plan, bucket, "aws_s3_bucket_policy").address()).isNotBlank();
        PlanJson.Resource versioning = attached(plan, bucket, "aws_s3_bucket_versioning");
        assertThat(versioning.at("versioning_configuration", "0", "status").asString())
            .isEqualTo("Enabled");
      }
    }
  }

  @Test
  void eachQueueRedrivesToItsOwnDeadLetterQueueOfTheSameKind() {
    PlanJson plan = EmulatorPlans.dev();
    String messaging = "module.platform.module.messaging.aws_sqs_queue.";
    for (String queue : List.of("jobs", "results", "raw_to_curated")) {
      PlanJson.Resource source = plan.resource(messaging + queue);
      PlanJson.Resource dlq = plan.resource(messaging + queue + "_dlq");
      assertThat(plan.references(source, "redrive_policy"))
          .as("%s redrive policy", queue)
          .contains("aws_sqs_queue." + queue + "_dlq.arn")
          .noneMatch(
              ref ->
                  ref.startsWith("aws_sqs_queue.")
                      && !ref.startsWith("aws_sqs_queue." + queue + "_dlq"));
      assertThat(dlq.at("fifo_queue").asBoolean(false))
          .isEqualTo(source.at("fifo_queue").asBoolean(false));
      assertThat(dlq.at("message_retention_seconds").asInt()).isEqualTo(1209600);
    }
  }

  @Test
  void theApplicationConnectsAsItsOwnRoleWithIamTokensAndMigratesAsTheOwner() {
    PlanJson plan = EmulatorPlans.dev();
    JsonNode api = plan.output("service_environment").path("platform-api");
    assertThat(api.path("SPRING_DATASOURCE_USERNAME").asString()).isEqualTo("platform_app");
    assertThat(api.path("SPRING_FLYWAY_USER").asString()).isEqualTo("platform");
    assertThat(api.path("SPRING_DATASOURCE_DRIVER_CLASS_NAME").asString())
        .isEqualTo("software.amazon.jdbc.Driver");
    assertThat(names(api)).noneMatch(name -> name.contains("PASSWORD"));
    PlanJson.Resource db = plan.resource("module.platform.module.database.aws_db_instance.this");
    assertThat(db.at("iam_database_authentication_enabled").asBoolean(false)).isTrue();
    assertThat(db.at("manage_master_user_password").asBoolean(false)).isTrue();
    assertThat(db.at("publicly_accessible").asBoolean(true)).isFalse();
    assertThat(db.at("storage_encrypted").asBoolean(false)).isTrue();
    assertThat(db.set("kms_key_id")).isTrue();
  }

  private static List<String> routeScopes(PlanJson plan, String routeKey) {
    return plan.ofType("aws_apigatewayv2_route").stream()
        .filter(r -> r.at("route_key").asString().equals(routeKey))
        .findFirst()
        .map(r -> PlanJson.strings(r.at("authorization_scopes")))
        .orElseThrow(() -> new AssertionError("no route " + routeKey));
  }

  private static PlanJson.Resource attached(PlanJson plan, PlanJson.Resource bucket, String type) {
    String ref = "aws_s3_bucket." + bucket.name();
    return plan.ofType(type).stream()
        .filter(r -> r.module().equals(bucket.module()))
        .filter(r -> plan.references(r, "bucket").contains(ref))
        .findFirst()
        .orElseThrow(() -> new AssertionError(bucket.address() + " has no " + type));
  }

  private static List<String> names(JsonNode object) {
    return Arrays.asList(object.propertyNames().toArray(String[]::new));
  }
}
