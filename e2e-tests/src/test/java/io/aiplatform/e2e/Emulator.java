package io.aiplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aiplatform.contracts.ResourceNames;
import io.aiplatform.testsupport.BackingServices;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.Integration;
import software.amazon.awssdk.services.apigatewayv2.model.Route;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.Tag;
import tools.jackson.databind.JsonNode;

/**
 * The emulator read directly, outside the services: what exists, how often, with which tags. DMS is
 * read through its JSON protocol by hand, because moto answers dates the SDK cannot read.
 */
final class Emulator {

  static final String SYSTEM_ID = "platform:system-id";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final S3Client s3 = aws(S3Client.builder().forcePathStyle(true));
  final GlueClient glue = aws(GlueClient.builder());
  final EventBridgeClient events = aws(EventBridgeClient.builder());
  final KinesisClient kinesis = aws(KinesisClient.builder());
  private final String apiId;
  final LambdaClient lambda = aws(LambdaClient.builder());
  final ApiGatewayV2Client api = aws(ApiGatewayV2Client.builder());
  final CloudWatchClient cloudWatch = aws(CloudWatchClient.builder());

  /** Asserts that each of the system's resources exists exactly once, tagged as the system's. */
  void assertOwnedOnce(ResourceNames names, String systemId, boolean replicates) throws Exception {
    for (String bucket : names.buckets()) {
      assertThat(bucketTags(bucket)).as(bucket).containsEntry(SYSTEM_ID, systemId);
    }
    String account = glue.getDatabase(b -> b.name(names.glueDatabase())).database().catalogId();
    String glueArn = "arn:aws:glue:" + BackingServices.REGION + ":" + account + ":";
    assertThat(
            glue.getTags(b -> b.resourceArn(glueArn + "database/" + names.glueDatabase())).tags())
        .as(names.glueDatabase())
        .containsEntry(SYSTEM_ID, systemId);
    assertThat(glue.getTags(b -> b.resourceArn(glueArn + "crawler/" + names.crawler())).tags())
        .as(names.crawler())
        .containsEntry(SYSTEM_ID, systemId);
    String ruleArn = events.describeRule(b -> b.name(names.rule())).arn();
    assertThat(events.listTagsForResource(b -> b.resourceARN(ruleArn)).tags())
        .as(names.rule())
        .anySatisfy(
            t -> assertThat(t.key() + "=" + t.value()).isEqualTo(SYSTEM_ID + "=" + systemId));
    assertRuntimeOnce(names, systemId);
    if (replicates) {
      assertDmsOnce(
          "DescribeEndpoints",
          "endpoint-id",
          names.dmsEndpoint(),
          "Endpoints",
          "EndpointArn",
          systemId);
      assertDmsOnce(
          "DescribeReplicationTasks",
          "replication-task-id",
          names.dmsTask(),
          "ReplicationTasks",
          "ReplicationTaskArn",
          systemId);
    }
  }

  /**
   * The function tagged as the system's; exactly one integration invoking it, each of the system's
   * routes once and targeting it, one invoke permission; the dashboard naming the system; the
   * alarms tagged.
   */
  private void assertRuntimeOnce(ResourceNames names, String systemId) {
    var function = lambda.getFunction(b -> b.functionName(names.function()));
    assertThat(function.tags()).as(names.function()).containsEntry(SYSTEM_ID, systemId);
    String functionArn = function.configuration().functionArn();
    String apiId = apiId();
    List<Integration> integrations =
        api.getIntegrations(b -> b.apiId(apiId)).items().stream()
            .filter(i -> functionArn.equals(i.integrationUri()))
            .toList();
    assertThat(integrations).as("integrations of " + names.function()).hasSize(1);
    String target = "integrations/" + integrations.get(0).integrationId();
    List<Route> routes =
        api.getRoutes(b -> b.apiId(apiId)).items().stream()
            .filter(r -> r.routeKey().contains(" /" + names.dashboard() + "/"))
            .toList();
    assertThat(routes).extracting(Route::routeKey).doesNotHaveDuplicates().hasSize(2);
    assertThat(routes).allSatisfy(r -> assertThat(r.target()).isEqualTo(target));
    String policy = lambda.getPolicy(b -> b.functionName(names.function())).policy();
    assertThat(policy.split("platform-api-invoke", -1)).as(policy).hasSize(2);
    String body = cloudWatch.getDashboard(b -> b.dashboardName(names.dashboard())).dashboardBody();
    assertThat(body).contains(SYSTEM_ID + "=" + systemId);
    for (String alarm : List.of(names.errorsAlarm(), names.serverErrorsAlarm())) {
      String arn =
          cloudWatch.describeAlarms(b -> b.alarmNames(alarm)).metricAlarms().get(0).alarmArn();
      assertThat(cloudWatch.listTagsForResource(b -> b.resourceARN(arn)).tags())
          .as(alarm)
          .anySatisfy(
              t -> assertThat(t.key() + "=" + t.value()).isEqualTo(SYSTEM_ID + "=" + systemId));
    }
  }

  /** The platform HTTP API local/init.py made for this run. */
  private String apiId() {
    return apiId;
  }

  Emulator(String apiId) {
    this.apiId = apiId;
  }

  /** Asserts that none of the system's buckets exists. */
  void assertBucketsGone(ResourceNames names) {
    for (String bucket : names.buckets()) {
      assertThatThrownBy(() -> s3.headBucket(b -> b.bucket(bucket)))
          .as(bucket)
          .isInstanceOf(NoSuchBucketException.class);
    }
  }

  Map<String, String> bucketTags(String bucket) {
    Map<String, String> tags = new LinkedHashMap<>();
    try {
      for (Tag tag : s3.getBucketTagging(b -> b.bucket(bucket)).tagSet()) {
        tags.put(tag.key(), tag.value());
      }
    } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
      if (!"NoSuchTagSet".equals(e.awsErrorDetails().errorCode())) {
        throw e;
      }
    }
    return tags;
  }

  private void assertDmsOnce(
      String operation, String filter, String id, String list, String arnField, String systemId)
      throws Exception {
    JsonNode found =
        dms(
                operation,
                "{\"Filters\":[{\"Name\":\"%s\",\"Values\":[\"%s\"]}]}".formatted(filter, id))
            .path(list);
    assertThat(found.size()).as(id + " exists once").isEqualTo(1);
    String arn = found.get(0).get(arnField).asString();
    JsonNode tags = dms("ListTagsForResource", "{\"ResourceArn\":\"" + arn + "\"}").path("TagList");
    assertThat(tags.toString()).as(id).contains(systemId);
  }

  private static JsonNode dms(String operation, String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(BackingServices.awsEndpoint() + "/"))
            .header("X-Amz-Target", "AmazonDMSv20160101." + operation)
            .header("Content-Type", "application/x-amz-json-1.1")
            // moto routes by the signing scope only; the signature is not checked.
            .header(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dms/aws4_request,"
                    + " SignedHeaders=host, Signature=0")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 400 && response.body().contains("ResourceNotFound")) {
      return PlatformApi.JSON.readTree("{}");
    }
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return PlatformApi.JSON.readTree(response.body());
  }

  static <B extends AwsClientBuilder<B, C>, C> C aws(B builder) {
    return builder
        .endpointOverride(URI.create(BackingServices.awsEndpoint()))
        .region(Region.of(BackingServices.REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    BackingServices.EMULATOR_CREDENTIAL, BackingServices.EMULATOR_CREDENTIAL)))
        .build();
  }
}
