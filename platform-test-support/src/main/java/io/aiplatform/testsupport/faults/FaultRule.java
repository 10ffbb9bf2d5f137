package io.aiplatform.testsupport.faults;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/** A one-shot fault for the next call of an operation whose request mentions a marker. */
public final class FaultRule {

  private final String operation;
  private final String marker;
  private final Fault fault;
  private final AtomicBoolean taken = new AtomicBoolean();
  private final CompletableFuture<String> fired = new CompletableFuture<>();
  private final CountDownLatch released = new CountDownLatch(1);

  FaultRule(String operation, String marker, Fault fault) {
    this.operation = operation;
    this.marker = marker;
    this.fault = fault;
  }

  Fault fault() {
    return fault;
  }

  /** Completes with the request once the call it matched took effect (or was refused). */
  public CompletableFuture<String> fired() {
    return fired;
  }

  /** Lets a held answer go: the connection is then closed without an answer. */
  public void release() {
    released.countDown();
  }

  @Override
  public String toString() {
    return fault + " on " + operation + " mentioning " + marker;
  }

  boolean take(String name, String request) {
    if (!operation.equals(name) || !request.contains(marker) || !taken.compareAndSet(false, true)) {
      return false;
    }
    return true;
  }

  /** The call took effect (forwarded, or refused); a held answer is now being held. */
  void done(String request) {
    fired.complete(request);
  }

  void holdUntilReleased() throws InterruptedException {
    fired.complete(operation + " " + marker);
    released.await();
  }
}
