package io.aiplatform.api.registration;

import io.aiplatform.contracts.ProvisioningJob.Kind;
import io.aiplatform.contracts.ProvisioningResult;
import io.aiplatform.contracts.ResourceResult;
import java.util.List;

/**
 * An update reports the resources it left alone without their ARN (it did not even read them): the
 * record keeps the ARN it has for each.
 */
final class KnownArns {

  private KnownArns() {}

  static List<ResourceResult> kept(ProvisioningResult result, List<ResourceResult> before) {
    if (result.kind() != Kind.UPDATE) {
      return result.resources();
    }
    return result.resources().stream().map(r -> r.arn() != null ? r : known(r, before)).toList();
  }

  private static ResourceResult known(ResourceResult r, List<ResourceResult> before) {
    return before.stream()
        .filter(b -> b.kind() == r.kind() && r.name().equals(b.name()) && b.arn() != null)
        .findFirst()
        .map(
            b ->
                new ResourceResult(
                    r.kind(), r.name(), b.arn(), r.action(), r.status(), r.error(), r.at()))
        .orElse(r);
  }
}
