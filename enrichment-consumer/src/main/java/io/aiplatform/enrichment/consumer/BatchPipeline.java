package io.aiplatform.enrichment.consumer;

import io.aiplatform.enrichment.delivery.FirehoseBatches;
import io.aiplatform.enrichment.delivery.FirehoseDelivery;
import io.aiplatform.enrichment.enrich.EnrichedBatch;
import io.aiplatform.enrichment.enrich.EventEnricher;
import io.aiplatform.enrichment.enrich.SourceRecord;
import java.util.List;

/**
 * Enriches a shard's batch and delivers all of it: enriched lines to the delivery stream, error
 * records to the error stream. Each step is retried until it succeeds or the consumer stops.
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
   * @return true when every record was accepted by Firehose (and may be checkpointed); false when
   *     the consumer stopped first
   */
  boolean process(String shardId, List<SourceRecord> records) {
    EnrichedBatch batch = enrich(shardId, records);
    return batch != null
        && deliver(shardId, deliveryStream, batch.lines())
        && deliver(shardId, errorStream, batch.errors());
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

  private boolean deliver(String shardId, String stream, List<byte[]> records) {
    for (List<byte[]> call : FirehoseBatches.split(records)) {
      List<byte[]> pending = call;
      for (int failures = 1; !(pending = delivery.put(stream, pending)).isEmpty(); failures++) {
        String what = "Firehose " + stream + " did not accept " + pending.size() + " records";
        if (!retrier.afterFailure(shardId, failures, what)) {
          return false;
        }
      }
      retrier.succeeded(shardId);
    }
    return true;
  }
}
