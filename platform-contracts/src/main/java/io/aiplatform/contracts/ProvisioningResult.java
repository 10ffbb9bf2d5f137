package io.aiplatform.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What provisioner-worker reports back to platform-api when a job has finished.
 *
 * @param schemaVersion the message schema version, {@link #SCHEMA_VERSION} when written here
 * @param jobId the job this answers
 * @param systemId the system the job was for
 * @param kind the kind of the job this answers
 * @param generation the job's generation; platform-api ignores results older than the system's
 * @param outcome how the job ended
 * @param resources one entry per resource the job touched, in the order it touched them
 * @param infrastructure the system's resources after the job, in the registry's shape
 * @param errorSummary why the job failed; {@code null} when it succeeded
 * @param finishedAt when the job ended
 * @param drift for {@link ProvisioningJob.Kind#VERIFY}: what the check found; {@code null} for the
 *     other kinds. Added with the verify job (schema version 1, additive)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProvisioningResult(
    int schemaVersion,
    UUID jobId,
    UUID systemId,
    ProvisioningJob.Kind kind,
    long generation,
    Outcome outcome,
    List<ResourceResult> resources,
    Infrastructure infrastructure,
    String errorSummary,
    Instant finishedAt,
    DriftReport drift) {

  /** The schema version this code writes. */
  public static final int SCHEMA_VERSION = 1;

  public ProvisioningResult {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(systemId, "systemId");
    Objects.requireNonNull(outcome, "outcome");
    resources = resources == null ? List.of() : List.copyOf(resources);
  }

  /** The result of a job of any kind but {@link ProvisioningJob.Kind#VERIFY}. */
  public ProvisioningResult(
      int schemaVersion,
      UUID jobId,
      UUID systemId,
      ProvisioningJob.Kind kind,
      long generation,
      Outcome outcome,
      List<ResourceResult> resources,
      Infrastructure infrastructure,
      String errorSummary,
      Instant finishedAt) {
    this(
        schemaVersion,
        jobId,
        systemId,
        kind,
        generation,
        outcome,
        resources,
        infrastructure,
        errorSummary,
        finishedAt,
        null);
  }

  /** How a job ended. */
  public enum Outcome {
    /**
     * Every resource reached its desired state; for a verify: the check (and the repair asked for)
     * completed, whatever it found.
     */
    SUCCEEDED,
    /**
     * A step failed; what the job had created was rolled back. For a verify: the check could not be
     * completed (drift {@code UNKNOWN}) or a repair failed.
     */
    FAILED
  }
}
