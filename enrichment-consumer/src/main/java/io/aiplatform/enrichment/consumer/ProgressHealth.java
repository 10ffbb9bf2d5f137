package io.aiplatform.enrichment.consumer;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness of the consumer: DOWN while any shard has failed to make progress (enrich or deliver)
 * for the configured number of consecutive attempts, UP again as soon as that shard succeeds.
 */
final class ProgressHealth implements HealthIndicator {

  private final int failuresBeforeDown;
  private final Map<String, Failure> failing = new ConcurrentHashMap<>();

  ProgressHealth(int failuresBeforeDown) {
    this.failuresBeforeDown = failuresBeforeDown;
  }

  void failed(String shardId, int consecutiveFailures, String what) {
    failing.compute(
        shardId,
        (shard, previous) ->
            new Failure(
                consecutiveFailures, what, previous == null ? Instant.now() : previous.since()));
  }

  void succeeded(String shardId) {
    failing.remove(shardId);
  }

  @Override
  public Health health() {
    Map<String, Failure> stuck = new TreeMap<>();
    failing.forEach(
        (shard, failure) -> {
          if (failure.attempts() >= failuresBeforeDown) {
            stuck.put(shard, failure);
          }
        });
    return (stuck.isEmpty() ? Health.up() : Health.down()).withDetail("stuckShards", stuck).build();
  }

  /** Why a shard is not progressing, and since when. */
  record Failure(int attempts, String lastError, Instant since) {}
}
