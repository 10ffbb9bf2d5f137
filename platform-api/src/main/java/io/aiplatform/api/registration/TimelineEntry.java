package io.aiplatform.api.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.aiplatform.api.reconcile.DriftView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One step of a system's timeline as the API shows it (what is stored is a {@link TimelineEvent}).
 *
 * @param generation the job generation it belongs to
 * @param jobId the job it belongs to
 * @param step what happened: {@code registration}, {@code provision}, {@code update}, {@code
 *     deprovision}, or the kind of resource a job step touched, such as {@code s3_bucket}
 * @param resource the resource's name, for resource steps
 * @param action what was done to the resource, such as {@code created} or {@code unchanged}
 * @param status the outcome, such as {@code succeeded}, {@code failed}, {@code requested}
 * @param error why it failed
 * @param changes for a requested change: each field it changes, before and after
 * @param resources for {@code drift_detected}: each resource found drifted or missing, with its
 *     differences; for {@code drift_repaired}: each resource the repair converged
 * @param at when it happened
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TimelineEntry(
    @JsonProperty("generation") long generation,
    @JsonProperty("job_id") UUID jobId,
    @JsonProperty("step") String step,
    @JsonProperty("resource") String resource,
    @JsonProperty("action") String action,
    @JsonProperty("status") String status,
    @JsonProperty("error") String error,
    @JsonProperty("changes") List<Change> changes,
    @JsonProperty("resources") List<DriftView.DriftResource> resources,
    @JsonProperty("at") Instant at) {

  /**
   * One changed field of the configuration.
   *
   * @param field its JSON path, such as {@code endpoints} or {@code lambda_config.memory}
   * @param before its value before the change ({@code null}: it had none)
   * @param after its value after the change ({@code null}: removed)
   */
  record Change(
      @JsonProperty("field") String field,
      @JsonProperty("before") @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode before,
      @JsonProperty("after") @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode after) {}
}
