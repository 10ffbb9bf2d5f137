package io.aiplatform.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aiplatform.contracts.Infrastructure;
import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningResult;
import io.aiplatform.contracts.ResourceNames;
import io.aiplatform.contracts.ResourceResult;
import io.aiplatform.contracts.ResourceResult.Action;
import io.aiplatform.contracts.ResourceResult.ResourceKind;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.databasemigration.model.Filter;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import tools.jackson.databind.JsonNode;

class ProvisioningIntegrationTests extends WorkerIntegrationTest {

  @Test
  void provisionsEveryResourceWithItsSettingsAndTags() {
    ProvisioningJob job = provisionJob(List.of("orders", "customers"));
    ResourceNames names = names(job);

    send(job);
    ProvisioningResult result = awaitResults(job, 1).get(0);

    assertThat(result.outcome()).isEqualTo(ProvisioningResult.Outcome.SUCCEEDED);
    assertThat(result.errorSummary()).isNull();
    assertThat(result.resources())
        .extracting(ResourceResult::kind, ResourceResult::name, ResourceResult::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                ResourceKind.S3_BUCKET, names.raw(), Action.CREATED),
            org.assertj.core.groups.Tuple.tuple(
                ResourceKind.S3_BUCKET, names.curated(), Action.CREATED),
            org.assertj.core.groups.Tuple.tuple(
                ResourceKind.S3_BUCKET, names.prod(), Action.CREATED),
            org.assertj.core.groups.Tuple.tuple(
                ResourceKind.GLUE_DATABASE, names.glueDatabase(), Action.CREATED),
            org.assertj.core.groups.Tuple.tuple(
                ResourceKind.GLUE_CRAWLER, names.crawler(), Action.CREATED),
            org.assertj.core.groups.Tuple.tuple(
                ResourceKind.EVENTBRIDGE_RULE, names.rule(), Action.CREATED),
            org.assertj.core.groups.Tuple.tuple(
                ResourceKind.DMS_ENDPOINT, names.dmsEndpoint(), Action.CREATED),
            org.assertj.core.groups.Tuple.tuple(
                ResourceKind.DMS_REPLICATION_TASK, names.dmsTask(), Action.CREATED),
            org.assertj.core.groups.Tuple.tuple(
                ResourceKind.LOG_GROUP, names.logGroup(), Action.CREATED),
            org.assertj.core.groups.Tuple.tuple(
                ResourceKind.LAMBDA_FUNCTION, names.function(), Action.CREATED),
            org.assertj.core.groups.Tuple.tuple(
                ResourceKind.CLOUDWATCH_DASHBOARD, names.dashboard(), Action.CREATED),
            org.assertj.core.groups.Tuple.tuple(
                ResourceKind.CLOUDWATCH_ALARM, names.errorsAlarm(), Action.CREATED));
    assertThat(result.resources()).allSatisfy(r -> assertThat(r.arn()).startsWith("arn:aws:"));
    assertThat(result.infrastructure())
        .isEqualTo(
            new Infrastructure(
                new Infrastructure.Buckets(names.raw(), names.curated(), names.prod()),
                names.glueDatabase(),
                names.crawler(),
                names.dmsTask(),
                List.of(names.rule()),
                names.function(),
                List.of(),
                names.dashboard()));

