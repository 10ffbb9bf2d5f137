package io.aiplatform.enrichment.consumer;

import io.aiplatform.enrichment.delivery.FirehoseBatches;
import io.aiplatform.enrichment.delivery.FirehoseDelivery;
import io.aiplatform.enrichment.delivery.ShardBuffer;
import io.aiplatform.enrichment.enrich.EnrichedBatch;
import io.aiplatform.enrichment.enrich.EventEnricher;
import io.aiplatform.enrichment.enrich.SourceRecord;
import java.util.List;

/**
 * Enriches a shard's batches and delivers them: error records to the error stream at once (they are
 * rare), enriched lines through the shard's {@link ShardBuffer} to the delivery stream. Each step
 * is retried until it succeeds or the consumer stops. Shared by the shard processors of a worker;
 * the buffers are theirs.
 */
final class BatchPipeline {

  private final EventEnricher enricher;
  private final FirehoseDelivery delivery;
  private final Retrier retrier;
  private final String deliveryStream;
  private final String errorStream;

  BatchPipeline(
      EventEnricher enricher,
      FirehoseDelivery delivery,
      Retrier retrier,
      String deliveryStream,
      String errorStream) {
    this.enricher = enricher;
    this.delivery = delivery;
    this.retrier = retrier;
    this.deliveryStream = deliveryStream;
    this.errorStream = errorStream;
  }

  /**
   * Enriches a batch ending at {@code end}, delivers its error records, appends its lines to {@code
   * buffer} and delivers what the buffer has ready.
   *
   * @return false when the consumer stopped first
   */
  boolean process(
      String shardId, List<SourceRecord> records, ShardBuffer.Position end, ShardBuffer buffer) {
    EnrichedBatch batch = enrich(shardId, records);
    if (batch == null || !deliverAll(shardId, errorStream, batch.errors())) {
      return false;
    }
    buffer.append(batch.lines(), end);
    return deliverReady(shardId, buffer);
  }

  /**
   * Delivers what the buffer has ready: full calls, and the rest once its oldest line is due.
   *
   * @return false when the consumer stopped first
   */
  boolean deliverReady(String shardId, ShardBuffer buffer) {
    return buffer.deliverReady(call -> deliver(shardId, deliveryStream, call));
  }

  /**
   * Delivers every line the buffer holds.
   *
   * @return false when the consumer stopped first
   */
  boolean flush(String shardId, ShardBuffer buffer) {
    return buffer.deliverAll(call -> deliver(shardId, deliveryStream, call));
  }

  private EnrichedBatch enrich(String shardId, List<SourceRecord> records) {
    for (int failures = 1; ; failures++) {
      try {
        EnrichedBatch batch = enricher.enrich(records);
        retrier.succeeded(shardId);
        return batch;
      } catch (RuntimeException e) {
        if (!retrier.afterFailure(shardId, failures, "reference lookup: " + e.getMessage())) {
          return null;
        }
      }
    }
  }

  private boolean deliverAll(String shardId, String stream, List<byte[]> records) {
    for (List<byte[]> call : FirehoseBatches.split(records)) {
      if (!deliver(shardId, stream, call)) {
        return false;
      }
    }
    return true;
  }

  /** One call's records, retried (only those Firehose did not accept) until all are accepted. */
  private boolean deliver(String shardId, String stream, List<byte[]> call) {
    List<byte[]> pending = call;
    for (int failures = 1; !(pending = delivery.put(stream, pending)).isEmpty(); failures++) {
      String what = "Firehose " + stream + " did not accept " + pending.size() + " records";
      if (!retrier.afterFailure(shardId, failures, what)) {
        return false;
      }
    }
    retrier.succeeded(shardId);
    return true;
  }
}
