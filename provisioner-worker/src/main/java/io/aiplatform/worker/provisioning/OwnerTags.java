package io.aiplatform.worker.provisioning;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The tags that mark a resource as one system's, and which job created it.
 *
 * <p>The job tag lets a redelivered job roll back what an earlier delivery of the same job created,
 * while never touching what an earlier job created.
 *
 * @param systemId the owning system
 * @param systemName the owning system's name
 * @param jobId the job that creates resources with these tags
 */
public record OwnerTags(UUID systemId, String systemName, UUID jobId) {

  public static final String SYSTEM_ID = "platform:system-id";
  public static final String SYSTEM_NAME = "platform:system-name";
  public static final String MANAGED_BY = "platform:managed-by";
  public static final String CREATED_BY_JOB = "platform:created-by-job";
  public static final String WORKER = "provisioner-worker";

  /** The tags a resource carries once it is this system's. */
  Map<String, String> ownership() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(SYSTEM_ID, systemId.toString());
    tags.put(SYSTEM_NAME, systemName);
    tags.put(MANAGED_BY, WORKER);
    return tags;
  }

  /** The tags a resource gets when this job creates it. */
  Map<String, String> forCreation() {
    return createdBy(jobId);
  }

  /** The tags of a resource of this system that the given job created. */
  Map<String, String> createdBy(UUID job) {
    Map<String, String> tags = ownership();
    tags.put(CREATED_BY_JOB, job.toString());
    return tags;
  }

  boolean ownedBySystem(Map<String, String> tags) {
    return systemId.toString().equals(tags.get(SYSTEM_ID));
  }

  boolean createdByJob(Map<String, String> tags) {
    return jobId.toString().equals(tags.get(CREATED_BY_JOB));
  }

  boolean managedByWorker(Map<String, String> tags) {
    return WORKER.equals(tags.get(MANAGED_BY));
  }

  /** Whether the tags name no platform system at all (made by hand, or never tagged). */
  static boolean untagged(Map<String, String> tags) {
    return !tags.containsKey(SYSTEM_ID);
  }
}
