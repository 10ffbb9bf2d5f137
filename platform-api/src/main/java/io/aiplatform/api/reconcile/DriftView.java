package io.aiplatform.api.reconcile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.aiplatform.contracts.DriftReport;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The record's {@code drift}: what the last verify of the system's current configuration found.
 * Before the first check (and after every new job) it is {@link #UNKNOWN}.
 *
 * @param status {@code in_sync}, {@code drifted} or {@code unknown}
 * @param checkedAt when the check ended; {@code null} before the first
 * @param resources each resource as the check found it, in provisioning order
 */
public record DriftView(
    @JsonProperty("status") String status,
    @JsonProperty("checked_at") @JsonInclude(JsonInclude.Include.ALWAYS) Instant checkedAt,
    @JsonProperty("resources") List<DriftResource> resources) {

  /** Not checked yet. */
  public static final DriftView UNKNOWN = new DriftView("unknown", null, List.of());

  public DriftView {
    resources = resources == null ? List.of() : List.copyOf(resources);
  }

  /**
   * One resource as a check found it.
   *
   * @param kind the lower-case resource kind, as the record's {@code resources} name it
   * @param name its name
   * @param status {@code in_sync}, {@code drifted} or {@code missing}, as found (before any
   *     repair); a resource that is no longer the system's is {@code drifted} with a tag difference
   * @param differences each field that differs
   * @param notCompared fields that could not be read back where the check ran
   * @param repaired whether the check's repair brought it to its desired state
   */
  public record DriftResource(
      @JsonProperty("kind") String kind,
      @JsonProperty("name") String name,
      @JsonProperty("status") String status,
      @JsonProperty("differences") List<DriftDifference> differences,
      @JsonProperty("not_compared") List<String> notCompared,
      @JsonProperty("repaired") boolean repaired) {

    public DriftResource {
      differences = differences == null ? List.of() : List.copyOf(differences);
      notCompared = notCompared == null ? List.of() : List.copyOf(notCompared);
    }

    static DriftResource of(DriftReport.ResourceDrift r) {
      // A resource that is no longer ours comes as drifted (its tags differ), never repaired.
      String status = r.status() == null ? "drifted" : lower(r.status());
      return new DriftResource(
          lower(r.kind()),
          r.name(),
          status,
          r.differences().stream()
              .map(d -> new DriftDifference(d.field(), d.desired(), d.actual()))
              .toList(),
          r.notCompared(),
          Boolean.TRUE.equals(r.repaired()));
    }

    boolean inSync() {
      return "in_sync".equals(status);
    }
  }

  /**
   * One field whose value in AWS differs from the desired one.
   *
   * @param field e.g. {@code versioning}, {@code schedule}, {@code tags.platform:system-id}
   * @param desired what the configuration wants; {@code null}: none
   * @param actual what AWS has; {@code null}: none
   */
  public record DriftDifference(
      @JsonProperty("field") String field,
      @JsonProperty("desired") @JsonInclude(JsonInclude.Include.ALWAYS) String desired,
      @JsonProperty("actual") @JsonInclude(JsonInclude.Include.ALWAYS) String actual) {}

  static String lower(Enum<?> value) {
    return value == null ? null : value.name().toLowerCase(Locale.ROOT);
  }
}
