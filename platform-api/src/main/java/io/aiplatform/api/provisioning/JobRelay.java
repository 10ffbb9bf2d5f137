package io.aiplatform.api.provisioning;

import io.aiplatform.api.ApiProperties;
import io.aiplatform.api.registration.JobRequested;
import io.aiplatform.contracts.ProvisioningJob;
import io.awspring.cloud.sqs.operations.SqsTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The outbox relay: sends each job to the SQS FIFO jobs queue after the transaction that requested
 * it committed. Spring Modulith records the publication in that transaction and marks it complete
 * only when this listener returns; a failed send stays incomplete and {@link OutboxResubmission}
 * tries again.
 *
 * <p>Delivery is at least once: a crash between the send and the completion, or two instances
 * resubmitting the same publication, can send a job twice. SQS FIFO drops the copy, because the
 * deduplication id is the job id and the copies fall within its five-minute deduplication window;
 * the worker is idempotent for anything later.
 */
@Component
class JobRelay {

  private static final Logger log = LoggerFactory.getLogger(JobRelay.class);

  private final SqsTemplate sqs;
  private final String queue;

  JobRelay(SqsTemplate sqs, ApiProperties properties) {
    this.sqs = sqs;
    this.queue = properties.jobsQueue();
  }

  @ApplicationModuleListener
  void send(JobRequested event) {
    ProvisioningJob job = event.job();
    sqs.send(
        to ->
            to.queue(queue)
                .payload(job)
                .messageGroupId(job.systemId().toString())
                .messageDeduplicationId(job.jobId().toString()));
    log.info("Sent {} job {} for system {}", job.kind(), job.jobId(), job.systemId());
  }
}
