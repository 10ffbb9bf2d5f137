package io.aiplatform.api.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Makes the application's SQS sends fail as if the endpoint were unreachable while switched on, and
 * counts the sends that got through. The emulator cannot be made unreachable on demand, so the
 * fault is injected at the SDK layer.
 */
public final class SqsOutage implements ExecutionInterceptor {

  private final AtomicBoolean down = new AtomicBoolean();
  private final List<String> delivered = new CopyOnWriteArrayList<>();

  public void begin() {
    down.set(true);
  }

  public void end() {
    down.set(false);
  }

  /** Deduplication ids (job ids) of every send that reached SQS, in order. */
  public List<String> deliveredDeduplicationIds() {
    return List.copyOf(delivered);
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attrs) {
    if (down.get() && context.request() instanceof SendMessageRequest) {
      throw SdkClientException.create("Unable to execute HTTP request: Connection refused");
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attrs) {
    if (context.request() instanceof SendMessageRequest send) {
      delivered.add(send.messageDeduplicationId());
    }
  }
}
