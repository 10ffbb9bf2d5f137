package io.aiplatform.worker.jobs;

import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningResult;
import io.aiplatform.contracts.QueueNames;
import io.aiplatform.worker.WorkerProperties;
import io.aiplatform.worker.provisioning.Delivery;
import io.aiplatform.worker.provisioning.RetryLaterException;
import io.awspring.cloud.sqs.annotation.SqsListener;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.awspring.cloud.sqs.listener.Visibility;
import io.awspring.cloud.sqs.operations.SqsTemplate;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Takes jobs from the FIFO jobs queue and answers each finished one on the results queue.
 *
 * <p>A job that hit a transient error is not finished: its message stays on the queue, invisible
 * for a delay that doubles per receive, and SQS moves it to the DLQ after the redrive policy's
 * receive count; on that last receive the job ends as failed instead, so nothing is left half
 * built. While a job runs, a heartbeat keeps its message invisible to other workers.
 */
@Component
class JobListener {

  private static final Logger log = LoggerFactory.getLogger(JobListener.class);

  private final JobHandler handler;
  private final JobsQueue queue;
  private final SqsTemplate sqs;
  private final ThreadPoolTaskScheduler scheduler;
  private final WorkerProperties properties;
  private final MeterRegistry meters;
  private final Clock clock;

  JobListener(
      JobHandler handler,
      JobsQueue queue,
      SqsTemplate sqs,
      ThreadPoolTaskScheduler visibilityScheduler,
      WorkerProperties properties,
      MeterRegistry meters,
      Clock clock) {
    this.handler = handler;
    this.queue = queue;
    this.sqs = sqs;
    this.scheduler = visibilityScheduler;
    this.properties = properties;
    this.meters = meters;
    this.clock = clock;
  }

  @SqsListener(
      queueNames = "${platform.worker.jobs-queue:" + QueueNames.JOBS + "}",
      factory = "jobsListenerFactory")
  void onJob(
      ProvisioningJob job,
      Visibility visibility,
      @Header(SqsHeaders.MessageSystemAttributes.SQS_APPROXIMATE_RECEIVE_COUNT) String receives) {
    int receiveCount = Integer.parseInt(receives);
    Delivery delivery = new Delivery(receiveCount, receiveCount >= queue.maxReceiveCount());
    Timer.Sample timing = Timer.start(meters);
    ProvisioningResult result;
    try {
      result = runWithHeartbeat(job, delivery, visibility);
    } catch (RetryLaterException e) {
      timing.stop(timer(job, "RETRY"));
      Duration delay = Backoff.delay(receiveCount, properties);
      log.warn("job {} will run again in {}: {}", job.jobId(), delay, e.getMessage());
      visibility.changeTo((int) delay.toSeconds());
      throw e;
    }
    timing.stop(timer(job, result.outcome().name()));
    sqs.send(properties.resultsQueue(), result);
  }

  /** The heartbeat stops before anything else touches the message's visibility. */
  private ProvisioningResult runWithHeartbeat(
      ProvisioningJob job, Delivery delivery, Visibility visibility) {
    ScheduledFuture<?> heartbeat = startHeartbeat(visibility);
    try {
      return handler.handle(job, delivery);
    } finally {
      heartbeat.cancel(false);
    }
  }

  /** Job attempts by kind and outcome ({@code SUCCEEDED}, {@code FAILED}, {@code RETRY}). */
  private Timer timer(ProvisioningJob job, String outcome) {
    return Timer.builder("platform.worker.jobs")
        .description("Provisioning job attempts")
        .tag("kind", job.kind().name())
        .tag("outcome", outcome)
        .register(meters);
  }

  private ScheduledFuture<?> startHeartbeat(Visibility visibility) {
    Duration extension = properties.visibilityExtension();
    int seconds = (int) extension.toSeconds();
    Duration period = extension.dividedBy(2);
    return scheduler.scheduleAtFixedRate(
        () -> visibility.changeToAsync(seconds), clock.instant().plus(period), period);
  }
}
