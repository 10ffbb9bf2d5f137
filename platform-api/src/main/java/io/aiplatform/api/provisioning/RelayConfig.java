package io.aiplatform.api.provisioning;

import io.aiplatform.api.ApiProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * The outbox relay's threads and the batch sender it uses ({@link RelayBatches}). The relay's own
 * bounded pool keeps a burst of registrations from starting a thread per job; it is large enough
 * that the batch manager fills SendMessageBatch calls of ten when jobs arrive faster than it sends.
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

  @Bean(destroyMethod = "close")
  RelayBatches relayBatches(SqsAsyncClient sqs, ApiProperties properties) {
    return new RelayBatches(sqs, properties.outbox().batchWindow());
  }
}
