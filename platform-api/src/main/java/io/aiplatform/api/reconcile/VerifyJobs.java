package io.aiplatform.api.reconcile;

import io.aiplatform.api.ApiProperties;
import io.aiplatform.api.reconcile.VerifyTargets.Target;
import io.aiplatform.contracts.ProvisioningJob;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Asks for one verify of a system, inside the caller's transaction: the job (through the outbox,
 * {@link VerifyRequested}) and the record that it is outstanding commit together. A verify carries
 * the system's current generation and never starts a new one: it changes no life-cycle state, and a
 * result of an older generation is stale.
 */
@Component
class VerifyJobs {

  /** Who the sweep's jobs are requested by. */
  static final String SWEEP = "platform-api/reconcile";

  private final VerifyTargets targets;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final ReconcilePolicy platformPolicy;

  VerifyJobs(
      VerifyTargets targets,
      ApplicationEventPublisher events,
      Clock clock,
      ApiProperties properties) {
    this.targets = targets;
    this.events = events;
    this.clock = clock;
    this.platformPolicy = ReconcilePolicy.fromWire(properties.reconcile().policy()).orElseThrow();
  }

  /**
   * Sends a verify; with {@code forceRepair} it repairs whatever the policy says.
   *
   * @param next the system's next turn; {@code null} keeps it
   */
  ProvisioningJob request(Target target, boolean forceRepair, String subject, Instant next) {
    Instant now = clock.instant();
    ReconcilePolicy policy = target.policy() == null ? platformPolicy : target.policy();
    ProvisioningJob job =
        new ProvisioningJob(
            ProvisioningJob.SCHEMA_VERSION,
            UUID.randomUUID(),
            target.systemId(),
            ProvisioningJob.Kind.VERIFY,
            target.generation(),
            target.spec(),
            false,
            subject,
            now,
            null,
            forceRepair || policy == ReconcilePolicy.REPAIR);
    targets.requested(target.systemId(), job.jobId(), now, next);
    events.publishEvent(new VerifyRequested(job));
    return job;
  }
}
