package io.aiplatform.enrichment.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponseEntry;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * One PutRecordBatch attempt at a time: reports which records Firehose did not accept so that only
 * those are retried. Whole-call failures (throttling, 5xx) were already retried by the SDK's retry
 * strategy before they reach here.
 */
public final class FirehoseDelivery {

  private static final Logger log = LoggerFactory.getLogger(FirehoseDelivery.class);

  private final FirehoseClient firehose;
  private final MeterRegistry registry;

  /** Delivery through {@code firehose}, counted in {@code registry}. */
  public FirehoseDelivery(FirehoseClient firehose, MeterRegistry registry) {
    this.firehose = firehose;
    this.registry = registry;
  }

  /**
   * Sends one call's worth of records (see {@link FirehoseBatches#split}).
   *
   * @return the records Firehose did not accept, in order; all of them when the call failed
   */
  public List<byte[]> put(String stream, List<byte[]> call) {
    counter("enrichment.firehose.calls", "PutRecordBatch calls", stream).increment();
    List<Record> records =
        call.stream()
            .map(r -> Record.builder().data(SdkBytes.fromByteArrayUnsafe(r)).build())
            .toList();
    List<byte[]> failed;
    try {
      PutRecordBatchResponse response =
          firehose.putRecordBatch(b -> b.deliveryStreamName(stream).records(records));
      failed = failedEntries(call, response);
    } catch (SdkException e) {
      log.warn("PutRecordBatch to {} failed: {}", stream, e.getMessage());
      failed = call;
    }
    if (!failed.isEmpty()) {
      counter("enrichment.firehose.failed.entries", "Records Firehose did not accept", stream)
          .increment(failed.size());
    }
    return failed;
  }

  private static List<byte[]> failedEntries(List<byte[]> call, PutRecordBatchResponse response) {
    if (response.failedPutCount() == null || response.failedPutCount() == 0) {
      return List.of();
    }
    List<byte[]> failed = new ArrayList<>();
    List<PutRecordBatchResponseEntry> entries = response.requestResponses();
    for (int i = 0; i < call.size(); i++) {
      if (i >= entries.size() || entries.get(i).errorCode() != null) {
        failed.add(call.get(i));
      }
    }
    PutRecordBatchResponseEntry first =
        entries.stream().filter(e -> e.errorCode() != null).findFirst().orElse(null);
    log.warn(
        "Firehose did not accept {} of {} records, first error: {}",
        failed.size(),
        call.size(),
        first == null ? "none reported" : first.errorCode() + " " + first.errorMessage());
    return failed;
  }

  private Counter counter(String name, String description, String stream) {
    return Counter.builder(name).description(description).tag("stream", stream).register(registry);
  }
}
