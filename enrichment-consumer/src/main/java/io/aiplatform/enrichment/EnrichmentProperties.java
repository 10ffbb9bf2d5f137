package io.aiplatform.enrichment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of enrichment-consumer, bound from {@code platform.enrichment.*} (environment: {@code
 * PLATFORM_ENRICHMENT_*}).
 *
 * @param streamName the Kinesis data stream to consume
 * @param applicationName the KCL application name; also the name of its lease table
 * @param referenceTable the DynamoDB table of product reference data, keyed by {@code productId}
 * @param deliveryStream the Firehose delivery stream enriched events go to
 * @param errorDeliveryStream the Firehose delivery stream events that cannot be enriched go to
 * @param referenceField the output field that holds the product's reference attributes
 * @param cache the reference data cache
 * @param retry backoff of the retries around DynamoDB and Firehose
 * @param delivery how enriched lines are gathered into Firehose calls
 * @param kcl Kinesis Client Library timers and modes
 */
@Validated
@ConfigurationProperties("platform.enrichment")
public record EnrichmentProperties(
    @DefaultValue("platform-events") @NotBlank String streamName,
    @DefaultValue("platform-enrichment") @NotBlank String applicationName,
    @DefaultValue("platform-product-reference") @NotBlank String referenceTable,
    @DefaultValue("platform-enriched-events") @NotBlank String deliveryStream,
    @DefaultValue("platform-enrichment-errors") @NotBlank String errorDeliveryStream,
    @DefaultValue("reference") @NotBlank String referenceField,
    @DefaultValue @Valid @NotNull Cache cache,
    @DefaultValue @Valid @NotNull Retry retry,
    @DefaultValue @Valid @NotNull Delivery delivery,
    @DefaultValue @Valid @NotNull Kcl kcl) {

  /**
   * The bounded reference data cache.
   *
   * @param maximumSize how many products it holds at most
   * @param ttl how long a found product is served from the cache
   * @param notFoundTtl how long an unknown product is remembered as unknown
   */
  public record Cache(
      @DefaultValue("100000") @Positive long maximumSize,
      @DefaultValue("5m") @NotNull Duration ttl,
      @DefaultValue("30s") @NotNull Duration notFoundTtl) {}

  /**
   * Backoff of our own retries (Firehose entries that failed, DynamoDB UnprocessedKeys, whole calls
   * that failed after the SDK's own retries). Delivery is retried until it succeeds or the consumer
   * stops: nothing is dropped.
   *
   * @param initialBackoff the delay before the first retry
   * @param maxBackoff the longest delay between retries
   * @param failuresBeforeUnready consecutive failed attempts after which readiness reports DOWN
   * @param maxUnprocessedKeysRounds BatchGetItem rounds for UnprocessedKeys before the lookup
   *     counts as failed and is retried as a whole
   */
  public record Retry(
      @DefaultValue("100ms") @NotNull Duration initialBackoff,
      @DefaultValue("20s") @NotNull Duration maxBackoff,
      @DefaultValue("5") @Positive int failuresBeforeUnready,
      @DefaultValue("10") @Positive int maxUnprocessedKeysRounds) {}

  /**
   * Delivery of enriched lines to Firehose. Each shard keeps the lines of its batches until they
   * fill a PutRecordBatch call (500 records or 4 MiB), or until the oldest has waited {@code
   * maxBufferTime}; its checkpoint stays behind every line not yet delivered.
   *
   * @param maxBufferTime how long a line may wait for more to fill its call; 0 delivers each batch
   *     as it arrives. Firehose itself buffers 60-300 s before writing to S3, so a few seconds here
   *     are invisible downstream, while a quiet shard handing over small batches saves calls.
   */
  public record Delivery(
      @DefaultValue("5s") @NotNull @DurationMin(nanos = 0) Duration maxBufferTime) {}

  /** How records are read from the stream. */
  public enum Retrieval {
    /** GetRecords polling: shares the shard's 2 MB/s read limit with other consumers. */
    POLLING,
    /** Enhanced fan-out (SubscribeToShard): a dedicated 2 MB/s per shard; AWS only. */
    FAN_OUT
  }

  /** Where a consumer without a checkpoint starts reading a shard. */
  public enum InitialPosition {
    TRIM_HORIZON,
    LATEST
  }

  /**
   * Kinesis Client Library settings. The defaults are KCL's production defaults; tests shorten the
   * timers.
   *
   * @param enabled whether the consumer reads the stream at all (off: the service only serves its
   *     health and metrics endpoints)
   * @param retrieval polling or enhanced fan-out
   * @param initialPosition where a shard without checkpoint is read from
   * @param cloudWatchMetrics whether KCL publishes its own metrics to CloudWatch
   * @param maxRecords records per GetRecords call (polling)
   * @param idleTimeBetweenReads pause between GetRecords calls of a shard (polling)
   * @param failoverTime how long a lease may go unrenewed before another worker takes it
   * @param leaseAssignmentInterval how often the leader assigns leases
   * @param shardSyncInterval how often shards and leases are reconciled
   * @param leaderLeaseDuration how long the leader election lock lasts
   * @param leaderHeartbeat how often the leader renews that lock
   * @param workerMetricsReportInterval how often a worker reports its utilisation
   * @param workerMetricsCaptureInterval how often a worker samples its utilisation
   * @param parentShardPollInterval how often a child shard checks whether its parent is done
   * @param dispatchPollInterval how often shard consumers are given work
   * @param initializationBackoff the pause between failed scheduler initialisations
   * @param maxLeasesForWorker the most shards one worker takes
   * @param gracefulShutdownTimeout how long a stop waits for the final checkpoints
   */
  public record Kcl(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("POLLING") @NotNull Retrieval retrieval,
      @DefaultValue("TRIM_HORIZON") @NotNull InitialPosition initialPosition,
      @DefaultValue("false") boolean cloudWatchMetrics,
      @DefaultValue("10000") @Min(1) @Max(10000) int maxRecords,
      @DefaultValue("1500ms") @NotNull Duration idleTimeBetweenReads,
      @DefaultValue("10s") @NotNull Duration failoverTime,
      @DefaultValue("20s") @NotNull Duration leaseAssignmentInterval,
      @DefaultValue("60s") @NotNull Duration shardSyncInterval,
      @DefaultValue("2m") @NotNull Duration leaderLeaseDuration,
      @DefaultValue("30s") @NotNull Duration leaderHeartbeat,
      @DefaultValue("30s") @NotNull Duration workerMetricsReportInterval,
      @DefaultValue("1s") @NotNull Duration workerMetricsCaptureInterval,
      @DefaultValue("10s") @NotNull Duration parentShardPollInterval,
      @DefaultValue("1s") @NotNull Duration dispatchPollInterval,
      @DefaultValue("1s") @NotNull Duration initializationBackoff,
      @DefaultValue("2147483647") @Positive int maxLeasesForWorker,
      @DefaultValue("20s") @NotNull Duration gracefulShutdownTimeout) {}
}
