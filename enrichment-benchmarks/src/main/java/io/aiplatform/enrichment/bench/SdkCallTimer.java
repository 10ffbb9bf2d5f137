package io.aiplatform.enrichment.bench;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Times every SDK call of the JVM: registered as a global interceptor (classpath file {@code
 * software/amazon/awssdk/global/handlers/execution.interceptors}), so it sits on the clients the
 * consumer application builds itself, KCL's included. It records nothing until {@link #start()}.
 * State is static because the SDK creates one instance per client.
 */
public final class SdkCallTimer implements ExecutionInterceptor {

  private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("bench.started");
  private static final ExecutionAttribute<String> THREAD = new ExecutionAttribute<>("bench.thread");

  private static volatile Listener listener;
  private static final Map<String, long[]> byOperation = new ConcurrentHashMap<>();
  private static final Map<String, Long> nanosByThread = new ConcurrentHashMap<>();
  private static final Set<String> deliveringThreads = ConcurrentHashMap.newKeySet();
  private static int inFlight;
  private static long busySince;
  private static long busyNanos;

  /** Told about each finished call, on the thread that finishes it. */
  interface Listener {
    void finished(String operation, Context.AfterExecution context);
  }

  /** Starts recording, forgetting anything recorded before. */
  static synchronized void start(Listener onFinished) {
    byOperation.clear();
    nanosByThread.clear();
    deliveringThreads.clear();
    // Calls already in flight keep counting; busy time restarts from now.
    busySince = System.nanoTime();
    busyNanos = 0;
    listener = onFinished;
  }

  /** Stops recording. */
  static void stop() {
    listener = null;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    if (listener == null) {
      return;
    }
    attributes.putAttribute(STARTED, System.nanoTime());
    attributes.putAttribute(THREAD, Thread.currentThread().getName());
    synchronized (SdkCallTimer.class) {
      if (inFlight++ == 0) {
        busySince = System.nanoTime();
      }
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    Listener current = listener;
    String operation = finish(attributes);
    if (current != null && operation != null) {
      current.finished(operation, context);
    }
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    finish(attributes);
  }

  private static String finish(ExecutionAttributes attributes) {
    Long started = attributes.getAttribute(STARTED);
    if (started == null || listener == null) {
      return null;
    }
    long nanos = System.nanoTime() - started;
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    String thread = attributes.getAttribute(THREAD);
    byOperation.compute(
        operation,
        (op, v) -> v == null ? new long[] {1, nanos} : new long[] {v[0] + 1, v[1] + nanos});
    nanosByThread.merge(thread, nanos, Long::sum);
    if ("PutRecordBatch".equals(operation)) {
      deliveringThreads.add(thread);
    }
    synchronized (SdkCallTimer.class) {
      if (inFlight > 0 && --inFlight == 0) {
        busyNanos += System.nanoTime() - busySince;
      }
    }
    return operation;
  }

  /** Calls and nanoseconds spent inside them, by operation. */
  static Map<String, long[]> byOperation() {
    return new TreeMap<>(byOperation);
  }

  /**
   * Nanoseconds the shard-processing threads (those that call Firehose) spent inside SDK calls of
   * any kind: DynamoDB lookups, Firehose puts, checkpoints.
   */
  static long processingThreadNanos() {
    return deliveringThreads.stream().mapToLong(t -> nanosByThread.getOrDefault(t, 0L)).sum();
  }

  /** Nanoseconds during which at least one SDK call was in flight. */
  static synchronized long busyNanos() {
    return busyNanos + (inFlight > 0 ? System.nanoTime() - busySince : 0);
  }
}
