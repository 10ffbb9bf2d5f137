package io.aiplatform.enrichment.consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** How far behind the tip of each shard this consumer is, as reported by GetRecords. */
final class StreamLag {

  private final MeterRegistry registry;
  private final Map<String, AtomicLong> millisBehind = new ConcurrentHashMap<>();

  StreamLag(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(String shardId, Long millisBehindLatest) {
    if (millisBehindLatest == null) {
      return;
    }
    millisBehind
        .computeIfAbsent(
            shardId,
            shard -> {
              AtomicLong value = new AtomicLong();
              Gauge.builder("enrichment.millis.behind.latest", value, AtomicLong::get)
                  .description("How far behind the newest record of the shard processing is")
                  .baseUnit("milliseconds")
                  .tag("shard", shard)
                  .register(registry);
              return value;
            })
        .set(millisBehindLatest);
  }

  /** A shard this consumer no longer reads reports no lag. */
  void forget(String shardId) {
    AtomicLong value = millisBehind.get(shardId);
    if (value != null) {
      value.set(0);
    }
  }
}
