package io.aiplatform.api.provisioning;

import io.aiplatform.api.ApiProperties;
import io.aiplatform.api.reconcile.VerifyRequested;
import io.aiplatform.api.registration.JobRequested;
import io.aiplatform.contracts.ProvisioningJob;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox relay: sends each job to the SQS FIFO jobs queue after the transaction that requested
 * it committed. Spring Modulith records the publication in that transaction and marks it complete
 * only when this listener returns; a failed send stays incomplete and {@link OutboxResubmission}
 * tries again.
 *
 * <p>Sends go through the SDK's batch manager, which gathers the jobs of concurrent registrations
 * into SendMessageBatch calls of up to ten, so a burst costs a tenth of the calls. The listener
 * runs outside any transaction (not {@code @ApplicationModuleListener}, which opens one): waiting
 * for SQS must not hold one of the requests' database connections.
 *
 * <p>Delivery is at least once: a crash between the send and the completion, or two instances
 * resubmitting the same publication, can send a job twice. SQS FIFO drops the copy, because the
 * deduplication id is the job id and the copies fall within its five-minute deduplication window;
 * the worker is idempotent for anything later.
 */
@Component
class JobRelay {

  private static final Logger log = LoggerFactory.getLogger(JobRelay.class);

  /** Longer than the SDK's whole retry budget for one call; a hung send must not pin a thread. */
  private static final long SEND_TIMEOUT_SECONDS = 60;

  private final SqsAsyncClient sqs;
  private final RelayBatches batches;
  private final JsonMapper json;
  private final String queue;
  private volatile String queueUrl;

  JobRelay(SqsAsyncClient sqs, RelayBatches batches, JsonMapper json, ApiProperties properties) {
    this.sqs = sqs;
    this.batches = batches;
    this.json = json;
    this.queue = properties.jobsQueue();
  }

  @Async("relayExecutor")
  @TransactionalEventListener
  void send(JobRequested event) throws InterruptedException, TimeoutException {
    relay(event.job());
  }

  /** A verify goes the same way: through the outbox to the jobs queue. */
  @Async("relayExecutor")
  @TransactionalEventListener
  void sendVerify(VerifyRequested event) throws InterruptedException, TimeoutException {
    relay(event.job());
  }

  private void relay(ProvisioningJob job) throws InterruptedException, TimeoutException {
    SendMessageRequest request =
        SendMessageRequest.builder()
            .queueUrl(queueUrl())
            .messageBody(json.writeValueAsString(job))
            .messageGroupId(job.systemId().toString())
            .messageDeduplicationId(job.jobId().toString())
            .build();
    try {
      batches.send(request).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new JobNotSentException(job, e.getCause());
    }
    log.info("Sent {} job {} for system {}", job.kind(), job.jobId(), job.systemId());
  }

  /** Looked up on first use, not at start-up: the API starts and accepts jobs while SQS is down. */
  private String queueUrl() throws InterruptedException, TimeoutException {
    String url = queueUrl;
    if (url == null) {
      try {
        url =
            sqs.getQueueUrl(r -> r.queueName(queue))
                .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .queueUrl();
      } catch (ExecutionException e) {
        throw new IllegalStateException("Cannot resolve the jobs queue " + queue, e.getCause());
      }
      queueUrl = url;
    }
    return url;
  }

  /** The job stays in the outbox and is sent again by {@link OutboxResubmission}. */
  static final class JobNotSentException extends RuntimeException {
    JobNotSentException(ProvisioningJob job, Throwable cause) {
      super("Job " + job.jobId() + " for system " + job.systemId() + " was not sent", cause);
    }
  }
}
