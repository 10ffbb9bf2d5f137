package io.aiplatform.enrichment.consumer;

import io.aiplatform.enrichment.enrich.SourceRecord;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.kinesis.exceptions.InvalidStateException;
import software.amazon.kinesis.exceptions.KinesisClientLibDependencyException;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.exceptions.ThrottlingException;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * Processes one shard: each batch is enriched and delivered in full, then checkpointed. Nothing is
 * ever thrown out of {@link #processRecords}, because KCL would skip the batch and the next
 * checkpoint would pass over it. A batch abandoned because the consumer stops is never
 * checkpointed, nor is anything after it: the next owner of the lease reads it again.
 */
final class EnrichingRecordProcessor implements ShardRecordProcessor {

  private static final Logger log = LoggerFactory.getLogger(EnrichingRecordProcessor.class);
  private static final int CHECKPOINT_ATTEMPTS = 5;

  private final BatchPipeline pipeline;
  private final StreamLag lag;
  private String shardId = "unknown";
  private boolean abandoned;

  EnrichingRecordProcessor(BatchPipeline pipeline, StreamLag lag) {
    this.pipeline = pipeline;
    this.lag = lag;
  }

  @Override
  public void initialize(InitializationInput input) {
    shardId = input.shardId();
    log.info("{}: processing from {}", shardId, input.extendedSequenceNumber());
  }

  @Override
  public void processRecords(ProcessRecordsInput input) {
    if (abandoned) {
      return;
    }
    try {
      lag.record(shardId, input.millisBehindLatest());
      if (input.records().isEmpty()) {
        return;
      }
      List<SourceRecord> records = input.records().stream().map(this::source).toList();
      if (pipeline.process(shardId, records)) {
        checkpoint(input.checkpointer());
      } else {
        abandon("the consumer is stopping");
      }
    } catch (RuntimeException e) {
      // Only a defect gets here; stop checkpointing so that the batch is read again.
      log.error("{}: unexpected failure, batch will be reprocessed by the next owner", shardId, e);
      abandon(e.toString());
    }
  }

  @Override
  public void leaseLost(LeaseLostInput input) {
    lag.forget(shardId);
    log.info("{}: lease lost", shardId);
  }

  @Override
  public void shardEnded(ShardEndedInput input) {
    lag.forget(shardId);
    if (!abandoned) {
      checkpoint(input.checkpointer());
    }
  }

  @Override
  public void shutdownRequested(ShutdownRequestedInput input) {
    lag.forget(shardId);
    if (!abandoned) {
      checkpoint(input.checkpointer());
    }
  }

  private void abandon(String why) {
    abandoned = true;
    log.warn("{}: batch abandoned without checkpoint ({})", shardId, why);
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

  private void checkpoint(RecordProcessorCheckpointer checkpointer) {
    for (int attempt = 1; attempt <= CHECKPOINT_ATTEMPTS; attempt++) {
      try {
        checkpointer.checkpoint();
        return;
      } catch (ShutdownException e) {
        log.info("{}: lease already gone, checkpoint left to the next owner", shardId);
        return;
      } catch (ThrottlingException | KinesisClientLibDependencyException e) {
        log.warn("{}: checkpoint attempt {} failed: {}", shardId, attempt, e.getMessage());
      } catch (InvalidStateException e) {
        log.error("{}: checkpoint refused", shardId, e);
        return;
      }
    }
    log.error(
        "{}: checkpoint failed {} times; records since will be read again",
        shardId,
        CHECKPOINT_ATTEMPTS);
  }
}
