package io.aiplatform.api.reconcile;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What operators alarm on: active systems per drift status ({@code platform.systems.drift}, tag
 * {@code status}; Prometheus {@code platform_systems_drift{status="drifted"}}).
 */
@Component
class DriftMetrics {

  static final List<String> STATUSES = List.of("in_sync", "drifted", "unknown");

  DriftMetrics(MeterRegistry registry, JdbcClient jdbc) {
    for (String status : STATUSES) {
      Gauge.builder(
              "platform.systems.drift",
              jdbc,
              db ->
                  db.sql(
                          "SELECT count(*) FROM systems WHERE status = 'active' AND drift_status = ?")
                      .param(status)
                      .query(Long.class)
                      .single())
          .description("Active systems per drift status, as their last verify found them")
          .tag("status", status)
          .register(registry);
    }
  }
}
