package io.aiplatform.enrichment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchRequest;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponseEntry;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * Makes PutRecordBatch partially fail the way Firehose does, which the emulator never does: for the
 * first {@code calls} calls, every {@code every}-th record is withheld from the emulator and
 * reported back as failed with ServiceUnavailableException. What reaches S3 is therefore exactly
 * what the response says was accepted.
 */
public final class PartialFailureInterceptor implements ExecutionInterceptor {

  private static final ExecutionAttribute<List<Integer>> WITHHELD =
      new ExecutionAttribute<>("withheld-records");

  private final int every;
  private final AtomicInteger remainingCalls;
  private final AtomicInteger failedEntries = new AtomicInteger();

  public PartialFailureInterceptor(int every, int calls) {
    this.every = every;
    this.remainingCalls = new AtomicInteger(calls);
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    if (!(context.request() instanceof PutRecordBatchRequest request)
        || request.records().size() < 2
        || remainingCalls.getAndDecrement() <= 0) {
      return context.request();
    }
    List<Integer> withheld = new ArrayList<>();
    List<Record> sent = new ArrayList<>();
    for (int i = 0; i < request.records().size(); i++) {
      if (i % every == every - 1 || (every == 1 && i > 0)) {
        withheld.add(i);
      } else {
        sent.add(request.records().get(i));
      }
    }
    attributes.putAttribute(WITHHELD, withheld);
    failedEntries.addAndGet(withheld.size());
    return request.toBuilder().records(sent).build();
  }

  @Override
  public SdkResponse modifyResponse(
      Context.ModifyResponse context, ExecutionAttributes attributes) {
    List<Integer> withheld = attributes.getAttribute(WITHHELD);
    if (withheld == null || !(context.response() instanceof PutRecordBatchResponse response)) {
      return context.response();
    }
    List<PutRecordBatchResponseEntry> entries = new ArrayList<>(response.requestResponses());
    for (int index : withheld) {
      entries.add(
          index,
          PutRecordBatchResponseEntry.builder()
              .errorCode("ServiceUnavailableException")
              .errorMessage("Slow down.")
              .build());
    }
    return response.toBuilder().failedPutCount(withheld.size()).requestResponses(entries).build();
  }

  /** How many records were reported as failed so far. */
  public int failedEntries() {
    return failedEntries.get();
  }
}
