package io.aiplatform.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.worker.WorkerProperties;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class BackoffTests {

  @Test
  void retryDelayDoublesPerReceiveUpToTheMaximum() {
    Map<String, String> settings = new HashMap<>();
    settings.put("platform.worker.retry-base-delay", "10s");
    settings.put("platform.worker.retry-max-delay", "1m");
    WorkerProperties properties =
        new Binder(new MapConfigurationPropertySource(settings))
            .bindOrCreate("platform.worker", WorkerProperties.class);

    assertThat(Backoff.delay(1, properties)).isEqualTo(Duration.ofSeconds(10));
    assertThat(Backoff.delay(2, properties)).isEqualTo(Duration.ofSeconds(20));
    assertThat(Backoff.delay(3, properties)).isEqualTo(Duration.ofSeconds(40));
    assertThat(Backoff.delay(4, properties)).isEqualTo(Duration.ofMinutes(1));
    assertThat(Backoff.delay(400, properties)).isEqualTo(Duration.ofMinutes(1));
  }
}
