package io.aiplatform.enrichment.bench;

import io.aiplatform.enrichment.EnrichmentProperties;
import io.aiplatform.enrichment.delivery.FirehoseDelivery;
import io.aiplatform.enrichment.delivery.ShardBuffer;
import io.aiplatform.enrichment.enrich.EventEnricher;
import io.aiplatform.enrichment.enrich.ReferenceData;
import io.aiplatform.enrichment.enrich.SourceRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Benchmark (b): DynamoDB and Firehose calls per 1,000 one-kilobyte events with a warm cache. Runs
 * the consumer's batch path (EventEnricher, then the shard's ShardBuffer delivering through
 * FirehoseDelivery as BatchPipeline does) with the real SDK clients against moto, counting calls
 * with an interceptor.
 *
 * <p>What it models: one shard handing over a batch of BATCH records per poll, one poll every
 * default {@code idle-time-between-reads} (1.5 s), with the default {@code max-buffer-time} (5 s).
 * The buffer's clock is a simulated one that moves by the poll interval per batch, so the buffer
 * delivers full calls as they fill and the rest when it is due, exactly as on such a shard, without
 * the benchmark waiting; whatever is left at the end is delivered as at a graceful stop.
 *
 * <p>Usage: {@code CallsPerThousand ENDPOINT PRODUCTS CACHE_SIZE BATCH EVENTS}
 */
public final class CallsPerThousand {

  private CallsPerThousand() {}

  public static void main(String[] args) throws Exception {
    Moto moto = new Moto(args[0]);
    int products = Integer.parseInt(args[1]);
    int cacheSize = Integer.parseInt(args[2]);
    int batch = Integer.parseInt(args[3]);
    int events = Integer.parseInt(args[4]);
    String id = UUID.randomUUID().toString().substring(0, 8);
    String table = "bench-reference-" + id;
    String stream = "bench-enriched-" + id;

    long loadStart = System.nanoTime();
    try (DynamoDbClient setup = moto.configure(DynamoDbClient.builder()).build();
        FirehoseClient firehoseSetup = moto.configure(FirehoseClient.builder()).build();
        S3Client s3 = moto.s3()) {
      moto.createReferenceTable(setup, table, products);
      moto.createDeliveryStream(firehoseSetup, s3, stream, stream);
    }
    double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
    System.out.printf(
        "setup: %,d products loaded into moto in %.1f s (%,.0f items/s)%n",
        products, loadSeconds, products / loadSeconds);

    CallCounter dynamoCalls = new CallCounter();
    CallCounter firehoseCalls = new CallCounter();
    try (DynamoDbClient dynamo = moto.configure(DynamoDbClient.builder(), dynamoCalls).build();
        FirehoseClient firehose = moto.configure(FirehoseClient.builder(), firehoseCalls).build()) {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      EnrichmentProperties.Cache cache =
          new EnrichmentProperties.Cache(cacheSize, Duration.ofMinutes(5), Duration.ofSeconds(30));
      EnrichmentProperties.Retry retry =
          new EnrichmentProperties.Retry(Duration.ofMillis(100), Duration.ofSeconds(20), 5, 10);
      ReferenceData references = new ReferenceData(dynamo, table, cache, retry, registry);
      EnrichmentProperties defaults = defaults();
      Pipeline pipeline =
          new Pipeline(
              new EventEnricher(references, "reference", Clock.systemUTC(), registry),
              new FirehoseDelivery(firehose, registry),
              stream,
              defaults.delivery().maxBufferTime(),
              defaults.kcl().idleTimeBetweenReads());
      System.out.printf(
          "model: one shard, a batch of %d records every %d ms (default poll interval),"
              + " max-buffer-time %d ms (default)%n",
          batch,
          defaults.kcl().idleTimeBetweenReads().toMillis(),
          defaults.delivery().maxBufferTime().toMillis());
      Random random = new Random(7);
      Events generator = new Events(11);

      // Warm the cache: every product once when they all fit, else enough events to fill it.
      int warmup = products <= cacheSize ? products : 2 * cacheSize;
      List<Integer> order = new ArrayList<>();
      for (int n = 0; n < products && products <= cacheSize; n++) {
        order.add(n);
      }
      Collections.shuffle(order, random);
      int[] next = {0};
      IntSupplier warmProducts =
          products <= cacheSize ? () -> order.get(next[0]++) : () -> random.nextInt(products);
      pipeline.run(generator, warmup, batch, warmProducts);
      double hitsBefore = cacheGets(registry, "hit");
      double missesBefore = cacheGets(registry, "miss");
      dynamoCalls.reset();
      firehoseCalls.reset();

      long start = System.nanoTime();
      long delivered = pipeline.run(generator, events, batch, () -> random.nextInt(products));
      double seconds = (System.nanoTime() - start) / 1e9;
      double hits = cacheGets(registry, "hit") - hitsBefore;
      double misses = cacheGets(registry, "miss") - missesBefore;
      long batchGets = dynamoCalls.calls("BatchGetItem");
      long puts = firehoseCalls.calls("PutRecordBatch");
      System.out.printf(
          "RESULT products=%d cacheSize=%d batch=%d warmupEvents=%d events=%d delivered=%d"
              + " BatchGetItem=%d PutRecordBatch=%d dynamoPer1000=%.2f firehosePer1000=%.2f"
              + " cacheHitRatio=%.3f seconds=%.1f%n",
          products,
          cacheSize,
          batch,
          warmup,
          events,
          delivered,
          batchGets,
          puts,
          1000.0 * batchGets / events,
          1000.0 * puts / events,
          hits / (hits + misses),
          seconds);
      if (delivered != events) {
        throw new IllegalStateException("delivered " + delivered + " of " + events);
      }
    }
  }

