package io.aiplatform.enrichment;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A stream, reference table and pair of delivery streams (enriched and errors, each writing to its
 * own bucket) in the emulator, all with unique names.
 */
public final class StreamFixture {

  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(120);

  public final String id = UUID.randomUUID().toString().substring(0, 8);
  public final String stream = "events-" + id;
  public final String applicationName = "enrichment-" + id;
  public final String table = "reference-" + id;
  private final KinesisClient kinesis = Emulator.configure(KinesisClient.builder()).build();
  private final DynamoDbClient dynamo = Emulator.configure(DynamoDbClient.builder()).build();
  private final FirehoseClient firehose = Emulator.configure(FirehoseClient.builder()).build();
  private final S3Client s3 = Emulator.s3();

  /** A stream of {@code shards} shards and a reference table holding {@code products}. */
  public static StreamFixture create(int shards, List<String> products) {
    StreamFixture fixture = new StreamFixture();
    fixture.kinesis.createStream(b -> b.streamName(fixture.stream).shardCount(shards));
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                fixture
                        .kinesis
                        .describeStreamSummary(b -> b.streamName(fixture.stream))
                        .streamDescriptionSummary()
                        .streamStatus()
                    == StreamStatus.ACTIVE);
    Emulator.createReferenceTable(fixture.dynamo, fixture.table);
    Emulator.putProducts(fixture.dynamo, fixture.table, products);
    return fixture;
  }

  /** New, empty destinations: the delivery and error streams with their buckets. */
  public Destinations newDestinations() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Destinations destinations =
        new Destinations(
            "enriched-" + id + "-" + suffix,
            "errors-" + id + "-" + suffix,
            "enriched-" + id + "-" + suffix,
            "errors-" + id + "-" + suffix);
    Emulator.createDeliveryStream(
        firehose, s3, destinations.deliveryStream(), destinations.deliveryBucket());
    Emulator.createDeliveryStream(
        firehose, s3, destinations.errorStream(), destinations.errorBucket());
    return destinations;
  }

  /** The consumer settings for this fixture and {@code destinations}. */
  public Map<String, String> settings(Destinations destinations) {
    return Map.of(
        "platform.enrichment.stream-name", stream,
        "platform.enrichment.application-name", applicationName,
        "platform.enrichment.reference-table", table,
        "platform.enrichment.delivery-stream", destinations.deliveryStream(),
        "platform.enrichment.error-delivery-stream", destinations.errorStream());
  }

  /**
   * Puts the payloads on the stream, spread over its shards by random partition keys.
   *
   * @return the sequence numbers the stream gave them, in order
   */
  public List<String> put(List<byte[]> payloads) {
    List<String> sequenceNumbers = new ArrayList<>();
    for (int from = 0; from < payloads.size(); from += 100) {
      List<PutRecordsRequestEntry> entries = new ArrayList<>();
      for (byte[] payload : payloads.subList(from, Math.min(payloads.size(), from + 100))) {
        entries.add(
            PutRecordsRequestEntry.builder()
                .partitionKey(UUID.randomUUID().toString())
                .data(SdkBytes.fromByteArray(payload))
                .build());
      }
      PutRecordsResponse response = kinesis.putRecords(b -> b.streamName(stream).records(entries));
      if (response.failedRecordCount() != null && response.failedRecordCount() > 0) {
        throw new IllegalStateException("the emulator refused records: " + response);
      }
      response.records().forEach(r -> sequenceNumbers.add(r.sequenceNumber()));
    }
    return sequenceNumbers;
  }

  /** The checkpoint KCL wrote for each shard (by lease key), from the lease table. */
  public Map<String, String> checkpoints() {
    Map<String, String> checkpoints = new HashMap<>();
    dynamo.scanPaginator(b -> b.tableName(applicationName)).items().stream()
        // KCL keeps other entities (worker metrics, migration state) beside the leases.
        .filter(item -> item.containsKey("checkpoint"))
        .forEach(item -> checkpoints.put(item.get("leaseKey").s(), item.get("checkpoint").s()));
    return checkpoints;
  }

  /** The lines the delivery stream wrote so far. */
  public List<String> delivered(Destinations destinations) {
    return Emulator.lines(s3, destinations.deliveryBucket());
  }

  /** The lines the error stream wrote so far. */
  public List<String> errors(Destinations destinations) {
    return Emulator.lines(s3, destinations.errorBucket());
  }

  /** How long tests wait for the consumer to deliver. */
  public static Duration deliveryTimeout() {
    return DELIVERY_TIMEOUT;
  }

  /** Where a consumer delivers to. */
  public record Destinations(
      String deliveryStream, String errorStream, String deliveryBucket, String errorBucket) {}
}
