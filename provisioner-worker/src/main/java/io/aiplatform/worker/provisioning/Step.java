package io.aiplatform.worker.provisioning;

import io.aiplatform.contracts.ResourceResult.ResourceKind;
import java.util.Map;
import java.util.Optional;

/**
 * One resource of a system, which a job can bring to its desired state or remove.
 *
 * <p>{@link ProvisioningRun} decides, from what {@link #find()} reports, whether to create, adopt
 * or refuse the resource; a step only talks to AWS.
 */
interface Step {

  ResourceKind kind();

  String name();

  /** The resource as it exists now, or empty when there is none under this name. */
  Optional<Found> find();

  /** Creates the resource with these tags; answers its ARN. */
  String create(Map<String, String> tags);

  /** Adds these tags to an existing resource, keeping its others. */
  void tag(Found found, Map<String, String> tags);

  /** Brings the settings of an existing resource to the desired state. */
  void converge(Found found);

  /** Removes the resource and, for a bucket, everything in it. */
  void delete(Found found);

  /** Whether deprovisioning keeps this resource unless the job asks to delete data. */
  default boolean holdsData() {
    return false;
  }

  /**
   * An existing resource.
   *
   * @param arn its ARN
   * @param tags its tags
   */
  record Found(String arn, Map<String, String> tags) {}
}
