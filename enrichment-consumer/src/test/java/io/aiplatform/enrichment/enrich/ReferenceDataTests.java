package io.aiplatform.enrichment.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.enrichment.CountingInterceptor;
import io.aiplatform.enrichment.Emulator;
import io.aiplatform.enrichment.EnrichmentProperties;
import io.aiplatform.enrichment.UnprocessedKeysInterceptor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.JsonNode;

class ReferenceDataTests {

  static final String TABLE = "reference-" + UUID.randomUUID();
  static final List<String> PRODUCTS =
      IntStream.range(0, 250).mapToObj(i -> "PROD-%04d".formatted(i)).toList();
  static final EnrichmentProperties.Cache CACHE =
      new EnrichmentProperties.Cache(10_000, Duration.ofMinutes(5), Duration.ofSeconds(30));
  static final EnrichmentProperties.Retry RETRY =
      new EnrichmentProperties.Retry(Duration.ofMillis(5), Duration.ofMillis(20), 3, 20);

  static DynamoDbClient setup;

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final CountingInterceptor counting = new CountingInterceptor();

  @BeforeAll
  static void referenceTable() {
    setup = Emulator.configure(DynamoDbClient.builder()).build();
    Emulator.createReferenceTable(setup, TABLE);
    Emulator.putProducts(setup, TABLE, PRODUCTS);
  }

  @AfterAll
  static void close() {
    setup.close();
  }

  @Test
  void resolvesMoreThanOneHundredProductsInChunksTheTableAccepts() {
    List<String> wanted = new ArrayList<>(PRODUCTS);
    wanted.add("PROD-unknown");

    Map<String, JsonNode> found = referenceData().lookup(wanted);

    assertThat(found).containsOnlyKeys(PRODUCTS);
    assertThat(found.get("PROD-0042").get("productName").asString()).isEqualTo("Name of PROD-0042");
    assertThat(counting.calls("BatchGetItem")).isEqualTo(3);
  }

  @Test
  void retriesUnprocessedKeysUntilEveryProductIsResolved() {
    UnprocessedKeysInterceptor unprocessed = new UnprocessedKeysInterceptor("productId", 4);

    Map<String, JsonNode> found = referenceData(unprocessed).lookup(PRODUCTS);

    assertThat(unprocessed.keysWithheld()).isPositive();
    assertThat(found).containsOnlyKeys(PRODUCTS);
    assertThat(registry.counter("enrichment.dynamodb.calls").count())
        .isEqualTo(counting.calls("BatchGetItem"))
        .isGreaterThan(3);
  }

  @Test
  void aWarmCacheServesTenThousandEventsOverOneHundredHotProductsWithAHandfulOfCalls() {
    ReferenceData references = referenceData();
    EventEnricher enricher =
        new EventEnricher(references, "reference", Clock.systemUTC(), registry);
    List<SourceRecord> events =
        IntStream.range(0, 10_000)
            .mapToObj(
                i ->
                    new SourceRecord(
                        "shardId-0",
                        Integer.toString(i),
                        "pk",
                        null,
                        ("{\"eventId\":\"e-%d\",\"productId\":\"PROD-%04d\"}".formatted(i, i % 100))
                            .getBytes(StandardCharsets.UTF_8)))
            .toList();

    int enriched = 0;
    for (int from = 0; from < events.size(); from += 500) {
      enriched += enricher.enrich(events.subList(from, from + 500)).lines().size();
    }

    assertThat(enriched).isEqualTo(10_000);
    // The first batch loads the 100 products in one call; every later event is a cache hit.
    assertThat(counting.calls("BatchGetItem")).isEqualTo(1);
    assertThat(registry.get("cache.gets").tag("result", "hit").functionCounter().count())
        .isEqualTo(19 * 100);
  }

  private ReferenceData referenceData(ExecutionInterceptor... faults) {
    List<ExecutionInterceptor> interceptors = new ArrayList<>(List.of(faults));
    interceptors.add(0, counting);
    DynamoDbClient dynamo =
        Emulator.configure(
                DynamoDbClient.builder(), interceptors.toArray(ExecutionInterceptor[]::new))
            .build();
    return new ReferenceData(dynamo, TABLE, CACHE, RETRY, registry);
  }
}
