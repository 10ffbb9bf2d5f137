package io.aiplatform.enrichment.consumer;

import io.aiplatform.enrichment.delivery.ShardBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.kinesis.exceptions.InvalidStateException;
import software.amazon.kinesis.exceptions.KinesisClientLibDependencyException;
import software.amazon.kinesis.exceptions.KinesisClientLibException;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.exceptions.ThrottlingException;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;

/**
 * Writes a shard's checkpoints, retrying throttling and DynamoDB failures a few times. A checkpoint
 * that cannot be written is not fatal: the records since the previous one are read again.
 */
final class Checkpoints {

  private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
  private static final int ATTEMPTS = 5;

  private final String shardId;

  Checkpoints(String shardId) {
    this.shardId = shardId;
  }

  /** Checkpoints at {@code position}, the end of the newest fully delivered batch, if any. */
  void delivered(RecordProcessorCheckpointer checkpointer, ShardBuffer.Position position) {
    if (position != null) {
      write(() -> checkpointer.checkpoint(position.sequenceNumber(), position.subSequenceNumber()));
    }
  }

  /** Checkpoints at the last record KCL handed over; only once every line was delivered. */
  void all(RecordProcessorCheckpointer checkpointer) {
    write(checkpointer::checkpoint);
  }

  private void write(Checkpoint checkpoint) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        checkpoint.write();
        return;
      } catch (ShutdownException e) {
        log.info("{}: lease already gone, checkpoint left to the next owner", shardId);
        return;
      } catch (ThrottlingException | KinesisClientLibDependencyException e) {
        log.warn("{}: checkpoint attempt {} failed: {}", shardId, attempt, e.getMessage());
      } catch (InvalidStateException | IllegalArgumentException e) {
        log.error("{}: checkpoint refused", shardId, e);
        return;
      } catch (KinesisClientLibException e) {
        log.error("{}: checkpoint failed", shardId, e);
        return;
      }
    }
    log.error(
        "{}: checkpoint failed {} times; records since will be read again", shardId, ATTEMPTS);
  }

  @FunctionalInterface
  private interface Checkpoint {
    void write() throws KinesisClientLibException;
  }
}
