package io.aiplatform.enrichment;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Fails every call of one operation before it leaves the client, like an unreachable service. */
public final class FailingInterceptor implements ExecutionInterceptor {

  private final String operation;
  private final AtomicInteger failures = new AtomicInteger();

  public FailingInterceptor(String operation) {
    this.operation = operation;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    if (operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
      failures.incrementAndGet();
      throw SdkClientException.create("injected: " + operation + " unreachable");
    }
  }

  /** How many calls were failed so far. */
  public int failures() {
    return failures.get();
  }
}
