package io.aiplatform.enrichment;

import java.time.Duration;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * Pauses between our own retries with the SDK's exponential backoff and full jitter, for retries
 * the SDK cannot do itself (failed entries of a PutRecordBatch, UnprocessedKeys of a BatchGetItem).
 */
public final class Backoff {

  private final BackoffStrategy strategy;

  /** A backoff growing from {@code initial} to at most {@code max}. */
  public Backoff(Duration initial, Duration max) {
    this.strategy = BackoffStrategy.exponentialDelay(initial, max);
  }

  /** The backoff the retry settings describe. */
  public static Backoff of(EnrichmentProperties.Retry retry) {
    return new Backoff(retry.initialBackoff(), retry.maxBackoff());
  }

  /**
   * Waits before retry number {@code attempt} (1 for the first retry).
   *
   * @return false when the thread was interrupted, which asks the caller to give up
   */
  public boolean pause(int attempt) {
    try {
      Thread.sleep(strategy.computeDelay(attempt).toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