  private static double cacheGets(SimpleMeterRegistry registry, String result) {
    return registry.get("cache.gets").tag("result", result).functionCounter().count();
  }

  /** The consumer's settings with nothing set: its defaults. */
  private static EnrichmentProperties defaults() {
    return new Binder(new MapConfigurationPropertySource(Map.of()))
        .bindOrCreate("platform.enrichment", EnrichmentProperties.class);
  }

  /**
   * What BatchPipeline does with a shard's KCL batches, minus the waits of its retry policy: each
   * batch is enriched and appended to the shard's buffer, which delivers what it has ready.
   */
  private record Pipeline(
      EventEnricher enricher,
      FirehoseDelivery delivery,
      String stream,
      Duration maxBufferTime,
      Duration pollInterval) {

    long run(Events generator, int events, int batch, IntSupplier product) {
      SimulatedClock clock = new SimulatedClock();
      ShardBuffer buffer = new ShardBuffer(maxBufferTime, clock);
      long[] delivered = {0};
      ShardBuffer.Sender sender =
          call -> {
            List<byte[]> pending = call;
            while (!(pending = delivery.put(stream, pending)).isEmpty()) {
              // moto never rejects entries; a real rejection would be retried exactly so.
            }
            delivered[0] += call.size();
            return true;
          };
      long sequence = 0;
      for (int from = 0; from < events; from += batch) {
        List<SourceRecord> records = new ArrayList<>(batch);
        for (int i = from; i < Math.min(events, from + batch); i++) {
          byte[] data = generator.event(sequence++, Events.productId(product.getAsInt()));
          records.add(new SourceRecord("shardId-0", Long.toString(sequence), "pk", null, data));
        }
        buffer.append(
            enricher.enrich(records).lines(), new ShardBuffer.Position(Long.toString(sequence), 0));
        buffer.deliverReady(sender);
        buffer.checkpointable(); // as the processor does before each checkpoint
        clock.advance(pollInterval);
      }
      buffer.deliverAll(sender);
      return delivered[0];
    }
  }

  /** Time as the simulated shard sees it: it moves only when a poll interval passes. */
  private static final class SimulatedClock extends Clock {
    private Instant now = Instant.EPOCH;

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
