package io.aiplatform.api.provisioning;

import io.aiplatform.api.ApiProperties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.batchmanager.SqsAsyncBatchManager;

/**
 * The outbox relay's threads and the SDK batch manager it sends through. The relay's own bounded
 * pool keeps a burst of registrations from starting a thread per job; it is large enough that the
 * batch manager fills SendMessageBatch calls of ten when jobs arrive faster than it sends.
 */
@Configuration(proxyBeanMethods = false)
class RelayConfig {

  /** Sends in flight at once; each waits on SQS only. */
  static final int RELAY_THREADS = 32;

  @Bean
  ThreadPoolTaskExecutor relayExecutor() {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(RELAY_THREADS);
    executor.setMaxPoolSize(RELAY_THREADS);
    executor.setThreadNamePrefix("outbox-relay-");
    // Jobs still queued at shutdown stay incomplete in the outbox; OutboxResubmission sends them.
    executor.setWaitForTasksToCompleteOnShutdown(false);
    return executor;
  }

  @Bean(destroyMethod = "shutdown")
  ScheduledExecutorService relayBatchTimer() {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, "outbox-batch-timer");
          t.setDaemon(true);
          return t;
        });
  }

  @Bean(destroyMethod = "close")
  SqsAsyncBatchManager relayBatches(
      SqsAsyncClient sqs, ScheduledExecutorService relayBatchTimer, ApiProperties properties) {
    return SqsAsyncBatchManager.builder()
        .client(sqs)
        .scheduledExecutor(relayBatchTimer)
        .overrideConfiguration(
            o -> o.maxBatchSize(10).sendRequestFrequency(properties.outbox().batchWindow()))
        .build();
  }
}
