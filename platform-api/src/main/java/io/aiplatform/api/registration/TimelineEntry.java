package io.aiplatform.api.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * One step of a system's provisioning timeline.
 *
 * @param generation the job generation it belongs to
 * @param jobId the job it belongs to
 * @param step what happened: {@code registration}, {@code provision}, {@code deprovision}, or the
 *     kind of resource a job step touched, such as {@code s3_bucket}
 * @param resource the resource's name, for resource steps
 * @param action what was done to the resource, such as {@code created}
 * @param status the outcome, such as {@code succeeded}, {@code failed}, {@code requested}
 * @param error why it failed
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
    @JsonProperty("at") Instant at) {

  static TimelineEntry of(String step, String status, String error, Instant at) {
    return new TimelineEntry(0, null, step, null, null, status, error, at);
  }
}
