package io.aiplatform.worker.provisioning;

import io.aiplatform.contracts.DriftReport.ResourceDrift;
import io.aiplatform.contracts.DriftReport.ResourceStatus;
import java.util.Optional;

/**
 * The read-only half of a verification: one resource found and compared with its desired state.
 * Whose it is decides first, by its tags alone: a resource that does not carry this system's id is
 * no longer ours whatever else it looks like (an active system's resources are all tagged, so an
 * intent never enters into it): it is reported {@code DRIFTED} with the one difference on that tag,
 * and is never repairable. For one that does, the ownership tags are compared, then whatever the
 * step compares.
 */
final class Check {

  private final OwnerTags owner;
  private final RunContext context;

  Check(OwnerTags owner, RunContext context) {
    this.owner = owner;
    this.context = context;
  }

  /**
   * One resource as checked.
   *
   * @param step its step
   * @param found the resource; {@code null} when missing
   * @param status how it compares
   * @param comparison what differs
   * @param ours whether it carries this system's id ({@code true} when missing)
   * @param <S> the step's type of observation
   */
  record Checked<S>(
      Step<S> step, Found<S> found, ResourceStatus status, Comparison comparison, boolean ours) {

    /** Whether a repair may touch it: the system's own and drifted, or missing. */
    boolean repairable() {
      return ours && status != ResourceStatus.IN_SYNC;
    }

    ResourceDrift report(boolean repaired) {
      return new ResourceDrift(
          step.kind(),
          step.name(),
          status,
          comparison.differences(),
          comparison.notCompared(),
          repaired);
    }
  }

  <S> Checked<S> of(Step<S> step) {
    Optional<Found<S>> existing = step.find(context);
    if (existing.isEmpty()) {
      return new Checked<>(step, null, ResourceStatus.MISSING, Comparison.NONE, true);
    }
    Found<S> found = existing.get();
    if (!owner.ownedBySystem(found.tags())) {
      Comparison ownership =
          Comparison.builder()
              .differs(
                  Comparison.TAGS + OwnerTags.SYSTEM_ID,
                  owner.systemId().toString(),
                  found.tags().get(OwnerTags.SYSTEM_ID))
              .build();
      return new Checked<>(step, found, ResourceStatus.DRIFTED, ownership, false);
    }
    // A later step may need its ARN, as in provisioning (the DMS task its endpoint's).
    context.recordArn(step.kind(), step.name(), found.arn());
    Comparison.Builder comparison = Comparison.builder();
    if (step.hasOwnTags()) {
      comparison
          .field(
              Comparison.TAGS + OwnerTags.SYSTEM_NAME,
              owner.systemName(),
              found.tags().get(OwnerTags.SYSTEM_NAME))
          .field(
              Comparison.TAGS + OwnerTags.MANAGED_BY,
              OwnerTags.WORKER,
              found.tags().get(OwnerTags.MANAGED_BY));
    }
    Comparison compared = comparison.add(step.compare(found, context)).build();
    ResourceStatus status = compared.inSync() ? ResourceStatus.IN_SYNC : ResourceStatus.DRIFTED;
    return new Checked<>(step, found, status, compared, true);
  }
}
