package io.aiplatform.worker.provisioning;

import io.aiplatform.contracts.DriftReport;
import io.aiplatform.contracts.DriftReport.ResourceDrift;
import io.aiplatform.contracts.DriftReport.ResourceStatus;
import io.aiplatform.contracts.ResourceResult;
import io.aiplatform.contracts.ResourceResult.Action;
import io.aiplatform.contracts.ResourceResult.AwsError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * One delivery of a verify job: compares every resource of the plan with its desired state, with
 * read calls only, and, when the job asks for repair, then converges the drifted resources and
 * re-creates the missing ones under the usual ownership rules. A resource that no longer carries
 * this system's id is reported {@code DRIFTED} (the difference on that tag) and never touched.
 *
 * <p>A system none of whose resources exists is reported all missing and never re-created: it was
 * deprovisioned, whatever the job asks.
 *
 * <p>The check reads everything before anything is written: a check that cannot be completed
 * repairs nothing and reports {@code UNKNOWN}. A repair that fails permanently is reported and the
 * others go on (each converges towards the desired state on its own); a transient error hands the
 * job back to the queue, and the next delivery checks again.
 */
public final class VerifyRun {

  private final OwnerTags owner;
  private final List<Step<?>> steps;
  private final boolean repair;
  private final Delivery delivery;
  private final Clock clock;
  private final ResourceLog log;
  private final Resources resources;

  public VerifyRun(
      OwnerTags owner,
      Plan plan,
      boolean repair,
      Delivery delivery,
      CreateIntents intents,
      Clock clock) {
    this.owner = owner;
    this.steps = plan.steps();
    this.repair = repair;
    this.delivery = delivery;
    this.clock = clock;
    this.log = new ResourceLog(clock);
    this.resources = new Resources(owner, steps, intents, log);
  }

  /**
   * What a verification found and did.
   *
   * @param drift what the check found, and the system's drift status after the job
   * @param resources what the repair changed, one entry per resource it converged or created; empty
   *     without repair
   * @param errorSummary why the check or a repair failed; {@code null} when neither did
   */
  public record Report(DriftReport drift, List<ResourceResult> resources, String errorSummary) {
    public boolean succeeded() {
      return errorSummary == null;
    }
  }

  public Report verify() {
    List<Check.Checked<?>> checked = new ArrayList<>();
    Check check = new Check(owner, resources.context());
    for (Step<?> step : steps) {
      try {
        checked.add(check.of(step));
      } catch (RuntimeException e) {
        return unknown(step, e, checked);
      }
    }
    List<ResourceDrift> found = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    // Nothing of the system left at all is a system deprovisioned behind the verify, not drift:
    // re-creating it would bring back what was deleted on purpose.
    boolean repairs = repair && checked.stream().anyMatch(c -> c.found() != null);
    for (Check.Checked<?> resource : checked) {
      boolean repaired = repairs && resource.repairable() && repaired(resource, failures);
      found.add(resource.report(repaired));
    }
    boolean drifted =
        found.stream().anyMatch(r -> r.status() != ResourceStatus.IN_SYNC && !r.repaired());
    DriftReport.Status status = drifted ? DriftReport.Status.DRIFTED : DriftReport.Status.IN_SYNC;
    String summary = failures.isEmpty() ? null : String.join("; ", failures);
    return new Report(new DriftReport(status, clock.instant(), found), log.all(), summary);
  }

  /** Repairs one resource; answers whether it is now as desired, recording a failure if not. */
  private <S> boolean repaired(Check.Checked<S> resource, List<String> failures) {
    Step<S> step = resource.step();
    try {
      Action action =
          resource.status() == ResourceStatus.MISSING
              ? resources.ensure(step, Resources.Mode.UPDATE)
              : resources.repair(step, resource.found(), resource.comparison().tagsDiffer());
      return action != Action.UNCHANGED;
    } catch (RuntimeException e) {
      if (ErrorClass.of(e) == ErrorClass.TRANSIENT && !delivery.last()) {
        throw new RetryLaterException("repairing " + step.kind() + " " + step.name(), e);
      }
      failures.add(ResourceLog.summary(step, log.failed(step, e)));
      return false;
    }
  }

  private Report unknown(Step<?> step, RuntimeException error, List<Check.Checked<?>> checked) {
    if (ErrorClass.of(error) == ErrorClass.TRANSIENT && !delivery.last()) {
      throw new RetryLaterException("verifying " + step.kind() + " " + step.name(), error);
    }
    AwsError cause = ResourceLog.awsError(error);
    List<ResourceDrift> found = checked.stream().map(c -> c.report(false)).toList();
    DriftReport drift = new DriftReport(DriftReport.Status.UNKNOWN, clock.instant(), found);
    return new Report(drift, log.all(), ResourceLog.summary(step, cause));
  }
}
