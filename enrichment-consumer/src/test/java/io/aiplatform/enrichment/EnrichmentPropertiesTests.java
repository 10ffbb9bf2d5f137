package io.aiplatform.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class EnrichmentPropertiesTests {

  final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
          .withUserConfiguration(Settings.class);

  @Test
  void defaultsAreKclsProductionValuesWithPollingAndNoCloudWatch() {
    context.run(
        c -> {
          EnrichmentProperties properties = c.getBean(EnrichmentProperties.class);
          assertThat(properties.errorDeliveryStream()).isEqualTo("platform-enrichment-errors");
          assertThat(properties.referenceField()).isEqualTo("reference");
          assertThat(properties.kcl().retrieval())
              .isEqualTo(EnrichmentProperties.Retrieval.POLLING);
          assertThat(properties.kcl().cloudWatchMetrics()).isFalse();
          assertThat(properties.kcl().failoverTime()).isEqualTo(Duration.ofSeconds(10));
          assertThat(properties.kcl().shardSyncInterval()).isEqualTo(Duration.ofMinutes(1));
          assertThat(properties.cache().ttl()).isEqualTo(Duration.ofMinutes(5));
          assertThat(properties.delivery().maxBufferTime()).isEqualTo(Duration.ofSeconds(5));
        });
  }

  @Test
  void refusesSettingsOutsideTheirLimits() {
    context
        .withPropertyValues(
            "platform.enrichment.kcl.max-records=0", "platform.enrichment.delivery-stream= ")
        .run(
            c ->
                assertThat(c.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("kcl.maxRecords")
                    .hasMessageContaining("deliveryStream"));
  }

  @Test
  void aZeroMaximumBufferTimeIsAcceptedAndANegativeOneRefused() {
    context
        .withPropertyValues("platform.enrichment.delivery.max-buffer-time=0s")
        .run(
            c ->
                assertThat(c.getBean(EnrichmentProperties.class).delivery().maxBufferTime())
                    .isZero());
    context
        .withPropertyValues("platform.enrichment.delivery.max-buffer-time=-1s")
        .run(
            c ->
                assertThat(c.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("delivery.maxBufferTime"));
  }

  @Configuration
  @EnableConfigurationProperties(EnrichmentProperties.class)
  static class Settings {}
}
