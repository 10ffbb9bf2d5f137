package io.aiplatform.api.registration;

import io.aiplatform.contracts.ProvisioningJob.Kind;
import io.aiplatform.contracts.ResourceResult;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What a transition adds to a system's timeline (the write model; {@link TimelineEntry} is how the
 * API shows a stored one). Each kind knows the row it is stored as.
 */
sealed interface TimelineEvent {

  /** The columns of {@code system_events} the event is stored in. */
  Row row();

  /** A stored event's columns; {@code changes} only for a requested change. */
  record Row(
      String step,
      String resource,
      String action,
      String status,
      String error,
      List<FieldChange> changes,
      Instant at) {}

  /**
   * One field of the configuration a change changes.
   *
   * @param field the field's JSON path, such as {@code endpoints} or {@code lambda_config.memory}
   * @param before its value before, {@code null} when it had none
   * @param after its value after, {@code null} when it is removed
   */
  record FieldChange(String field, Object before, Object after) {}

  /** The registration was accepted. */
  record Registered(Instant at) implements TimelineEvent {
    public Row row() {
      return new Row("registration", null, null, "accepted", null, null, at);
    }
  }

  /** A job was requested: a deprovisioning, or a retry. */
  record JobRequested(Kind kind, Instant at) implements TimelineEvent {
    public Row row() {
      return new Row(step(kind), null, null, "requested", null, null, at);
    }
  }

  /** A change of the configuration was requested (or retried): its diff. */
  record ChangeRequested(List<FieldChange> changes, Instant at) implements TimelineEvent {
    public ChangeRequested {
      changes = List.copyOf(changes);
    }

    public Row row() {
      return new Row(step(Kind.UPDATE), null, null, "requested", null, changes, at);
    }
  }

  /** The system's reconcile policy changed (by itself: no job). */
  record PolicyChanged(FieldChange change, Instant at) implements TimelineEvent {
    public Row row() {
      return new Row("reconcile_policy", null, null, "changed", null, List.of(change), at);
    }
  }

  /** What a job did to one resource, as the worker reported it. */
  record ResourceStep(ResourceResult resource, Instant at) implements TimelineEvent {
    public Row row() {
      return new Row(
          lower(resource.kind()),
          resource.name(),
          lower(resource.action()),
          lower(resource.status()),
          ResourceErrors.describe(resource.error()),
          null,
          resource.at() == null ? at : resource.at());
    }
  }

  /** A job ended: reported by the worker, dead-lettered, or given up on. */
  record JobEnded(Kind kind, boolean succeeded, String reason, Instant at)
      implements TimelineEvent {
    public Row row() {
      return new Row(step(kind), null, null, succeeded ? "succeeded" : "failed", reason, null, at);
    }
  }

  private static String step(Kind kind) {
    return lower(kind);
  }

  static String lower(Enum<?> value) {
    return value == null ? null : value.name().toLowerCase(Locale.ROOT);
  }
}
