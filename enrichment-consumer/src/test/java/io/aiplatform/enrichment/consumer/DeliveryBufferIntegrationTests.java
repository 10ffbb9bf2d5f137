package io.aiplatform.enrichment.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aiplatform.enrichment.CountingInterceptor;
import io.aiplatform.enrichment.FastKcl;
import io.aiplatform.enrichment.StreamFixture;
import io.aiplatform.testsupport.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A quiet one-shard stream: small batches share Firehose calls, lines left over are delivered and
 * checkpointed once old enough although no record arrives any more, and a graceful stop delivers
 * and checkpoints what is buffered. The buffers age by a clock the tests move; the maximum buffer
 * time is an hour, so nothing is delivered for its age unless a test says so. The tests share one
 * stream and lease table; each test's worker starts where the previous one checkpointed.
 */
class DeliveryBufferIntegrationTests {

  static final List<String> PRODUCTS = List.of("PROD-001", "PROD-002", "PROD-003");
  static final StreamFixture fixture = StreamFixture.create(1, PRODUCTS);
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Duration MAX_BUFFER_TIME = Duration.ofHours(1);

  final String marker = UUID.randomUUID().toString();
  final StreamFixture.Destinations destinations = fixture.newDestinations();
  final MutableClock clock = new MutableClock();
  final CountingInterceptor firehoseCalls = new CountingInterceptor();
  final Workers workers = new Workers();

  @AfterEach
  void stopWorkers() throws Exception {
    workers.close();
  }

  @Test
  void smallBatchesOfAQuietShardShareOneFullCallAndTheCheckpointFollowsIt() {
    Workers.Worker worker = start();
    for (int batch = 0; batch < 4; batch++) {
      fixture.put(events(batch * 100, batch * 100 + 100));
      int expected = batch * 100 + 100;
      await().atMost(StreamFixture.deliveryTimeout()).until(() -> buffered(worker) == expected);
    }
    assertThat(firehoseCalls.calls("PutRecordBatch")).as("calls for 400 events").isZero();

    String last = last(fixture.put(events(400, 500)));

    await().atMost(StreamFixture.deliveryTimeout()).until(() -> delivered().size() >= 500);
    assertThat(firehoseCalls.calls("PutRecordBatch")).as("calls for 500 events").isEqualTo(1);
    assertExactlyOnce(500);
    awaitCheckpointAt(last);
    assertThat(buffered(worker)).isZero();
  }

  @Test
  void linesLeftOverAreDeliveredAndCheckpointedOnceOldEnoughWithoutNewRecords() {
    Workers.Worker worker = start();
    String last = last(fixture.put(events(0, 120)));
    await().atMost(StreamFixture.deliveryTimeout()).until(() -> buffered(worker) == 120);
    assertThat(delivered()).isEmpty();

    // KCL keeps calling the processor with empty polls; one of them finds the lines due.
    clock.advance(MAX_BUFFER_TIME);

    await().atMost(StreamFixture.deliveryTimeout()).until(() -> delivered().size() >= 120);
    assertExactlyOnce(120);
    assertThat(firehoseCalls.calls("PutRecordBatch")).isEqualTo(1);
    awaitCheckpointAt(last);
  }

  @Test
  void aGracefulStopDeliversAndCheckpointsTheBufferedLines() {
    Workers.Worker worker = start();
    String last = last(fixture.put(events(0, 50)));
    await().atMost(StreamFixture.deliveryTimeout()).until(() -> buffered(worker) == 50);

    assertThat(worker.worker().stop()).as("graceful shutdown completed").isTrue();

    assertExactlyOnce(50);
    assertThat(fixture.checkpoints()).containsValue(last);
  }

  private Workers.Worker start() {
    Map<String, String> settings = new HashMap<>(fixture.settings(destinations));
    settings.put(FastKcl.MAX_BUFFER_TIME, MAX_BUFFER_TIME.toSeconds() + "s");
    return workers.start(
        "buffer-" + marker, FastKcl.properties(settings), null, firehoseCalls, clock);
  }

  private static String last(List<String> sequenceNumbers) {
    return sequenceNumbers.get(sequenceNumbers.size() - 1);
  }

  private static double buffered(Workers.Worker worker) {
    var gauge = worker.metrics().find("enrichment.delivery.buffered.records").gauge();
    return gauge == null ? -1 : gauge.value();
  }

  private void awaitCheckpointAt(String sequenceNumber) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(fixture.checkpoints()).containsValue(sequenceNumber));
  }

  private List<String> delivered() {
    return fixture.delivered(destinations).stream()
        .map(JSON::readTree)
        .filter(e -> marker.equals(e.path("marker").asString(null)))
        .map(e -> e.get("eventId").asString())
        .toList();
  }

  private void assertExactlyOnce(int count) {
    assertThat(delivered())
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, count).mapToObj(i -> "e-" + i).toList());
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
