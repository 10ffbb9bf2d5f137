package io.aiplatform.api.provisioning;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.batchmanager.SqsAsyncBatchManager;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * The SDK batch manager the outbox relay sends through, with the timer thread it needs. The timer
 * is deliberately not a bean: a {@link ScheduledExecutorService} bean would displace Spring Boot's
 * task scheduler, and every {@code @Scheduled} job would then share this one thread.
 */
final class RelayBatches implements AutoCloseable {

  private final ScheduledExecutorService timer;
  private final SqsAsyncBatchManager batches;

  RelayBatches(SqsAsyncClient sqs, Duration window) {
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "outbox-batch-timer");
              t.setDaemon(true);
              return t;
            });
    this.batches =
        SqsAsyncBatchManager.builder()
            .client(sqs)
            .scheduledExecutor(timer)
            .overrideConfiguration(o -> o.maxBatchSize(10).sendRequestFrequency(window))
            .build();
  }

  /** Completes when SQS accepted the message, in a SendMessageBatch with others in flight. */
  CompletableFuture<SendMessageResponse> send(SendMessageRequest request) {
    return batches.sendMessage(request);
  }

  @Override
  public void close() {
    batches.close();
    timer.shutdown();
  }
}
