package io.aiplatform.enrichment;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * KCL timers shortened for tests (see NOTES: a restart takes seconds instead of a minute), as
 * settings, so that the Spring tests and the tests that run workers directly use the same values.
 */
public final class FastKcl {

  /** How long a shard's lines may wait to fill a Firehose call. */
  public static final String MAX_BUFFER_TIME = "platform.enrichment.delivery.max-buffer-time";

  /** The shortened timers and backoffs, as {@code platform.enrichment.*} properties. */
  public static final Map<String, String> SETTINGS =
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
          Map.entry("platform.enrichment.kcl.idle-time-between-reads", "200ms"),
          Map.entry("platform.enrichment.kcl.graceful-shutdown-timeout", "20s"),
          // As the local profile; EnrichmentConsumerIntegrationTests keeps the 5 s default.
          Map.entry(MAX_BUFFER_TIME, "1s"),
          Map.entry("platform.enrichment.retry.initial-backoff", "20ms"),
          Map.entry("platform.enrichment.retry.max-backoff", "200ms"));

  private FastKcl() {}

  /** {@link #SETTINGS} without {@link #MAX_BUFFER_TIME}, so that its default applies. */
  public static Map<String, String> withDefaultMaxBufferTime() {
    Map<String, String> settings = new HashMap<>(SETTINGS);
    settings.remove(MAX_BUFFER_TIME);
    return settings;
  }

  /** Settings bound exactly as the application binds them: fast timers plus {@code overrides}. */
  public static EnrichmentProperties properties(Map<String, String> overrides) {
    Map<String, String> all = new HashMap<>(SETTINGS);
    all.putAll(overrides);
    return new Binder(new MapConfigurationPropertySource(all))
        .bindOrCreate("platform.enrichment", EnrichmentProperties.class);
  }
}
