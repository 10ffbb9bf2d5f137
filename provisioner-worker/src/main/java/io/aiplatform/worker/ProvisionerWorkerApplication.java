package io.aiplatform.worker;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Turns provisioning jobs from SQS into each system's AWS resources. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProvisionerWorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(ProvisionerWorkerApplication.class, args);
  }

  /** The one clock of the worker; tests replace it to move time. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
