package io.aiplatform.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Turns provisioning jobs from SQS into each system's AWS resources. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProvisionerWorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(ProvisionerWorkerApplication.class, args);
  }
}
