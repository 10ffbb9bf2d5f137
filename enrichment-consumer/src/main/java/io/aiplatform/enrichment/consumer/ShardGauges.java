package io.aiplatform.enrichment.consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gauges per shard: how far behind the tip of the shard processing is (as GetRecords reports it),
 * and how many enriched lines wait in the shard's delivery buffer. Shared by the processors of a
 * worker; each meter is registered once per shard.
 */
final class ShardGauges {

  private static final Meter LAG =
      new Meter(
          "enrichment.millis.behind.latest",
          "How far behind the newest record of the shard processing is",
          "milliseconds");
  private static final Meter BUFFERED =
      new Meter(
          "enrichment.delivery.buffered.records",
          "Enriched lines of the shard waiting to fill a Firehose call, not yet checkpointed",
          "records");

  private final MeterRegistry registry;
  private final Map<String, AtomicLong> millisBehind = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> buffered = new ConcurrentHashMap<>();

  ShardGauges(MeterRegistry registry) {
    this.registry = registry;
  }

  void lag(String shardId, Long millisBehindLatest) {
    if (millisBehindLatest != null) {
      value(millisBehind, LAG, shardId).set(millisBehindLatest);
    }
  }

  void buffered(String shardId, int lines) {
    value(buffered, BUFFERED, shardId).set(lines);
  }

  /** A shard this consumer no longer reads reports no lag and nothing buffered. */
  void forget(String shardId) {
    for (Map<String, AtomicLong> values : List.of(millisBehind, buffered)) {
      AtomicLong value = values.get(shardId);
      if (value != null) {
        value.set(0);
      }
    }
  }

  private AtomicLong value(Map<String, AtomicLong> values, Meter meter, String shardId) {
    return values.computeIfAbsent(
        shardId,
        shard -> {
          AtomicLong value = new AtomicLong();
          Gauge.builder(meter.name(), value, AtomicLong::get)
              .description(meter.description())
              .baseUnit(meter.unit())
              .tag("shard", shard)
              .register(registry);
          return value;
        });
  }

  private record Meter(String name, String description, String unit) {}
}
