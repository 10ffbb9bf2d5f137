package io.aiplatform.worker.jobs;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Puts the {@link Faults} injector into every AWS client of the test context. */
@TestConfiguration(proxyBeanMethods = false)
class FaultsConfiguration {

  @Bean
  Faults faults() {
    return new Faults();
  }
}
