package io.aiplatform.enrichment.consumer;

import io.aiplatform.enrichment.Backoff;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retry policy of a shard that cannot make progress: never give up while the consumer runs
 * (giving up would mean checkpointing past undelivered events or dropping them), report the shard
 * to readiness, and let go only when the consumer stops, without checkpointing.
 */
final class Retrier {

  private static final Logger log = LoggerFactory.getLogger(Retrier.class);

  private final Backoff backoff;
  private final ProgressHealth health;
  private final BooleanSupplier stopping;

  Retrier(Backoff backoff, ProgressHealth health, BooleanSupplier stopping) {
    this.backoff = backoff;
    this.health = health;
    this.stopping = stopping;
  }

  /**
   * Records the {@code failures}-th consecutive failure of {@code shardId} and waits before the
   * next attempt.
   *
   * @return false when the consumer is stopping and the caller must abandon the batch
   */
  boolean afterFailure(String shardId, int failures, String what) {
    log.warn("{}: attempt {} failed: {}", shardId, failures, what);
    health.failed(shardId, failures, what);
    if (stopping.getAsBoolean()) {
      return false;
    }
    return backoff.pause(failures) && !stopping.getAsBoolean();
  }

  void succeeded(String shardId) {
    health.succeeded(shardId);
  }
}
