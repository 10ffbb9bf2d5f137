package io.aiplatform.api;

import java.time.Clock;
import java.time.Duration;
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

  /**
   * The one source of time of the API's records. It ticks in microseconds, as PostgreSQL keeps
   * them, so that a time read back (a page cursor) is exactly the time written.
   */
  @Bean
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }

  public static void main(String[] args) {
    SpringApplication.run(PlatformApiApplication.class, args);
  }
}
