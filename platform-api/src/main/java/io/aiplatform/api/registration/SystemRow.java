package io.aiplatform.api.registration;

import io.aiplatform.api.reconcile.DriftView;
import io.aiplatform.api.reconcile.ReconcilePolicy;
import io.aiplatform.contracts.Infrastructure;
import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningJob.Kind;
import io.aiplatform.contracts.ResourceResult;
import io.aiplatform.contracts.SystemSpec;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of {@code systems}: a registered system, the job it waits for or last ran, and what that
 * job left. Only {@link Lifecycle} makes new ones.
 *
 * @param systemId the system's id
 * @param spec the configuration that runs (or ran last): what the record shows, but while updating
 * @param change the configuration a change asks for, while {@code updating} and after it failed
 *     ({@code update_failed}, for a retry); else {@code null}
 * @param status the state
 * @param job the current (or last) job
 * @param provisioned what the last finished job left
 * @param stamp version, creator and times
 * @param oversight the system's reconcile policy and what its last verify found
 */
record SystemRow(
    UUID systemId,
    SystemSpec spec,
    SystemSpec change,
    Status status,
    Job job,
    Provisioned provisioned,
    Stamp stamp,
    Oversight oversight) {

  /**
   * Drift detection's part of the row.
   *
   * @param policy the system's own reconcile policy; {@code null}: the platform's
   * @param drift what the last verify of the current generation found (written by the {@code
   *     reconcile} module, never by a transition)
   */
  record Oversight(ReconcilePolicy policy, DriftView drift) {

    static final Oversight NONE = new Oversight(null, DriftView.UNKNOWN);

    Oversight {
      drift = drift == null ? DriftView.UNKNOWN : drift;
    }

    /** A new job's configuration is not checked yet. */
    Oversight unchecked() {
      return new Oversight(policy, DriftView.UNKNOWN);
    }

    Oversight withPolicy(ReconcilePolicy next) {
      return new Oversight(next, drift);
    }
  }

  /**
   * A job of the system.
   *
   * @param id its id
   * @param kind what it does
   * @param generation increases with every job; results of older generations are stale
   * @param deleteData for a deprovisioning: whether the data buckets go too
   */
  record Job(UUID id, Kind kind, long generation, boolean deleteData) {}

  /**
   * What the last finished job left.
   *
   * @param infrastructure the resources in the registry's shape, {@code null} before any
   * @param resources what the job did to each resource
   * @param errorMessage why it failed, {@code null} unless the system is in a failed state
   */
  record Provisioned(
      Infrastructure infrastructure, List<ResourceResult> resources, String errorMessage) {

    static final Provisioned NOTHING = new Provisioned(null, List.of(), null);

    Provisioned {
      resources = resources == null ? List.of() : List.copyOf(resources);
    }
  }

  /**
   * Bookkeeping.
   *
   * @param version optimistic lock: every update names the version it read, and the ETag is it
   * @param createdBy the subject that registered the system
   * @param createdAt when it was registered
   * @param updatedAt when the row last changed
   */
  record Stamp(long version, String createdBy, Instant createdAt, Instant updatedAt) {

    Stamp touched(Instant now) {
      return new Stamp(version, createdBy, createdAt, now);
    }
  }

  /** The configuration the record shows: the one asked for while updating, else the running one. */
  SystemSpec shown() {
    return status == Status.UPDATING ? change : spec;
  }

  /** The record's entity tag; changes with every write of the row. */
  String etag() {
    return "\"" + stamp.version() + "\"";
  }

  /** Whether the system still waits for exactly this job. */
  boolean awaits(UUID jobId, long generation, Kind kind) {
    return job.id().equals(jobId)
        && job.generation() == generation
        && job.kind() == kind
        && Lifecycle.isPending(status);
  }

  /** The message of the current job, as asked for by {@code subject}. */
  ProvisioningJob jobMessage(String subject) {
    boolean update = job.kind() == Kind.UPDATE;
    return new ProvisioningJob(
        ProvisioningJob.SCHEMA_VERSION,
        job.id(),
        systemId,
        job.kind(),
        job.generation(),
        update ? change : spec,
        job.deleteData(),
        subject,
        stamp.updatedAt(),
        update ? spec : null);
  }

  /** As saved: one version later. */
  SystemRow saved() {
    return new SystemRow(
        systemId,
        spec,
        change,
        status,
        job,
        provisioned,
        new Stamp(stamp.version() + 1, stamp.createdBy(), stamp.createdAt(), stamp.updatedAt()),
        oversight);
  }
}
