package io.aiplatform.enrichment.bench;

import io.aiplatform.enrichment.EnrichmentProperties;
import io.aiplatform.enrichment.enrich.EnrichedBatch;
import io.aiplatform.enrichment.enrich.EventEnricher;
import io.aiplatform.enrichment.enrich.ReferenceData;
import io.aiplatform.enrichment.enrich.SourceRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consumer's per-event transform against a bare Jackson parse-and-serialize of the same 1 KB
 * events. Both handle a batch of {@link #BATCH} events per invocation (the consumer enriches whole
 * batches); JMH reports operations per second per event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TransformBenchmark {

  /** Events per invocation: one Firehose call's worth. */
  static final int BATCH = 500;

  private static final int PRODUCTS = 100;

  private final JsonMapper bare = new JsonMapper();
  private List<SourceRecord> records;
  private EventEnricher enricher;

  /** 1 KB events over 100 products, and an enricher whose cache already holds all of them. */
  @Setup(Level.Trial)
  public void setUp() {
    Events events = new Events(42);
    records = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      byte[] data = events.event(i, Events.productId(i % PRODUCTS));
      records.add(
          new SourceRecord("shardId-000000000000", Integer.toString(i), "pk", Instant.now(), data));
    }
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ReferenceData references =
        new ReferenceData(
            new InMemoryReferenceTable(),
            "reference",
            new EnrichmentProperties.Cache(100_000, Duration.ofHours(1), Duration.ofHours(1)),
            new EnrichmentProperties.Retry(Duration.ofMillis(100), Duration.ofSeconds(1), 5, 10),
            registry);
    enricher = new EventEnricher(references, "reference", Clock.systemUTC(), registry);
    EnrichedBatch warm = enricher.enrich(records);
    if (warm.lines().size() != BATCH || !warm.errors().isEmpty()) {
      throw new IllegalStateException("the events did not all enrich: " + warm.errors().size());
    }
  }

  /** Parse, merge the cached reference data, serialize: {@code EventEnricher.enrich}. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public EnrichedBatch enrich() {
    return enricher.enrich(records);
  }

  /** The floor: Jackson's own parse to a tree and serialize back, nothing else. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void bareJackson(Blackhole sink) {
    for (SourceRecord record : records) {
      JsonNode node = bare.readTree(record.data());
      sink.consume(bare.writeValueAsBytes(node));
    }
  }
}
