package io.aiplatform.worker.jobs;

import io.aiplatform.worker.WorkerProperties;
import java.time.Duration;

/** How long a job waits before its next attempt: doubling per receive, capped. */
final class Backoff {

  private Backoff() {}

  static Duration delay(int receiveCount, WorkerProperties properties) {
    int doublings = Math.min(Math.max(receiveCount - 1, 0), 20);
    Duration delay = properties.retryBaseDelay().multipliedBy(1L << doublings);
    return delay.compareTo(properties.retryMaxDelay()) > 0 ? properties.retryMaxDelay() : delay;
  }
}
