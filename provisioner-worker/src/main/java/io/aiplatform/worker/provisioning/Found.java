package io.aiplatform.worker.provisioning;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A resource as a step found or created it.
 *
 * @param arn its ARN
 * @param tags its tags
 * @param observed what the step saw of its settings, for {@link Step#converge}; {@code null} for
 *     steps that need nothing
 * @param <S> the step's type of observation
 */
public record Found<S>(String arn, Map<String, String> tags, S observed) {

  public Found {
    tags = Map.copyOf(tags);
  }

  /** The same resource after these tags were added to it. */
  public Found<S> withTags(Map<String, String> added) {
    Map<String, String> merged = new LinkedHashMap<>(tags);
    merged.putAll(added);
    return new Found<>(arn, merged, observed);
  }
}
