package io.aiplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product as a user meets it: the three services as separate processes, driven through the REST
 * API and the event stream, with outcomes read back from the emulator.
 */
class EndToEndIntegrationTests {

  private static final Duration PROVISIONING = Duration.ofSeconds(90);
  private static final JsonMapper JSON = PlatformApi.JSON;

  private static RunningPlatform platform;
  private static PlatformApi api;
  private static S3Client s3;
  private static GlueClient glue;
  private static EventBridgeClient events;
  private static KinesisClient kinesis;

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = RunningPlatform.shared();
    api = new PlatformApi(platform);
    Emulator emulator = new Emulator(platform.initOutputs.get("PLATFORM_WORKER_API_ID"));
    s3 = emulator.s3;
    glue = emulator.glue;
    events = emulator.events;
    kinesis = emulator.kinesis;
  }

  @Test
  void aRegisteredSystemBecomesActiveWithEveryResource() throws Exception {
    String name = "forecast-" + UUID.randomUUID().toString().substring(0, 8);

    JsonNode system = api.awaitStatus(register(name), "active", PROVISIONING);

    String p = platform.prefix + "-" + name;
    JsonNode infrastructure = system.get("infrastructure");
    assertThat(infrastructure.get("s3_buckets").get("raw").asString()).isEqualTo(p + "-raw");
    for (String bucket : List.of(p + "-raw", p + "-curated", p + "-prod")) {
      s3.headBucket(b -> b.bucket(bucket));
    }
    String database = p.replace('-', '_') + "_db";
    assertThat(glue.getDatabase(b -> b.name(database)).database().name()).isEqualTo(database);
    assertThat(
            glue.getCrawler(b -> b.name(p + "-crawler")).crawler().schedule().scheduleExpression())
        .isEqualTo("cron(0 */6 * * ? *)");
    assertThat(events.describeRule(b -> b.name(p + "-raw-to-curated")).eventPattern())
        .contains(p + "-raw");
    assertThat(events.listTargetsByRule(b -> b.rule(p + "-raw-to-curated")).targets())
        .extracting(Target::arn)
        .containsExactly(platform.initOutputs.get("PLATFORM_WORKER_EVENTBRIDGE_TARGET_ARN"));
  }

  @Test
  void deletingWithDataRemovesEveryResource() throws Exception {
    String name = "insights-" + UUID.randomUUID().toString().substring(0, 8);
    String id = register(name);
    api.awaitStatus(id, "active", PROVISIONING);
    String p = platform.prefix + "-" + name;
    for (int version = 0; version < 3; version++) {
      s3.putObject(b -> b.bucket(p + "-raw").key("orders.csv"), RequestBody.fromString("v"));
    }

    HttpResponse<String> deletion =
        api.call("DELETE", "/admin/systems/" + id + "?delete_data=true", null);

    assertThat(deletion.statusCode()).isEqualTo(202);
    api.awaitStatus(id, "deleted", PROVISIONING);
    for (String bucket : List.of(p + "-raw", p + "-curated", p + "-prod")) {
      assertThatThrownBy(() -> s3.headBucket(b -> b.bucket(bucket)))
          .isInstanceOf(NoSuchBucketException.class);
    }
    assertThatThrownBy(() -> glue.getDatabase(b -> b.name(p.replace('-', '_') + "_db")))
        .isInstanceOf(EntityNotFoundException.class);
  }

  @Test
  void eventsAreEnrichedIntoS3AndAMalformedOneReachesTheErrorDestination() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> eventIds = IntStream.range(0, 25).mapToObj(i -> run + "-" + i).toList();
    for (int i = 0; i < eventIds.size(); i++) {
      String productId = i % 5 == 4 ? "PROD-404" : "PROD-00" + (i % 5 + 1);
      putEvent(
          """
          {"eventId":"%s","productId":"%s","quantity":%d,"timestamp":"2026-11-22T10:00:00Z"}"""
              .formatted(eventIds.get(i), productId, i + 1));
    }
    putEvent("not json " + run);

    Awaitility.await("enriched events in S3")
        .atMost(PROVISIONING)
        .until(() -> linesContaining("enriched/", run).size() == eventIds.size());
    List<JsonNode> enriched =
        linesContaining("enriched/", run).stream().map(JSON::readTree).toList();
    assertThat(enriched)
        .extracting(e -> e.get("eventId").asString())
        .containsExactlyInAnyOrderElementsOf(eventIds);
    assertThat(enriched)
        .filteredOn(e -> e.get("productId").asString().equals("PROD-001"))
        .allSatisfy(
            e -> {
              assertThat(e.get("enrichmentStatus").asString()).isEqualTo("enriched");
              assertThat(e.get("reference").get("productName").asString())
                  .isEqualTo("Wireless Headphones");
            });
    assertThat(enriched)
        .filteredOn(e -> e.get("productId").asString().equals("PROD-404"))
        .hasSize(5)
        .allSatisfy(
            e -> assertThat(e.get("enrichmentStatus").asString()).isEqualTo("reference_not_found"));
    Awaitility.await("malformed event in the error destination")
        .atMost(PROVISIONING)
        .until(() -> linesContaining("errors/", "not json " + run).size() == 1);
  }

  private static String register(String name) throws Exception {
    return api.register(name, List.of("orders", "customers"));
  }

  private static void putEvent(String payload) {
    kinesis.putRecord(
        b ->
            b.streamName(platform.stream())
                .partitionKey(UUID.randomUUID().toString())
                .data(SdkBytes.fromUtf8String(payload)));
  }

  private static List<String> linesContaining(String prefix, String marker) {
    List<String> lines = new ArrayList<>();
    s3.listObjectsV2Paginator(b -> b.bucket(platform.deliveryBucket()).prefix(prefix))
        .contents()
        .forEach(
            object ->
                s3.getObjectAsBytes(b -> b.bucket(platform.deliveryBucket()).key(object.key()))
                    .asUtf8String()
                    .lines()
                    .filter(line -> line.contains(marker))
                    .forEach(lines::add));
    return lines;
  }
}
