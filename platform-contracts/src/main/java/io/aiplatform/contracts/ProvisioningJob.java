package io.aiplatform.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A request from platform-api to provisioner-worker to provision, change, deprovision or verify one
 * system.
 *
 * @param schemaVersion the message schema version, {@link #SCHEMA_VERSION} when written here
 * @param jobId unique per job; also the SQS deduplication id
 * @param systemId the system the job is for; also the SQS message group
 * @param kind what to do
 * @param generation increases with every job of the system; results of older generations are stale
 * @param spec the system as registered
 * @param deleteData for {@link Kind#DEPROVISION}: delete the data buckets and every object in them
 *     instead of retaining them
 * @param requestedBy the subject of the admin who asked
 * @param requestedAt when the admin asked
 * @param previousSpec for {@link Kind#UPDATE}: the configuration the system runs before the change,
 *     which the worker returns every changed resource to when the change fails; {@code null} for
 *     the other kinds
 * @param repair for {@link Kind#VERIFY}: converge what drifted and re-create what is missing, as
 *     the policy in effect for the system says ({@code repair}); {@code false}: only report ({@code
 *     report}). Added with the verify job (schema version 1, additive); a message without it reads
 *     as {@code false}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProvisioningJob(
    int schemaVersion,
    UUID jobId,
    UUID systemId,
    Kind kind,
    long generation,
    SystemSpec spec,
    boolean deleteData,
    String requestedBy,
    Instant requestedAt,
    SystemSpec previousSpec,
    Boolean repair) {

  /** The schema version this code writes. */
  public static final int SCHEMA_VERSION = 1;

  public ProvisioningJob {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(systemId, "systemId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(spec, "spec");
    // Boxed so that a message without it reads (Jackson 3 refuses a missing primitive).
    repair = Boolean.TRUE.equals(repair);
  }

  /** A job of any kind but {@link Kind#VERIFY} (which alone reads {@code repair}). */
  public ProvisioningJob(
      int schemaVersion,
      UUID jobId,
      UUID systemId,
      Kind kind,
      long generation,
      SystemSpec spec,
      boolean deleteData,
      String requestedBy,
      Instant requestedAt,
      SystemSpec previousSpec) {
    this(
        schemaVersion,
        jobId,
        systemId,
        kind,
        generation,
        spec,
        deleteData,
        requestedBy,
        requestedAt,
        previousSpec,
        false);
  }

  /** A job of a kind that carries no previous configuration (provision, deprovision). */
  public ProvisioningJob(
      int schemaVersion,
      UUID jobId,
      UUID systemId,
      Kind kind,
      long generation,
      SystemSpec spec,
      boolean deleteData,
      String requestedBy,
      Instant requestedAt) {
    this(
        schemaVersion,
        jobId,
        systemId,
        kind,
        generation,
        spec,
        deleteData,
        requestedBy,
        requestedAt,
        null);
  }

  /** What a job asks for. */
  public enum Kind {
    /** Create the system's resources, or converge them; roll back what the job made on failure. */
    PROVISION,
    /** Remove the system's resources; data buckets only with {@code deleteData}. */
    DEPROVISION,
    /**
     * A day-2 change from {@code previousSpec} to {@code spec}: only resources whose desired state
     * differs are touched; on failure every changed resource returns to {@code previousSpec}.
     */
    UPDATE,
    /**
     * Compare every resource of {@code spec} with what AWS has, with read calls only; with {@code
     * repair}, also converge what drifted and re-create what is missing. Never changes the system's
     * life-cycle state: the result carries a {@link DriftReport}.
     */
    VERIFY
  }
}
