package io.aiplatform.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.contracts.ResourceResult.Action;
import io.aiplatform.contracts.ResourceResult.AwsError;
import io.aiplatform.contracts.ResourceResult.ResourceKind;
import io.aiplatform.contracts.ResourceResult.Status;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class MessageJsonTests {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void provisioningJobSurvivesARoundTrip() {
    ProvisioningJob job = sampleJob();

    ProvisioningJob read = json.readValue(json.writeValueAsString(job), ProvisioningJob.class);

    assertThat(read).isEqualTo(job);
  }

  @Test
  void provisioningResultSurvivesARoundTrip() {
    ProvisioningResult result = sampleResult();

    ProvisioningResult read =
        json.readValue(json.writeValueAsString(result), ProvisioningResult.class);

    assertThat(read).isEqualTo(result);
  }

  @Test
  void anUpdateJobCarriesThePreviousConfigurationThroughARoundTrip() {
    ProvisioningJob job = sampleJob();
    SystemSpec before = new SystemSpec("inventory-optimizer", null, List.of(), List.of(), null);
    ProvisioningJob update =
        new ProvisioningJob(
            ProvisioningJob.SCHEMA_VERSION,
            job.jobId(),
            job.systemId(),
            ProvisioningJob.Kind.UPDATE,
            4,
            job.spec(),
            false,
            "admin@example.com",
            job.requestedAt(),
            before);

    ProvisioningJob read = json.readValue(json.writeValueAsString(update), ProvisioningJob.class);

    assertThat(read).isEqualTo(update);
    assertThat(read.previousSpec()).isEqualTo(before);
    assertThat(json.valueToTree(update).get("kind").asString()).isEqualTo("UPDATE");
  }

  @Test
  void aJobWithoutThePreviousConfigurationFieldReadsAsItDidBefore() {
    ObjectNode tree = json.valueToTree(sampleJob());
    tree.remove("previousSpec");

    assertThat(json.treeToValue(tree, ProvisioningJob.class).previousSpec()).isNull();
  }

  @Test
  void aVerifyJobCarriesItsRepairFlagThroughARoundTrip() {
    ProvisioningJob job = sampleJob();
    ProvisioningJob verify =
        new ProvisioningJob(
            ProvisioningJob.SCHEMA_VERSION,
            job.jobId(),
            job.systemId(),
            ProvisioningJob.Kind.VERIFY,
            3,
            job.spec(),
            false,
            "reconciler",
            job.requestedAt(),
            null,
            true);

    ObjectNode tree = json.valueToTree(verify);

    assertThat(tree.get("kind").asString()).isEqualTo("VERIFY");
    assertThat(tree.get("repair").asBoolean()).isTrue();
    assertThat(json.treeToValue(tree, ProvisioningJob.class)).isEqualTo(verify);
  }

  @Test
  void aJobWithoutTheRepairFieldReadsAsReportOnly() {
    ObjectNode tree = json.valueToTree(sampleJob());
    tree.remove("repair");

    assertThat(json.treeToValue(tree, ProvisioningJob.class).repair()).isFalse();
  }

  @Test
  void aVerifyResultCarriesTheDriftReportInCamelCase() {
    Instant at = Instant.parse("2026-11-22T10:20:00Z");
    DriftReport drift =
        new DriftReport(
            DriftReport.Status.DRIFTED,
            at,
            List.of(
                new DriftReport.ResourceDrift(
                    ResourceKind.S3_BUCKET,
                    "platform-demo-raw",
                    DriftReport.ResourceStatus.DRIFTED,
                    List.of(new DriftReport.Difference("versioning", "Enabled", "Suspended")),
                    List.of("notifications.eventBridge"),
                    false),
                new DriftReport.ResourceDrift(
                    ResourceKind.EVENTBRIDGE_RULE,
                    "platform-demo-raw-to-curated",
                    DriftReport.ResourceStatus.MISSING,
                    List.of(),
                    List.of(),
                    true)));
    ProvisioningResult sample = sampleResult();
    ProvisioningResult result =
        new ProvisioningResult(
            ProvisioningResult.SCHEMA_VERSION,
            sample.jobId(),
            sample.systemId(),
            ProvisioningJob.Kind.VERIFY,
            3,
            ProvisioningResult.Outcome.SUCCEEDED,
            List.of(),
            null,
            null,
            at,
            drift);

    ObjectNode tree = json.valueToTree(result);

    assertThat(json.treeToValue(tree, ProvisioningResult.class)).isEqualTo(result);
    assertThat(tree.at("/drift/status").asString()).isEqualTo("DRIFTED");
    assertThat(tree.at("/drift/checkedAt").isMissingNode()).isFalse();
    assertThat(tree.at("/drift/resources/0/differences/0/field").asString())
        .isEqualTo("versioning");
    assertThat(tree.at("/drift/resources/0/notCompared/0").asString())
        .isEqualTo("notifications.eventBridge");
    assertThat(tree.at("/drift/resources/1/status").asString()).isEqualTo("MISSING");
    assertThat(tree.at("/drift/resources/1/repaired").asBoolean()).isTrue();
  }

  @Test
  void aResultWithoutTheDriftFieldReadsAsItDidBefore() {
    ObjectNode tree = json.valueToTree(sampleResult());
    tree.remove("drift");

    assertThat(json.treeToValue(tree, ProvisioningResult.class).drift()).isNull();
  }

  @Test
  void infrastructureWrittenBeforeTheRuntimeFieldsReadsWithNoRoutes() {
    String old =
        """
        {"s3Buckets":{"raw":"r","curated":"c","prod":"p"},"glueDatabase":"db","glueCrawler":"cr",
         "dmsTask":null,"eventbridgeRules":["rule"]}
        """;

    Infrastructure read = json.readValue(old, Infrastructure.class);

    assertThat(read.lambdaFunction()).isNull();
    assertThat(read.apiRoutes()).isEmpty();
    assertThat(read.dashboard()).isNull();
  }

  @Test
  void anEndpointsRouteKeyIsMethodSpacePathAndIsNotWritten() {
    SystemSpec.Endpoint endpoint = new SystemSpec.Endpoint("/orders/{id}", "GET");

    assertThat(endpoint.routeKey()).isEqualTo("GET /orders/{id}");
    assertThat(json.valueToTree(endpoint).has("routeKey")).isFalse();
  }

  @Test
  void jobWrittenByANewerSchemaWithUnknownFieldsStillReads() {
    ProvisioningJob job = sampleJob();
    ObjectNode tree = json.valueToTree(job);
    tree.put("schemaVersion", 2);
    tree.put("priority", "high");
    ((ObjectNode) tree.get("spec")).putObject("networking").put("vpc", "vpc-1");

    ProvisioningJob read = json.treeToValue(tree, ProvisioningJob.class);

    assertThat(read.schemaVersion()).isEqualTo(2);
    assertThat(read.spec()).isEqualTo(job.spec());
    assertThat(read.jobId()).isEqualTo(job.jobId());
  }

  @Test
  void resultWrittenByANewerSchemaWithUnknownFieldsStillReads() {
    ProvisioningResult result = sampleResult();
    ObjectNode tree = json.valueToTree(result);
    tree.put("durationMillis", 1234);
    ((ObjectNode) tree.get("resources").get(0)).put("region", "eu-west-1");
    ((ObjectNode) tree.get("infrastructure")).put("athenaWorkgroup", "wg");

    ProvisioningResult read = json.treeToValue(tree, ProvisioningResult.class);

    assertThat(read).isEqualTo(result);
  }

  @Test
  void jobCarriesTheCurrentSchemaVersionAndCamelCaseFieldNames() {
    ObjectNode tree = json.valueToTree(sampleJob());

    assertThat(tree.get("schemaVersion").asInt()).isEqualTo(ProvisioningJob.SCHEMA_VERSION);
    assertThat(tree.get("kind").asString()).isEqualTo("PROVISION");
    assertThat(tree.get("spec").get("dataSources").get(0).asString()).isEqualTo("inventory");
  }

  @Test
  void missingListsReadAsEmpty() {
    String minimal =
        """
        {"schemaVersion":1,"jobId":"%s","systemId":"%s","kind":"PROVISION","generation":1,"deleteData":false,
         "spec":{"systemName":"customer-insights"}}
        """
            .formatted(UUID.randomUUID(), UUID.randomUUID());

    ProvisioningJob read = json.readValue(minimal, ProvisioningJob.class);

    assertThat(read.spec().dataSources()).isEmpty();
    assertThat(read.spec().endpoints()).isEmpty();
    assertThat(read.deleteData()).isFalse();
  }

  private static ProvisioningJob sampleJob() {
    SystemSpec spec =
        new SystemSpec(
            "inventory-optimizer",
            "AI system for inventory optimization",
            List.of("inventory", "orders"),
            List.of(new SystemSpec.Endpoint("/inventory-optimizer/optimize", "POST")),
            new SystemSpec.LambdaConfig(2048, 600, "python3.11"));
    return new ProvisioningJob(
        ProvisioningJob.SCHEMA_VERSION,
        UUID.randomUUID(),
        UUID.randomUUID(),
        ProvisioningJob.Kind.PROVISION,
        3,
        spec,
        false,
        "admin@example.com",
        Instant.parse("2026-11-22T10:15:30Z"));
  }

  private static ProvisioningResult sampleResult() {
    Instant at = Instant.parse("2026-11-22T10:15:35Z");
    return new ProvisioningResult(
        ProvisioningResult.SCHEMA_VERSION,
        UUID.randomUUID(),
        UUID.randomUUID(),
        ProvisioningJob.Kind.PROVISION,
        3,
        ProvisioningResult.Outcome.FAILED,
        List.of(
            new ResourceResult(
                ResourceKind.S3_BUCKET,
                "platform-inventory-optimizer-raw",
                "arn:aws:s3:::platform-inventory-optimizer-raw",
                Action.ROLLED_BACK,
                Status.SUCCEEDED,
                null,
                at),
            new ResourceResult(
                ResourceKind.GLUE_DATABASE,
                "platform_inventory_optimizer_db",
                null,
                Action.NONE,
                Status.FAILED,
                new AwsError("AccessDeniedException", "not authorized", "req-1"),
                at)),
        new Infrastructure(
            new Infrastructure.Buckets("raw", "curated", "prod"),
            "db",
            "crawler",
            null,
            List.of(),
            "handler",
            List.of("GET /orders", "ANY /orders/{proxy+}"),
            "dashboard"),
        "GLUE_DATABASE platform_inventory_optimizer_db: AccessDeniedException",
        at);
  }
}
