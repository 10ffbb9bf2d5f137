package io.aiplatform.enrichment.delivery;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits records into PutRecordBatch calls that respect every Firehose limit, keeping their order.
 */
public final class FirehoseBatches {

  /** Records per PutRecordBatch call. */
  public static final int MAX_RECORDS_PER_CALL = 500;

  /** Bytes of record data per PutRecordBatch call (4 MiB). */
  public static final int MAX_BYTES_PER_CALL = 4 * 1024 * 1024;

  /** Bytes of data per record (1,000 KiB), before base64 encoding. */
  public static final int MAX_RECORD_BYTES = 1000 * 1024;

  private FirehoseBatches() {}

  /**
   * The records in order, cut into calls of at most 500 records and 4 MiB each.
   *
   * @throws IllegalArgumentException for a record larger than {@link #MAX_RECORD_BYTES}, which no
   *     call can carry (callers route those to the error destination first)
   */
  public static List<List<byte[]>> split(List<byte[]> records) {
    List<List<byte[]>> calls = new ArrayList<>();
    List<byte[]> current = new ArrayList<>();
    long currentBytes = 0;
    for (byte[] record : records) {
      if (record.length > MAX_RECORD_BYTES) {
        throw new IllegalArgumentException(
            "record of " + record.length + " bytes exceeds Firehose's " + MAX_RECORD_BYTES);
      }
      if (current.size() == MAX_RECORDS_PER_CALL
          || currentBytes + record.length > MAX_BYTES_PER_CALL) {
        calls.add(current);
        current = new ArrayList<>();
        currentBytes = 0;
      }
      current.add(record);
      currentBytes += record.length;
    }
    if (!current.isEmpty()) {
      calls.add(current);
    }
    return calls;
  }

  /**
   * Whether the last call of a {@link #split} can take no further record: it holds 500 records or
   * exactly 4 MiB. (Every other call of a split was closed because the next record did not fit.)
   */
  public static boolean isFull(List<byte[]> call) {
    if (call.size() >= MAX_RECORDS_PER_CALL) {
      return true;
    }
    long bytes = 0;
    for (byte[] record : call) {
      bytes += record.length;
    }
    return bytes >= MAX_BYTES_PER_CALL;
  }
}
