package io.aiplatform.enrichment.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The enriched lines of one shard not yet delivered, kept across KCL batches so that a quiet shard
 * fills its PutRecordBatch calls instead of paying one call per small batch. Each batch appended
 * leaves a mark: the stream position of its last record and the count of lines up to its end. A
 * mark becomes checkpointable only once every line up to it was delivered, so a checkpoint never
 * passes an undelivered line.
 *
 * <p>Full calls (500 records or 4 MiB, as {@link FirehoseBatches} cuts them) go out as soon as they
 * are full; the rest waits until its oldest line has waited {@code maxBufferTime} (zero: every
 * batch goes out as it arrives). Not thread-safe: one per shard processor.
 */
public final class ShardBuffer {

  private final Duration maxBufferTime;
  private final Clock clock;
  private final List<byte[]> pending = new ArrayList<>();
  private final Deque<Mark> marks = new ArrayDeque<>();
  private long appended;
  private long delivered;

  /** A buffer holding lines for at most {@code maxBufferTime} as measured by {@code clock}. */
  public ShardBuffer(Duration maxBufferTime, Clock clock) {
    this.maxBufferTime = maxBufferTime;
    this.clock = clock;
  }

  /** Appends a batch's lines (possibly none), which end at {@code end} in the shard. */
  public void append(List<byte[]> lines, Position end) {
    pending.addAll(lines);
    appended += lines.size();
    marks.addLast(new Mark(end, appended, clock.instant()));
  }

  /**
   * Sends every full call, then the rest too if its oldest line has waited long enough.
   *
   * @return false when {@code sender} gave up because the consumer stops
   */
  public boolean deliverReady(Sender sender) {
    return deliver(sender, false) && (!isDue() || deliver(sender, true));
  }

  /**
   * Sends every pending line (shard end, graceful stop).
   *
   * @return false when {@code sender} gave up because the consumer stops
   */
  public boolean deliverAll(Sender sender) {
    return deliver(sender, true);
  }

  /**
   * The newest position up to which every line was delivered, if it advanced since the last call;
   * null otherwise. A batch with no lines counts as delivered once everything before it is.
   */
  public Position checkpointable() {
    Position newest = null;
    while (!marks.isEmpty() && marks.peekFirst().end() <= delivered) {
      newest = marks.pollFirst().position();
    }
    return newest;
  }

  /** Lines appended and not yet delivered. */
  public int pendingLines() {
    return pending.size();
  }

  /** Forgets everything (the lease is gone: the next owner reads these records again). */
  public void clear() {
    pending.clear();
    marks.clear();
    delivered = appended;
  }

  private boolean deliver(Sender sender, boolean everything) {
    List<List<byte[]>> calls = FirehoseBatches.split(pending);
    int ready = calls.size();
    if (!everything && ready > 0 && !FirehoseBatches.isFull(calls.get(ready - 1))) {
      ready--;
    }
    int sent = 0;
    boolean completed = true;
    for (List<byte[]> call : calls.subList(0, ready)) {
      if (!sender.send(call)) {
        completed = false;
        break;
      }
      sent += call.size();
    }
    pending.subList(0, sent).clear();
    delivered += sent;
    return completed;
  }

  private boolean isDue() {
    for (Mark mark : marks) {
      if (mark.end() > delivered) {
        // The first batch with undelivered lines holds the oldest pending line.
        return !clock.instant().isBefore(mark.appendedAt().plus(maxBufferTime));
      }
    }
    return false;
  }

  /**
   * Where a batch ends in its shard.
   *
   * @param sequenceNumber the sequence number of its last record
   * @param subSequenceNumber that record's position within a KPL-aggregated record (0 otherwise)
   */
  public record Position(String sequenceNumber, long subSequenceNumber) {}

  /** Sends one PutRecordBatch call's records, retrying until Firehose accepted all of them. */
  @FunctionalInterface
  public interface Sender {

    /**
     * @return false when the consumer stops first: this call and all after it stay pending
     */
    boolean send(List<byte[]> call);
  }

  private record Mark(Position position, long end, Instant appendedAt) {}
}
