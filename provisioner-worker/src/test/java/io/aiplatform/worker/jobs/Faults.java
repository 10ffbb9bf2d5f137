package io.aiplatform.worker.jobs;

import io.awspring.cloud.autoconfigure.AwsSyncClientCustomizer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Injects AWS errors and delays the emulator cannot produce, into every synchronous client of the
 * worker, and counts calls. Rules match an operation name and a string in the request (a system
 * name), so tests running one after another never hit each other's leftovers.
 */
final class Faults implements AwsSyncClientCustomizer {

  /** The longest a {@link #hold} keeps a call. */
  static final Duration HOLD_LIMIT = Duration.ofMinutes(2);

  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();

  /** One call a client made, and on which thread (a job runs on one). */
  record Call(String service, String operation, String request, String thread) {}

  /** A fault that fires on matching calls a number of times and remembers when it did. */
  static final class Rule {
    private final String operation;
    private final String marker;
    private final AtomicInteger remaining;
    private final AwsServiceException error;
    private final Duration delay;
    private final CountDownLatch held;
    private final List<Instant> firedAt = new CopyOnWriteArrayList<>();

    private Rule(
        String operation,
        String marker,
        int times,
        AwsServiceException error,
        Duration delay,
        CountDownLatch held) {
      this.operation = operation;
      this.marker = marker;
      this.remaining = new AtomicInteger(times);
      this.error = error;
      this.delay = delay;
      this.held = held;
    }

    List<Instant> firedAt() {
      return firedAt;
    }

    /** Lets a call held by {@link Faults#hold} go out. */
    void release() {
      held.countDown();
    }

    private boolean matches(String op, String request) {
      return operation.equals(op) && request.contains(marker) && remaining.getAndDecrement() > 0;
    }
  }

  /** Fails the next {@code times} calls of the operation whose request mentions {@code marker}. */
  Rule fail(String operation, String marker, int times, int status, String code) {
    AwsServiceException error =
        AwsServiceException.builder()
            .statusCode(status)
            .requestId("injected-" + code + "-request")
            .message(code + " (injected)")
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode(code)
                    .errorMessage("injected " + code + " on " + operation)
                    .serviceName("injected")
                    .build())
            .build();
    Rule rule = new Rule(operation, marker, times, error, null, null);
    rules.add(rule);
    return rule;
  }

  /** Fails the next {@code times} matching calls with this very exception. */
  Rule fail(String operation, String marker, int times, AwsServiceException error) {
    Rule rule = new Rule(operation, marker, times, error, null, null);
    rules.add(rule);
    return rule;
  }

  /** Holds the next matching call for {@code delay} before it goes out. */
  Rule slow(String operation, String marker, Duration delay) {
    Rule rule = new Rule(operation, marker, 1, null, delay, null);
    rules.add(rule);
    return rule;
  }

  /**
   * Holds the next matching call until the test releases the rule (at most {@link #HOLD_LIMIT}, so
   * a failed test cannot leave a job thread blocked for ever).
   */
  Rule hold(String operation, String marker) {
    Rule rule = new Rule(operation, marker, 1, null, null, new CountDownLatch(1));
    rules.add(rule);
    return rule;
  }

  /** The calls made so far on the current thread. */
  List<Call> callsOnThisThread() {
    String thread = Thread.currentThread().getName();
    return calls.stream().filter(c -> c.thread().equals(thread)).toList();
  }

  /** The calls so far whose request mentions {@code marker}. */
  List<Call> callsMentioning(String marker) {
    return calls.stream().filter(c -> c.request().contains(marker)).toList();
  }

  @Override
  public void customize(AwsSyncClientBuilder<?, ?> builder) {
    SdkClientBuilder<?, ?> awsBuilder = (SdkClientBuilder<?, ?>) builder;
    awsBuilder.overrideConfiguration(
        awsBuilder.overrideConfiguration().toBuilder()
            .addExecutionInterceptor(new Injector())
            .build());
  }

  private final class Injector implements ExecutionInterceptor {
    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
      String request = context.request().toString();
      calls.add(new Call(service, operation, request, Thread.currentThread().getName()));
      for (Rule rule : rules) {
        if (rule.matches(operation, request)) {
          rule.firedAt.add(Instant.now());
          if (rule.held != null) {
            await(rule.held);
          } else if (rule.delay != null) {
            pause(rule.delay);
          } else {
            throw rule.error;
          }
        }
      }
    }
  }

  private static void await(CountDownLatch held) {
    try {
      held.await(HOLD_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // Fault injection: this stands in for a slow AWS call, it does not wait for an outcome.
  private static void pause(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
