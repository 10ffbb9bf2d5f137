package io.aiplatform.worker.provisioning;

import io.aiplatform.contracts.DriftReport.Difference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How one resource as found differs from its desired state: each differing field with both values,
 * and the fields that could not be read back where the worker runs.
 *
 * @param differences the fields that differ, in the order they were compared
 * @param notCompared the fields that could not be compared
 */
public record Comparison(List<Difference> differences, List<String> notCompared) {

  /** Nothing differs, everything was compared. */
  public static final Comparison NONE = new Comparison(List.of(), List.of());

  /** How the fields of a resource's tags begin: {@code tags.platform:system-id}. */
  static final String TAGS = "tags.";

  public Comparison {
    differences = List.copyOf(differences);
    notCompared = List.copyOf(notCompared);
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean inSync() {
    return differences.isEmpty();
  }

  /** Whether one of the differences is in the resource's tags. */
  boolean tagsDiffer() {
    return differences.stream().anyMatch(d -> d.field().startsWith(TAGS));
  }

  /** Collects the fields of one comparison. */
  public static final class Builder {
    private final List<Difference> differences = new ArrayList<>();
    private final List<String> notCompared = new ArrayList<>();

    private Builder() {}

    /** Records the field when the two values differ; values are shown as text. */
    public Builder field(String field, Object desired, Object actual) {
      if (!Objects.equals(desired, actual)) {
        differences.add(new Difference(field, text(desired), text(actual)));
      }
      return this;
    }

    /** Records a field that differs by a rule of its own (JSON compared as trees, say). */
    public Builder differs(String field, String desired, String actual) {
      differences.add(new Difference(field, desired, actual));
      return this;
    }

    public Builder notCompared(String field) {
      notCompared.add(field);
      return this;
    }

    public Builder add(Comparison other) {
      differences.addAll(other.differences());
      notCompared.addAll(other.notCompared());
      return this;
    }

    public Comparison build() {
      return new Comparison(differences, notCompared);
    }

    private static String text(Object value) {
      return value == null ? null : String.valueOf(value);
    }
  }
}
