package io.aiplatform.worker.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.worker.WorkerProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class NamesAndBackoffTests {

  @Test
  void namesFollowTheRegistryConventionWithUnderscoresForGlue() {
    ResourceNames names = ResourceNames.of("platform", "inventory-optimizer");

    assertThat(names.raw()).isEqualTo("platform-inventory-optimizer-raw");
    assertThat(names.curated()).isEqualTo("platform-inventory-optimizer-curated");
    assertThat(names.prod()).isEqualTo("platform-inventory-optimizer-prod");
    assertThat(names.glueDatabase()).isEqualTo("platform_inventory_optimizer_db");
    assertThat(names.crawler()).isEqualTo("platform-inventory-optimizer-crawler");
    assertThat(names.rule()).isEqualTo("platform-inventory-optimizer-raw-to-curated");
    assertThat(names.dmsEndpoint()).isEqualTo("platform-inventory-optimizer-raw-target");
    assertThat(names.dmsTask()).isEqualTo("platform-inventory-optimizer-replication");
  }

  @Test
  void retryDelayDoublesPerReceiveUpToTheMaximum() {
    WorkerProperties properties = bind(Map.of("retry-base-delay", "10s", "retry-max-delay", "1m"));

    assertThat(Backoff.delay(1, properties)).isEqualTo(Duration.ofSeconds(10));
    assertThat(Backoff.delay(2, properties)).isEqualTo(Duration.ofSeconds(20));
    assertThat(Backoff.delay(3, properties)).isEqualTo(Duration.ofSeconds(40));
    assertThat(Backoff.delay(4, properties)).isEqualTo(Duration.ofMinutes(1));
    assertThat(Backoff.delay(400, properties)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void dmsReplicationIsOnOnlyWhenAllFourSettingsArePresent() {
    Map<String, String> all =
        Map.of(
            "dms.replication-instance-arn", "arn:rep",
            "dms.source-endpoint-arn", "arn:src",
            "dms.source-schema", "sales",
            "dms.s3-service-role-arn", "arn:role");

    assertThat(bind(Map.of()).dms().enabled()).isFalse();
    assertThat(bind(all).dms().enabled()).isTrue();
    for (String missing : all.keySet()) {
      Map<String, String> partial = new java.util.HashMap<>(all);
      partial.remove(missing);
      assertThat(bind(partial).dms().enabled()).as("without " + missing).isFalse();
    }
  }

  @Test
  void defaultsMatchTheDocumentedSettings() {
    WorkerProperties defaults = bind(Map.of());

    assertThat(defaults.jobsQueue()).isEqualTo("platform-provisioning-jobs.fifo");
    assertThat(defaults.resultsQueue()).isEqualTo("platform-provisioning-results");
    assertThat(defaults.glue().crawlerSchedule()).isEqualTo("cron(0 */6 * * ? *)");
    assertThat(defaults.eventBridge().hasTarget()).isFalse();
    assertThat(defaults.buckets().rawTransitionStorageClass()).isEqualTo("STANDARD_IA");
  }

  private static WorkerProperties bind(Map<String, String> settings) {
    Map<String, String> prefixed = new java.util.HashMap<>();
    settings.forEach((k, v) -> prefixed.put("platform.worker." + k, v));
    prefixed.put("platform.worker.resource-prefix", "platform");
    return new Binder(new MapConfigurationPropertySource(prefixed))
        .bindOrCreate("platform.worker", WorkerProperties.class);
  }
}
