package io.aiplatform.enrichment.consumer;

import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the KCL worker with the application: started once everything else is up, stopped first on
 * shutdown (SIGTERM during a blue/green deploy), so that the final checkpoints are written and the
 * leases handed over while the AWS clients are still open.
 */
final class ConsumerLifecycle implements SmartLifecycle {

  private final Supplier<ConsumerWorker> workers;
  private ConsumerWorker worker;

  ConsumerLifecycle(Supplier<ConsumerWorker> workers) {
    this.workers = workers;
  }

  @Override
  public synchronized void start() {
    worker = workers.get();
    worker.start();
  }

  @Override
  public synchronized void stop() {
    if (worker != null) {
      worker.stop();
      worker = null;
    }
  }

  /** Whether the KCL scheduler thread is alive (it ends when initialisation gives up). */
  synchronized boolean isConsuming() {
    return worker != null && worker.isRunning();
  }

  @Override
  public synchronized boolean isRunning() {
    return worker != null;
  }
}
