package io.aiplatform.enrichment.bench;

import java.util.Map;

/**
 * The shortened KCL timers of the consumer's tests (enrichment-consumer's FastKcl), so that a run
 * does not wait out KCL's production timers (about 70 s before a fresh worker reads). They change
 * when work starts, not how a batch is processed; the measured window starts after them.
 */
final class KclTimers {

  static final Map<String, String> SETTINGS =
      Map.ofEntries(
          Map.entry("platform.enrichment.kcl.failover-time", "3s"),
          Map.entry("platform.enrichment.kcl.lease-assignment-interval", "1s"),
          Map.entry("platform.enrichment.kcl.shard-sync-interval", "1s"),
          Map.entry("platform.enrichment.kcl.leader-lease-duration", "5s"),
          Map.entry("platform.enrichment.kcl.leader-heartbeat", "1s"),
          Map.entry("platform.enrichment.kcl.worker-metrics-report-interval", "1s"),
          Map.entry("platform.enrichment.kcl.worker-metrics-capture-interval", "250ms"),
          Map.entry("platform.enrichment.kcl.parent-shard-poll-interval", "1s"),
          Map.entry("platform.enrichment.kcl.dispatch-poll-interval", "100ms"),
          Map.entry("platform.enrichment.kcl.initialization-backoff", "200ms"),
          Map.entry("platform.enrichment.kcl.idle-time-between-reads", "200ms"));

  private KclTimers() {}
}