    assertBucket(names.raw(), job, true);
    assertBucket(names.curated(), job, false);
    assertBucket(names.prod(), job, false);
    assertGlue(names, job);
    assertRule(names, job);
    assertReplication(names, job);
  }

  @Test
  void systemWithoutDataSourcesGetsNoReplicationAndMakesNoDmsCall() {
    ProvisioningJob job = provisionJob(List.of());

    send(job);
    ProvisioningResult result = awaitResults(job, 1).get(0);

    assertThat(result.outcome()).isEqualTo(ProvisioningResult.Outcome.SUCCEEDED);
    assertThat(result.resources()).hasSize(10);
    assertThat(result.infrastructure().dmsTask()).isNull();
    assertThat(faults.callsMentioning(job.spec().systemName()))
        .isNotEmpty()
        .noneMatch(call -> call.service().contains("Migration"));
  }

  private void assertBucket(String bucket, ProvisioningJob job, boolean raw) {
    assertThat(s3.getBucketVersioning(b -> b.bucket(bucket)).status())
        .isEqualTo(BucketVersioningStatus.ENABLED);
    ServerSideEncryptionByDefault encryption =
        s3.getBucketEncryption(b -> b.bucket(bucket))
            .serverSideEncryptionConfiguration()
            .rules()
            .get(0)
            .applyServerSideEncryptionByDefault();
    assertThat(encryption.sseAlgorithmAsString()).isEqualTo("aws:kms");
    assertThat(encryption.kmsMasterKeyID()).isEqualTo(ENV.kmsKeyArn());
    PublicAccessBlockConfiguration block =
        s3.getPublicAccessBlock(b -> b.bucket(bucket)).publicAccessBlockConfiguration();
    assertThat(
            List.of(
                block.blockPublicAcls(),
                block.ignorePublicAcls(),
                block.blockPublicPolicy(),
                block.restrictPublicBuckets()))
        .containsOnly(true);
    List<LifecycleRule> rules = s3.getBucketLifecycleConfiguration(b -> b.bucket(bucket)).rules();
    LifecycleRule expiry = rule(rules, "expire-noncurrent-versions");
    assertThat(expiry.noncurrentVersionExpiration().noncurrentDays()).isEqualTo(90);
    if (raw) {
      LifecycleRule transition = rule(rules, "transition-raw-objects");
      assertThat(transition.transitions().get(0).days()).isEqualTo(30);
      assertThat(transition.transitions().get(0).storageClassAsString()).isEqualTo("STANDARD_IA");
      assertObjectCreatedReachesTheRuleTarget(bucket);
    } else {
      assertThat(rules).hasSize(1);
    }
    Map<String, String> tags = new LinkedHashMap<>();
    s3.getBucketTagging(b -> b.bucket(bucket)).tagSet().forEach(t -> tags.put(t.key(), t.value()));
    assertOwnedBy(tags, job);
  }

  /**
   * moto keeps the bucket's EventBridge notification switch but does not return it from
   * GetBucketNotificationConfiguration, so this checks what it is for: a new raw object reaches the
   * rule's target through EventBridge.
   */
  private void assertObjectCreatedReachesTheRuleTarget(String bucket) {
    String key = "probe-" + hex(4) + ".json";
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("{}"));
    String targetUrl =
        sqs()
            .getQueueUrl(
                b -> b.queueName(ENV.targetArn().substring(ENV.targetArn().lastIndexOf(':') + 1)))
            .queueUrl();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                sqs()
                    .receiveMessage(
                        b -> b.queueUrl(targetUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()
                    .stream()
                    .anyMatch(m -> m.body().contains(bucket) && m.body().contains(key)));
  }

  private void assertGlue(ResourceNames names, ProvisioningJob job) {
    String database = glue.getDatabase(b -> b.name(names.glueDatabase())).database().name();
    assertThat(database).isEqualTo(names.glueDatabase());
    assertOwnedBy(
        glue.getTags(b -> b.resourceArn(arn(ResourceKind.GLUE_DATABASE, names, job))).tags(), job);
    Crawler crawler = glue.getCrawler(b -> b.name(names.crawler())).crawler();
    assertThat(crawler.role()).isEqualTo(CRAWLER_ROLE);
    assertThat(crawler.databaseName()).isEqualTo(names.glueDatabase());
    assertThat(crawler.schedule().scheduleExpression()).isEqualTo("cron(0 */6 * * ? *)");
    assertThat(crawler.targets().s3Targets())
        .singleElement()
        .satisfies(t -> assertThat(t.path()).isEqualTo("s3://" + names.curated() + "/"));
    assertOwnedBy(
        glue.getTags(b -> b.resourceArn(arn(ResourceKind.GLUE_CRAWLER, names, job))).tags(), job);
  }

  private void assertRule(ResourceNames names, ProvisioningJob job) {
    DescribeRuleResponse rule = events.describeRule(b -> b.name(names.rule()));
    JsonNode pattern = json.readTree(rule.eventPattern());
    assertThat(pattern.get("source").get(0).asString()).isEqualTo("aws.s3");
    assertThat(pattern.get("detail-type").get(0).asString()).isEqualTo("Object Created");
    assertThat(pattern.at("/detail/bucket/name/0").asString()).isEqualTo(names.raw());
    assertThat(events.listTargetsByRule(b -> b.rule(names.rule())).targets())
        .singleElement()
        .satisfies(t -> assertThat(t.arn()).isEqualTo(ENV.targetArn()));
    Map<String, String> tags = new LinkedHashMap<>();
    events
        .listTagsForResource(b -> b.resourceARN(rule.arn()))
        .tags()
        .forEach(t -> tags.put(t.key(), t.value()));
    assertOwnedBy(tags, job);
  }

  private void assertReplication(ResourceNames names, ProvisioningJob job) {
    Endpoint endpoint =
        dms.describeEndpoints(
                b ->
                    b.filters(
                        Filter.builder().name("endpoint-id").values(names.dmsEndpoint()).build()))
            .endpoints()
            .get(0);
    assertThat(endpoint.engineName()).isEqualTo("s3");
    assertThat(endpoint.s3Settings().bucketName()).isEqualTo(names.raw());
    assertThat(endpoint.s3Settings().serviceAccessRoleArn()).isEqualTo(DMS_ROLE);
    ReplicationTask task =
        dms.describeReplicationTasks(
                b ->
                    b.filters(
                        Filter.builder()
                            .name("replication-task-id")
                            .values(names.dmsTask())
                            .build()))
            .replicationTasks()
            .get(0);
    assertThat(task.migrationTypeAsString()).isEqualTo("full-load-and-cdc");
    assertThat(task.status()).isEqualTo("running");
    assertThat(task.sourceEndpointArn()).isEqualTo(SOURCE_ENDPOINT);
    assertThat(task.targetEndpointArn()).isEqualTo(endpoint.endpointArn());
    assertThat(task.replicationInstanceArn()).isEqualTo(REPLICATION_INSTANCE);
    JsonNode mappings = json.readTree(task.tableMappings()).get("rules");
    assertThat(
            mappings.valueStream().map(r -> r.get("object-locator").get("table-name").asString()))
        .containsExactlyInAnyOrder("orders", "customers");
    assertThat(mappings.valueStream())
        .allSatisfy(
            r -> {
              assertThat(r.get("rule-type").asString()).isEqualTo("selection");
              assertThat(r.get("rule-action").asString()).isEqualTo("include");
              assertThat(r.get("object-locator").get("schema-name").asString()).isEqualTo("sales");
            });
    for (String arn : List.of(endpoint.endpointArn(), task.replicationTaskArn())) {
      Map<String, String> tags = new LinkedHashMap<>();
      dms.listTagsForResource(b -> b.resourceArn(arn))
          .tagList()
          .forEach(t -> tags.put(t.key(), t.value()));
      assertOwnedBy(tags, job);
    }
  }

  private static String arn(ResourceKind kind, ResourceNames names, ProvisioningJob job) {
    String suffix =
        kind == ResourceKind.GLUE_DATABASE
            ? "database/" + names.glueDatabase()
            : "crawler/" + names.crawler();
    return "arn:aws:glue:us-east-1:123456789012:" + suffix;
  }

  private static LifecycleRule rule(List<LifecycleRule> rules, String id) {
    return rules.stream().filter(r -> id.equals(r.id())).findFirst().orElseThrow();
  }

  static void assertOwnedBy(Map<String, String> tags, ProvisioningJob job) {
    assertThat(tags)
        .containsEntry("platform:system-id", job.systemId().toString())
        .containsEntry("platform:system-name", job.spec().systemName())
        .containsEntry("platform:managed-by", "provisioner-worker");
  }
}
