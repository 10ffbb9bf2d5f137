package io.aiplatform.enrichment.consumer;

import io.aiplatform.enrichment.delivery.ShardBuffer;
import io.aiplatform.enrichment.enrich.SourceRecord;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * Processes one shard: each batch is enriched at once and its lines join the shard's {@link
 * ShardBuffer}, which delivers full Firehose calls as they fill and the rest once it has waited
 * long enough (KCL calls {@link #processRecords} on every poll, also without records, for that).
 * The checkpoint moves to the end of the newest batch whose lines are all delivered: a checkpoint
 * never passes an undelivered event. Nothing is ever thrown out of {@link #processRecords}, because
 * KCL would skip the batch and the next checkpoint would pass over it. Lines abandoned because the
 * consumer stops are never checkpointed, nor is anything after them: the next owner of the lease
 * reads them again.
 */
final class EnrichingRecordProcessor implements ShardRecordProcessor {

  private static final Logger log = LoggerFactory.getLogger(EnrichingRecordProcessor.class);

  private final BatchPipeline pipeline;
  private final ShardBuffer buffer;
  private final ShardGauges gauges;
  private Checkpoints checkpoints = new Checkpoints("unknown");
  private String shardId = "unknown";
  private boolean abandoned;

  EnrichingRecordProcessor(BatchPipeline pipeline, ShardBuffer buffer, ShardGauges gauges) {
    this.pipeline = pipeline;
    this.buffer = buffer;
    this.gauges = gauges;
  }

  @Override
  public void initialize(InitializationInput input) {
    shardId = input.shardId();
    checkpoints = new Checkpoints(shardId);
    log.info("{}: processing from {}", shardId, input.extendedSequenceNumber());
  }

  @Override
  public void processRecords(ProcessRecordsInput input) {
    if (abandoned) {
      return;
    }
    try {
      gauges.lag(shardId, input.millisBehindLatest());
      List<KinesisClientRecord> records = input.records();
      boolean delivering =
          records.isEmpty()
              ? pipeline.deliverReady(shardId, buffer)
              : pipeline.process(shardId, sources(records), end(records), buffer);
      if (delivering) {
        checkpoints.delivered(input.checkpointer(), buffer.checkpointable());
      } else {
        abandon("the consumer is stopping");
      }
    } catch (RuntimeException e) {
      // Only a defect gets here; stop checkpointing so that the batch is read again.
      log.error("{}: unexpected failure, batch will be reprocessed by the next owner", shardId, e);
      abandon(e.toString());
    } finally {
      gauges.buffered(shardId, buffer.pendingLines());
    }
  }

  @Override
  public void leaseLost(LeaseLostInput input) {
    // The next owner reads from our last checkpoint, which is behind every buffered line.
    log.info("{}: lease lost, {} buffered lines left to the next owner", shardId, lines());
    buffer.clear();
    gauges.forget(shardId);
  }

  @Override
  public void shardEnded(ShardEndedInput input) {
    if (!abandoned && flush("shard end")) {
      // KCL requires this checkpoint at shard end to move on to the child shards.
      checkpoints.all(input.checkpointer());
    }
    gauges.forget(shardId);
  }

  @Override
  public void shutdownRequested(ShutdownRequestedInput input) {
    if (!abandoned && flush("graceful stop")) {
      // Everything read is delivered: the newest position KCL permits is the last batch's mark.
      checkpoints.all(input.checkpointer());
    }
    gauges.forget(shardId);
  }

  private boolean flush(String why) {
    log.info("{}: {}, delivering {} buffered lines", shardId, why, lines());
    try {
      if (pipeline.flush(shardId, buffer)) {
        return true;
      }
      abandon("the consumer stopped while delivering the buffer");
    } catch (RuntimeException e) {
      log.error("{}: unexpected failure delivering the buffer", shardId, e);
      abandon(e.toString());
    }
    return false;
  }

  private void abandon(String why) {
    abandoned = true;
    log.warn("{}: {} lines abandoned without checkpoint ({})", shardId, lines(), why);
  }

  private int lines() {
    return buffer.pendingLines();
  }

  private List<SourceRecord> sources(List<KinesisClientRecord> records) {
    return records.stream().map(this::source).toList();
  }

  private SourceRecord source(KinesisClientRecord record) {
    byte[] data = new byte[record.data().remaining()];
    record.data().duplicate().get(data);
    return new SourceRecord(
        shardId,
        record.sequenceNumber(),
        record.partitionKey(),
        record.approximateArrivalTimestamp(),
        data);
  }

  private static ShardBuffer.Position end(List<KinesisClientRecord> records) {
    KinesisClientRecord last = records.get(records.size() - 1);
    return new ShardBuffer.Position(last.sequenceNumber(), last.subSequenceNumber());
  }
}
