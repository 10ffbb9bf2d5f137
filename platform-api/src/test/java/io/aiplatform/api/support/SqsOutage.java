package io.aiplatform.api.support;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Makes the application's SQS sends fail as if the endpoint were unreachable while switched on, or
 * wait as if it were slow, and counts the sends that got through. The emulator cannot be made
 * unreachable on demand, so the fault is injected at the SDK layer.
 */
public final class SqsOutage implements ExecutionInterceptor {

  private final AtomicBoolean down = new AtomicBoolean();
  private final List<String> delivered = new CopyOnWriteArrayList<>();
  private final AtomicInteger batchCalls = new AtomicInteger();
  private volatile CountDownLatch held = new CountDownLatch(0);

  public void begin() {
    down.set(true);
  }

  /** Ends an outage and releases held sends. */
  public void end() {
    down.set(false);
    held.countDown();
  }

  /** Sends wait (as on a slow network) until {@link #end()}, for at most 30 s. */
  public void holdSends() {
    held = new CountDownLatch(1);
  }

  /** SendMessageBatch calls that reached SQS so far. */
  public int batchCalls() {
    return batchCalls.get();
  }

  /** Deduplication ids (job ids) of every send that reached SQS, in order. */
  public List<String> deliveredDeduplicationIds() {
    return List.copyOf(delivered);
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attrs) {
    if (!(context.request() instanceof SendMessageRequest
        || context.request() instanceof SendMessageBatchRequest)) {
      return;
    }
    if (down.get()) {
      throw SdkClientException.create("Unable to execute HTTP request: Connection refused");
    }
    try {
      held.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attrs) {
    if (context.request() instanceof SendMessageRequest send) {
      delivered.add(send.messageDeduplicationId());
    }
    if (context.request() instanceof SendMessageBatchRequest batch
        && context.response() instanceof SendMessageBatchResponse response) {
      batchCalls.incrementAndGet();
      Set<String> sent =
          response.successful().stream()
              .map(SendMessageBatchResultEntry::id)
              .collect(Collectors.toSet());
      batch.entries().stream()
          .filter(entry -> sent.contains(entry.id()))
          .forEach(entry -> delivered.add(entry.messageDeduplicationId()));
    }
  }
}
