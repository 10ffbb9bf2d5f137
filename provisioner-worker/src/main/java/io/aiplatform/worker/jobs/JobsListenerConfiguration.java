package io.aiplatform.worker.jobs;

import io.aiplatform.worker.WorkerProperties;
import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.awspring.cloud.sqs.listener.QueueNotFoundStrategy;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** The jobs listener's container and the scheduler of its visibility heartbeats. */
@Configuration(proxyBeanMethods = false)
class JobsListenerConfiguration {

  /** Runs the visibility heartbeats of running jobs. */
  @Bean
  ThreadPoolTaskScheduler visibilityScheduler() {
    ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    scheduler.setPoolSize(2);
    scheduler.setThreadNamePrefix("visibility-");
    return scheduler;
  }

  /**
   * The jobs listener's factory: concurrency and poll timeout come from the worker's settings, so
   * they are validated and documented with the others. One receive returns at most 10.
   */
  @Bean
  SqsMessageListenerContainerFactory<Object> jobsListenerFactory(
      SqsAsyncClient sqs, WorkerProperties properties) {
    return SqsMessageListenerContainerFactory.builder()
        .sqsAsyncClient(sqs)
        .configure(
            options ->
                options
                    .maxConcurrentMessages(properties.concurrency())
                    .maxMessagesPerPoll(Math.min(10, properties.concurrency()))
                    .pollTimeout(properties.pollTimeout())
                    // Received jobs stay hidden only as long as a heartbeat period covers: a
                    // receive whose answer is lost, or a worker killed mid-job, hands its jobs
                    // back after this, not after the queue's default visibility timeout.
                    .messageVisibility(properties.visibilityExtension())
                    // Finished jobs are deleted in batches: one DeleteMessageBatch per burst,
                    // not one call per job. A crash before the delete only re-runs a finished,
                    // idempotent job, whose second result platform-api ignores.
                    .acknowledgementInterval(Duration.ofMillis(200))
                    .acknowledgementThreshold(10)
                    // A queue created on the fly would lack the DLQ platform-api relies on.
                    .queueNotFoundStrategy(QueueNotFoundStrategy.FAIL))
        .build();
  }
}
