package io.aiplatform.enrichment.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.enrichment.Emulator;
import io.aiplatform.enrichment.EnrichmentProperties;
import io.aiplatform.enrichment.delivery.FirehoseBatches;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventEnricherTests {

  static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  static final String TABLE = "reference-" + UUID.randomUUID();
  static final JsonMapper JSON = JsonMapper.builder().build();
  static DynamoDbClient dynamo;

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final EventEnricher enricher =
      new EventEnricher(
          new ReferenceData(
              dynamo,
              TABLE,
              new EnrichmentProperties.Cache(100, Duration.ofMinutes(5), Duration.ofSeconds(30)),
              new EnrichmentProperties.Retry(Duration.ofMillis(10), Duration.ofMillis(50), 3, 10),
              registry),
          "reference",
          Clock.fixed(NOW, ZoneOffset.UTC),
          registry);

  @BeforeAll
  static void referenceTable() {
    dynamo = Emulator.configure(DynamoDbClient.builder()).build();
    Emulator.createReferenceTable(dynamo, TABLE);
    Emulator.putProducts(dynamo, TABLE, List.of("PROD-001"));
  }

  @AfterAll
  static void close() {
    dynamo.close();
  }

  @Test
  void aKnownProductKeepsEveryInputFieldAndGainsItsReferenceAttributes() {
    String event =
        """
        {"eventId":"test-001","productId":"PROD-001","quantity":5,"unitPrice":1.10,\
        "timestamp":"2026-01-02T03:00:00Z","tags":["a"],"nested":{"x":null}}""";

    EnrichedBatch batch = enricher.enrich(List.of(record(event)));

    assertThat(batch.errors()).isEmpty();
    assertThat(batch.lines()).hasSize(1);
    String line = new String(batch.lines().get(0), StandardCharsets.UTF_8);
    assertThat(line).endsWith("}\n").doesNotContain("\n{");
    assertThat(line).contains("\"unitPrice\":1.10").contains("\"price\":99.90");
    JsonNode out = JSON.readTree(line);
    JsonNode in = JSON.readTree(event);
    in.properties().forEach(f -> assertThat(out.get(f.getKey())).isEqualTo(f.getValue()));
    assertThat(out.get("reference").get("productName").asString()).isEqualTo("Name of PROD-001");
    assertThat(out.get("reference").get("category").asString()).isEqualTo("Electronics");
    assertThat(out.get("reference").has("productId")).isFalse();
    assertThat(out.get("enrichmentStatus").asString()).isEqualTo("enriched");
    assertThat(out.get("enrichedAt").asString()).isEqualTo(NOW.toString());
  }

  @Test
  void anUnknownProductIsDeliveredAsReferenceNotFound() {
    EnrichedBatch batch =
        enricher.enrich(List.of(record("{\"eventId\":\"e\",\"productId\":\"PROD-404\"}")));

    assertThat(batch.errors()).isEmpty();
    JsonNode out = JSON.readTree(batch.lines().get(0));
    assertThat(out.get("enrichmentStatus").asString()).isEqualTo("reference_not_found");
    assertThat(out.get("reference").isNull()).isTrue();
    assertThat(out.get("productId").asString()).isEqualTo("PROD-404");
  }

  @Test
  void eventsThatCannotBeEnrichedBecomeErrorRecordsWithReasonPayloadAndPosition() {
    List<String> payloads =
        List.of(
            "{not json",
            "[1,2]",
            "{\"eventId\":\"e\"}",
            "{\"productId\":\"  \"}",
            "{\"productId\":42}",
            "{\"productId\":\"" + "x".repeat(2049) + "\"}");

    EnrichedBatch batch = enricher.enrich(payloads.stream().map(this::record).toList());

    assertThat(batch.lines()).isEmpty();
    List<JsonNode> errors = batch.errors().stream().map(JSON::readTree).toList();
    assertThat(errors)
        .extracting(e -> e.get("reason").asString())
        .containsExactly(
            "invalid_json",
            "invalid_json",
            "missing_product_id",
            "missing_product_id",
            "invalid_product_id",
            "invalid_product_id");
    assertThat(errors)
        .extracting(e -> e.get("payload").asString())
        .containsExactlyElementsOf(payloads);
    assertThat(errors.get(0).get("shardId").asString()).isEqualTo("shardId-000000000001");
    assertThat(errors.get(0).get("sequenceNumber").asString()).isEqualTo("4711");
    assertThat(errors.get(0).get("failedAt").asString()).isEqualTo(NOW.toString());
    assertThat(registry.counter("enrichment.events.errors", "reason", "invalid_json").count())
        .isEqualTo(2);
  }

  @Test
  void aPayloadThatIsNotUtf8IsKeptAsBase64() {
    byte[] binary = {(byte) 0xff, (byte) 0xfe, 0x00, 0x7b};

    EnrichedBatch batch = enricher.enrich(List.of(record(binary)));

    JsonNode error = JSON.readTree(batch.errors().get(0));
    assertThat(error.get("reason").asString()).isEqualTo("invalid_json");
    assertThat(error.get("payloadEncoding").asString()).isEqualTo("base64");
    assertThat(Base64.getDecoder().decode(error.get("payload").asString())).isEqualTo(binary);
  }

  @Test
  void anEventTooLargeForFirehoseGoesToTheErrorDestinationInPartsThatRebuildIt() throws Exception {
    String event =
        "{\"productId\":\"PROD-001\",\"blob\":\""
            + "y".repeat(FirehoseBatches.MAX_RECORD_BYTES)
            + "\"}";

    EnrichedBatch batch = enricher.enrich(List.of(record(event)));

    assertThat(batch.lines()).isEmpty();
    assertThat(batch.errors()).hasSizeGreaterThan(1);
    ByteArrayOutputStream rebuilt = new ByteArrayOutputStream();
    for (byte[] line : batch.errors()) {
      assertThat(line.length).isLessThanOrEqualTo(FirehoseBatches.MAX_RECORD_BYTES);
      JsonNode part = JSON.readTree(line);
      assertThat(part.get("reason").asString()).isEqualTo("record_too_large");
      assertThat(part.get("parts").asInt()).isEqualTo(batch.errors().size());
      rebuilt.write(Base64.getDecoder().decode(part.get("payload").asString()));
    }
    assertThat(rebuilt.toString(StandardCharsets.UTF_8)).isEqualTo(event);
  }

  @Test
  void countsEveryEventByWhatBecameOfIt() {
    enricher.enrich(
        List.of(
            record("{\"productId\":\"PROD-001\"}"),
            record("{\"productId\":\"PROD-001\"}"),
            record("{\"productId\":\"PROD-404\"}"),
            record("nope")));

    assertThat(registry.counter("enrichment.events.received").count()).isEqualTo(4);
    assertThat(registry.counter("enrichment.events.enriched", "status", "enriched").count())
        .isEqualTo(2);
    assertThat(
            registry.counter("enrichment.events.enriched", "status", "reference_not_found").count())
        .isEqualTo(1);
    assertThat(registry.counter("enrichment.events.errors", "reason", "invalid_json").count())
        .isEqualTo(1);
  }

  private SourceRecord record(String payload) {
    return record(payload.getBytes(StandardCharsets.UTF_8));
  }

  private SourceRecord record(byte[] payload) {
    return new SourceRecord("shardId-000000000001", "4711", "pk", NOW, payload);
  }
}
