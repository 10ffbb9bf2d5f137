package io.aiplatform.api.provisioning;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What operators alarm on: jobs waiting in the outbox (SQS unreachable or rejecting), and results
 * that were applied or ignored as stale or duplicate.
 */
@Component
class ProvisioningMetrics {

  private final Counter applied;
  private final Counter ignored;

  ProvisioningMetrics(MeterRegistry registry, JdbcClient jdbc) {
    Gauge.builder(
            "platform.outbox.incomplete",
            jdbc,
            db ->
                db.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                    .query(Long.class)
                    .single())
        .description("Provisioning jobs written but not yet on the jobs queue")
        .register(registry);
    applied = counter(registry, "applied");
    ignored = counter(registry, "ignored");
  }

  void outcome(boolean wasApplied) {
    (wasApplied ? applied : ignored).increment();
  }

  private static Counter counter(MeterRegistry registry, String outcome) {
    return Counter.builder("platform.provisioning.messages")
        .description("Results and dead-lettered jobs received from the worker")
        .tag("outcome", outcome)
        .register(registry);
  }
}
