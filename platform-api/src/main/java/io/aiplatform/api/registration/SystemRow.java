package io.aiplatform.api.registration;

import io.aiplatform.contracts.Infrastructure;
import io.aiplatform.contracts.ProvisioningJob.Kind;
import io.aiplatform.contracts.ResourceResult;
import io.aiplatform.contracts.SystemSpec;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One row of {@code systems}: a registered system and the job it is waiting for. */
record SystemRow(
    UUID systemId,
    SystemSpec spec,
    Status status,
    long generation,
    long version,
    UUID currentJobId,
    Kind currentJobKind,
    boolean deleteData,
    Infrastructure infrastructure,
    List<ResourceResult> resources,
    String errorMessage,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {

  /** The same system, now waiting for a new job of the given kind. */
  SystemRow startJob(Kind kind, UUID jobId, boolean deleteData, Instant now) {
    return new SystemRow(
        systemId,
        spec,
        Status.pending(kind),
        generation + 1,
        version,
        jobId,
        kind,
        deleteData,
        infrastructure,
        resources,
        null,
        createdBy,
        createdAt,
        now);
  }

  /** The same system after its current job ended. */
  SystemRow finish(
      Status next,
      Infrastructure infrastructure,
      List<ResourceResult> resources,
      String errorMessage,
      Instant now) {
    return new SystemRow(
        systemId,
        spec,
        next,
        generation,
        version,
        currentJobId,
        currentJobKind,
        deleteData,
        infrastructure,
        resources,
        errorMessage,
        createdBy,
        createdAt,
        now);
  }

  /** Whether this system is still waiting for the given job of the given generation. */
  boolean awaits(UUID jobId, long jobGeneration, Kind kind) {
    return currentJobId.equals(jobId)
        && generation == jobGeneration
        && currentJobKind == kind
        && status == Status.pending(kind);
  }
}
