package io.aiplatform.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aiplatform.contracts.ResourceResult.ResourceKind;
import java.time.Instant;
import java.util.List;

/**
 * What a {@link ProvisioningJob.Kind#VERIFY} job found: each resource of the system compared, field
 * by field, with the state the system's configuration wants. Part of {@link ProvisioningResult}
 * since the verify job (additive within schema version 1: readers ignore it, older results lack
 * it). platform-api shows it as the record's {@code drift} in snake_case.
 *
 * @param status the system's drift status after the job: {@link Status#IN_SYNC} when every resource
 *     matched or was repaired by this job, {@link Status#DRIFTED} when any still differs (reported
 *     only, not repairable, or its repair failed), {@link Status#UNKNOWN} when the check could not
 *     be completed
 * @param checkedAt when the check ended
 * @param resources one entry per resource of the system in provisioning order; when the check
 *     failed, those checked before the failure
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DriftReport(Status status, Instant checkedAt, List<ResourceDrift> resources) {

  public DriftReport {
    resources = resources == null ? List.of() : List.copyOf(resources);
  }

  /** A system's drift status. */
  public enum Status {
    IN_SYNC,
    DRIFTED,
    UNKNOWN
  }

  /** How one resource compares with its desired state, as the check found it. */
  public enum ResourceStatus {
    /** Every compared field matches. */
    IN_SYNC,
    /**
     * Some fields differ. A resource of that name that no longer carries the system's id (another
     * system's, or none) is drifted too, with the difference on {@code tags.platform:system-id},
     * and never repaired ({@code repaired} stays {@code false}).
     */
    DRIFTED,
    /** There is no resource of that name. */
    MISSING
  }

  /**
   * One resource as the check found it.
   *
   * @param kind the kind of resource
   * @param name its name (a route's is its key {@code METHOD path})
   * @param status how it compares, as found (before any repair)
   * @param differences each field that differs, as found; empty when in sync or missing
   * @param notCompared fields the check could not read back where it runs (the emulator does not
   *     return the raw bucket's EventBridge switch), so neither drifted nor in sync
   * @param repaired whether this job brought the resource to its desired state (re-created a
   *     missing one, converged a drifted one)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ResourceDrift(
      ResourceKind kind,
      String name,
      ResourceStatus status,
      List<Difference> differences,
      List<String> notCompared,
      Boolean repaired) {

    public ResourceDrift {
      differences = differences == null ? List.of() : List.copyOf(differences);
      notCompared = notCompared == null ? List.of() : List.copyOf(notCompared);
      // Boxed so that a message without it reads (Jackson 3 refuses a missing primitive).
      repaired = Boolean.TRUE.equals(repaired);
    }
  }

  /**
   * One field whose value in AWS differs from the desired one.
   *
   * @param field the field, e.g. {@code versioning}, {@code schedule}, {@code
   *     tags.platform:system-id}, {@code environment.RAW_BUCKET}
   * @param desired the value the system's configuration wants; {@code null}: none
   * @param actual the value AWS has; {@code null}: none (absent, not configured)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Difference(String field, String desired, String actual) {}
}
