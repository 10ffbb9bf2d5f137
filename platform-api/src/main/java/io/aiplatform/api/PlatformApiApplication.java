package io.aiplatform.api;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The registration control plane: admins register AI systems here. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
public class PlatformApiApplication {

  /** The one source of time of the API: its records, its audit log, its token cache. */
  @Bean
  Clock clock() {
    return new MicrosecondClock();
  }

  public static void main(String[] args) {
    SpringApplication.run(PlatformApiApplication.class, args);
  }
}
