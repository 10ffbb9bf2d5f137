package io.aiplatform.enrichment.enrich;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counters of what became of each event read from the stream. */
final class EnrichmentMetrics {

  private final MeterRegistry registry;
  private final Counter received;
  private final Counter enriched;
  private final Counter notFound;

  EnrichmentMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.received =
        Counter.builder("enrichment.events.received")
            .description("Events read from the stream")
            .register(registry);
    this.enriched = outcome(EventEnricher.STATUS_ENRICHED);
    this.notFound = outcome(EventEnricher.STATUS_NOT_FOUND);
  }

  void received(int count) {
    received.increment(count);
  }

  void delivered(boolean found) {
    (found ? enriched : notFound).increment();
  }

  void failed(ErrorReason reason) {
    Counter.builder("enrichment.events.errors")
        .description("Events sent to the error destination, by reason")
        .tag("reason", reason.code())
        .register(registry)
        .increment();
  }

  private Counter outcome(String status) {
    return Counter.builder("enrichment.events.enriched")
        .description("Events written to the delivery stream, by enrichment status")
        .tag("status", status)
        .register(registry);
  }
}
