package io.aiplatform.enrichment;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aiplatform.testsupport.BackingServices;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application consuming a two-shard stream in the emulator. Tests share the stream and
 * destinations and tell their events apart by {@code eventId} prefix.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EnrichmentConsumerIntegrationTests {

  static final List<String> PRODUCTS =
      IntStream.rangeClosed(1, 20).mapToObj(i -> "PROD-%03d".formatted(i)).toList();
  static final StreamFixture fixture = StreamFixture.create(2, PRODUCTS);
  static final StreamFixture.Destinations destinations = fixture.newDestinations();
  static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    BackingServices.registerAws(registry);
    // The default max-buffer-time (5 s): the whole application runs the default delivery path.
    FastKcl.withDefaultMaxBufferTime().forEach((name, value) -> registry.add(name, () -> value));
    fixture.settings(destinations).forEach((name, value) -> registry.add(name, () -> value));
  }

  @Autowired MeterRegistry meters;

  @Autowired
  @Qualifier("consumerLifecycle")
  Lifecycle blue;

  @LocalServerPort int port;

  @Test
  void aMixedStreamLandsEnrichedOncePerValidEventAndEveryBadEventWithItsReason() {
    List<byte[]> payloads = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      payloads.add(event("known-" + i, PRODUCTS.get(i % PRODUCTS.size())));
    }
    for (int i = 0; i < 30; i++) {
      payloads.add(event("unknown-" + i, "PROD-UNKNOWN-" + i));
    }
    for (int i = 0; i < 5; i++) {
      payloads.add(utf8("{\"eventId\":\"broken-" + i + "\","));
      payloads.add(utf8("{\"eventId\":\"anonymous-" + i + "\",\"quantity\":1}"));
    }
    // Fits a Kinesis record (1 MiB) but not, once enriched, a Firehose record (1,000 KiB).
    String big = "{\"eventId\":\"big\",\"productId\":\"PROD-001\",\"blob\":\"%s\"}";
    payloads.add(utf8(big.formatted("z".repeat(1_030_000))));

    double received = meters.counter("enrichment.events.received").count();
    double invalid = meters.counter("enrichment.events.errors", "reason", "invalid_json").count();
    double enriched = meters.counter("enrichment.events.enriched", "status", "enriched").count();
    fixture.put(payloads);

    await()
        .atMost(StreamFixture.deliveryTimeout())
        .pollInterval(Duration.ofMillis(500))
        .until(() -> delivered("known-", "unknown-").size() >= 230 && errorEvents() >= 11);
    List<JsonNode> delivered = delivered("known-", "unknown-");
    List<JsonNode> errors = fixture.errors(destinations).stream().map(JSON::readTree).toList();

    assertThat(delivered).hasSize(230);
    assertThat(delivered).extracting(e -> e.get("eventId").asString()).doesNotHaveDuplicates();
    for (JsonNode event : delivered) {
      String productId = event.get("productId").asString();
      if (event.get("eventId").asString().startsWith("known-")) {
        assertThat(event.get("enrichmentStatus").asString()).isEqualTo("enriched");
        assertThat(event.get("reference").get("productName").asString())
            .isEqualTo("Name of " + productId);
        assertThat(event.get("reference").get("price").decimalValue())
            .isEqualByComparingTo("99.90");
      } else {
        assertThat(event.get("enrichmentStatus").asString()).isEqualTo("reference_not_found");
      }
      assertThat(event.get("quantity").asInt()).isEqualTo(3);
      assertThat(event.get("enrichedAt").asString()).isNotBlank();
    }
    Map<String, Long> errorsByReason =
        errors.stream()
            .filter(e -> !e.has("part") || e.get("part").asInt() == 1)
            .collect(groupingBy(e -> e.get("reason").asString(), counting()));
    assertThat(errorsByReason)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("invalid_json", 5L, "missing_product_id", 5L, "record_too_large", 1L));
    assertThat(errors)
        .allSatisfy(e -> assertThat(e.get("shardId").asString()).startsWith("shardId-"));
    assertThat(delivered.size() + errorEvents()).isEqualTo(payloads.size());
    assertThat(meters.counter("enrichment.events.received").count() - received)
        .isEqualTo(payloads.size());
    assertThat(
            meters.counter("enrichment.events.errors", "reason", "invalid_json").count() - invalid)
        .isEqualTo(5);
    assertThat(
            meters.counter("enrichment.events.enriched", "status", "enriched").count() - enriched)
        .isEqualTo(200);
    assertThat(meters.counter("enrichment.dynamodb.calls").count()).isPositive();
    assertThat(meters.get("cache.gets").tag("result", "miss").functionCounter().count())
        .isPositive();
    assertThat(
            meters
                .counter("enrichment.firehose.calls", "stream", destinations.deliveryStream())
                .count())
        .isPositive();
    assertThat(meters.find("enrichment.millis.behind.latest").gauges()).isNotEmpty();
    assertThat(meters.find("enrichment.delivery.buffered.records").gauges()).isNotEmpty();
  }

  @Test
  void aBlueGreenDeployHandsTheShardsToTheNewTaskWithoutLossOrDuplicates() {
    fixture.put(events("bg-", 0, 500));
    await().atMost(StreamFixture.deliveryTimeout()).until(() -> delivered("bg-").size() >= 100);

    // Green starts beside blue, then blue gets what SIGTERM gives it: its lifecycle is stopped.
    try (ConfigurableApplicationContext green =
        new SpringApplicationBuilder(EnrichmentConsumerApplication.class).run(greenArguments())) {
      fixture.put(events("bg-", 500, 1000));
      blue.stop();
      fixture.put(events("bg-", 1000, 1500));

      await().atMost(StreamFixture.deliveryTimeout()).until(() -> delivered("bg-").size() >= 1500);
      assertThat(delivered("bg-"))
          .extracting(e -> e.get("eventId").asString())
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(
              IntStream.range(0, 1500).mapToObj(i -> "bg-" + i).toList());
      assertThat(green.getBean(MeterRegistry.class).counter("enrichment.events.received").count())
          .as("events the green task read")
          .isPositive();
    } finally {
      blue.start();
    }
  }

  @Test
  void prometheusExposesTheConsumerMetrics() {
    String scrape =
        RestClient.create("http://localhost:" + port)
            .get()
            .uri("/actuator/prometheus")
            .retrieve()
            .body(String.class);

    assertThat(scrape)
        .contains("enrichment_events_received_total")
        .contains("enrichment_dynamodb_calls_total")
        .contains("cache=\"enrichment.reference\"");
  }

  @Test
  void readinessReportsTheDeliveryHealth() {
    String body =
        RestClient.create("http://localhost:" + port)
            .get()
            .uri("/actuator/health/readiness")
            .retrieve()
            .body(String.class);

    JsonNode readiness = JSON.readTree(body);
    assertThat(readiness.get("status").asString()).isEqualTo("UP");
    assertThat(readiness.get("components").get("delivery").get("status").asString())
        .isEqualTo("UP");
    assertThat(readiness.get("components").get("kcl").get("status").asString()).isEqualTo("UP");
  }

  private List<JsonNode> delivered(String... eventIdPrefixes) {
    return fixture.delivered(destinations).stream()
        .map(JSON::readTree)
        .filter(e -> Stream.of(eventIdPrefixes).anyMatch(e.get("eventId").asString()::startsWith))
        .toList();
  }

  private static String[] greenArguments() {
    Map<String, String> settings = new HashMap<>(BackingServices.awsProperties());
    settings.putAll(FastKcl.withDefaultMaxBufferTime());
    settings.putAll(fixture.settings(destinations));
    settings.put("server.port", "0");
    return settings.entrySet().stream()
        .map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
  }

  private static List<byte[]> events(String prefix, int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(i -> event(prefix + i, PRODUCTS.get(i % PRODUCTS.size())))
        .toList();
  }

  private long errorEvents() {
    return fixture.errors(destinations).stream()
        .map(JSON::readTree)
        .filter(e -> !e.has("part") || e.get("part").asInt() == 1)
        .count();
  }

  private static byte[] event(String eventId, String productId) {
    return utf8(
        "{\"eventId\":\"%s\",\"productId\":\"%s\",\"quantity\":3,\"timestamp\":\"2026-01-02T03:04:05Z\"}"
            .formatted(eventId, productId));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
