package io.aiplatform.enrichment.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aiplatform.enrichment.EnrichmentProperties;
import io.aiplatform.enrichment.FailingInterceptor;
import io.aiplatform.enrichment.FastKcl;
import io.aiplatform.enrichment.PartialFailureInterceptor;
import io.aiplatform.enrichment.StreamFixture;
import io.aiplatform.enrichment.UnprocessedKeysInterceptor;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import tools.jackson.databind.json.JsonMapper;

/**
 * Workers handing shards over and sharing them. All tests share one stream and one lease table (KCL
 * waits up to 30 s before its first shard sync on an empty lease table); each test delivers to
 * destinations of its own and recognises its events by a marker.
 */
class LeaseHandoverIntegrationTests {

  static final List<String> PRODUCTS =
      IntStream.rangeClosed(1, 50).mapToObj(i -> "PROD-%03d".formatted(i)).toList();
  static final StreamFixture fixture = StreamFixture.create(2, PRODUCTS);
  static final JsonMapper JSON = JsonMapper.builder().build();

  final String marker = UUID.randomUUID().toString();
  final StreamFixture.Destinations destinations = fixture.newDestinations();
  final Workers workers = new Workers();

  @AfterEach
  void stopWorkers() throws Exception {
    workers.close();
  }

  @Test
  void aGracefulStopInTheMiddleOfTheStreamHandsOverWithoutLossOrDuplicates() {
    Workers.Worker first = workers.start("first-" + marker, properties(Map.of()));
    fixture.put(events(0, 1000));
    await().atMost(StreamFixture.deliveryTimeout()).until(() -> delivered().size() >= 200);

    // More events arrive while the first worker shuts down and before the second starts.
    fixture.put(events(1000, 1500));
    assertThat(first.worker().stop()).as("graceful shutdown completed").isTrue();
    fixture.put(events(1500, 2000));
    Workers.Worker second = workers.start("second-" + marker, properties(Map.of()));

    await().atMost(StreamFixture.deliveryTimeout()).until(() -> delivered().size() >= 2000);
    assertExactlyOnce(2000);
    assertThat(second.received()).as("events read by the second worker").isPositive();
  }

  @Test
  void twoWorkersShareTheShardsAndTogetherDeliverEveryEventOnce() {
    Map<String, String> oneShardEach = Map.of("platform.enrichment.kcl.max-leases-for-worker", "1");
    Workers.Worker a = workers.start("a-" + marker, properties(oneShardEach));
    Workers.Worker b = workers.start("b-" + marker, properties(oneShardEach));

    fixture.put(events(0, 1000));

    await().atMost(StreamFixture.deliveryTimeout()).until(() -> delivered().size() >= 1000);
    assertExactlyOnce(1000);
    assertThat(a.received()).as("events read by worker a").isPositive();
    assertThat(b.received()).as("events read by worker b").isPositive();
  }

  @Test
  void partialFirehoseFailuresAndUnprocessedKeysLoseNothing() {
    PartialFailureInterceptor firehoseFaults = new PartialFailureInterceptor(4, 20);
    UnprocessedKeysInterceptor dynamoFaults = new UnprocessedKeysInterceptor("productId", 10);
    workers.start("faulty-" + marker, properties(Map.of()), dynamoFaults, firehoseFaults);

    fixture.put(events(0, 1000));

    await().atMost(StreamFixture.deliveryTimeout()).until(() -> delivered().size() >= 1000);
    assertExactlyOnce(1000);
    assertThat(firehoseFaults.failedEntries()).isPositive();
    assertThat(dynamoFaults.keysWithheld()).isPositive();
  }

  @Test
  void persistentDeliveryFailureMakesReadinessFailAndHoldsTheCheckpointForTheNextWorker() {
    FailingInterceptor unreachable = new FailingInterceptor("PutRecordBatch");
    Workers.Worker stuck =
        workers.start("stuck-" + marker, properties(Map.of()), null, unreachable);
    fixture.put(events(0, 300));

    await()
        .atMost(StreamFixture.deliveryTimeout())
        .until(() -> stuck.health().health().getStatus().equals(Status.DOWN));
    assertThat(delivered()).isEmpty();
    stuck.worker().stop();
    workers.start("healthy-" + marker, properties(Map.of()));

    await().atMost(StreamFixture.deliveryTimeout()).until(() -> delivered().size() >= 300);
    assertExactlyOnce(300);
    assertThat(unreachable.failures()).isGreaterThanOrEqualTo(5);
  }

  private EnrichmentProperties properties(Map<String, String> overrides) {
    Map<String, String> settings = new HashMap<>(fixture.settings(destinations));
    settings.putAll(overrides);
    return FastKcl.properties(settings);
  }

  private List<String> delivered() {
    return fixture.delivered(destinations).stream()
        .map(JSON::readTree)
        .filter(e -> marker.equals(e.path("marker").asString(null)))
        .map(e -> e.get("eventId").asString())
        .toList();
  }

  private void assertExactlyOnce(int count) {
    List<String> ids = delivered();
    assertThat(ids).doesNotHaveDuplicates().hasSize(count);
    assertThat(ids)
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, count).mapToObj(i -> "e-" + i).toList());
    // Lines delivered for this test are all its own events, enriched.
    assertThat(fixture.errors(destinations)).isEmpty();
  }

  private List<byte[]> events(int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(
            i ->
                "{\"eventId\":\"e-%d\",\"marker\":\"%s\",\"productId\":\"%s\",\"quantity\":1}"
                    .formatted(i, marker, PRODUCTS.get(i % PRODUCTS.size()))
                    .getBytes(StandardCharsets.UTF_8))
        .toList();
  }
}
