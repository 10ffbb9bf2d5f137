package io.aiplatform.enrichment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Enriches the platform's event stream with reference data and delivers it to Firehose. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EnrichmentConsumerApplication {

  public static void main(String[] args) {
    SpringApplication.run(EnrichmentConsumerApplication.class, args);
  }
}
