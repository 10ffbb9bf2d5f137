package io.aiplatform.worker.jobs;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Puts the {@link Faults} injector into every AWS client of the test context, and the stand-in for
 * the DMS call the emulator lacks ({@link EmulatedDmsModify}).
 */
@TestConfiguration(proxyBeanMethods = false)
class FaultsConfiguration {

  @Bean
  Faults faults() {
    return new Faults();
  }

  @Bean
  EmulatedDmsModify emulatedDmsModify() {
    return new EmulatedDmsModify();
  }
}
