package io.aiplatform.enrichment.consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness of the KCL worker: DOWN when its scheduler is not running although it should, e.g.
 * because initialisation gave up (stream missing, no access to the lease table).
 */
final class SchedulerHealth implements HealthIndicator {

  private final ObjectProvider<ConsumerLifecycle> lifecycle;

  SchedulerHealth(ObjectProvider<ConsumerLifecycle> lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public Health health() {
    ConsumerLifecycle consumer = lifecycle.getIfAvailable();
    if (consumer == null) {
      return Health.up()
          .withDetail("consuming", "disabled by platform.enrichment.kcl.enabled")
          .build();
    }
    return consumer.isConsuming()
        ? Health.up().withDetail("consuming", true).build()
        : Health.down().withDetail("consuming", false).build();
  }
}
