package io.aiplatform.api.registration;

import io.aiplatform.api.FieldViolation;
import io.aiplatform.api.Refusal;
import java.util.List;
import java.util.UUID;

/** What registering, changing, retrying and deleting systems refuse. */
final class Refusals {

  private Refusals() {}

  /** Fields of a request are bad. */
  static final class InvalidRequest extends Refusal {
    InvalidRequest(List<FieldViolation> violations) {
      super(Reason.INVALID, "The request has invalid fields; see errors.", violations, null);
    }

    InvalidRequest(String field, String message) {
      this(List.of(new FieldViolation(field, message)));
    }
  }

  /** A merged change holds a value its field cannot take (a string for a number, ...). */
  static final class UnreadableChange extends Refusal {
    UnreadableChange(RuntimeException cause) {
      super(Reason.UNREADABLE, "The request has invalid fields; see errors.", List.of(), cause);
    }
  }

  /** No such system. */
  static final class SystemNotFound extends Refusal {
    SystemNotFound(UUID systemId) {
      super(Reason.NOT_FOUND, "No system with id " + systemId + ".");
    }
  }

  /** The system's state forbids the operation. */
  static final class InvalidState extends Refusal {
    InvalidState(String detail) {
      super(Reason.INVALID_STATE, detail);
    }
  }

  /** Another writer changed the system between our read and our write. */
  static final class ConcurrentChange extends Refusal {
    ConcurrentChange() {
      super(Reason.INVALID_STATE, "The system changed meanwhile; read it again and retry.");
    }
  }

  /** The name is held by another system (live, or deleted with its buckets retained). */
  static final class NameTaken extends Refusal {
    NameTaken(String detail) {
      super(Reason.NAME_TAKEN, detail, List.of(new FieldViolation("system_name", detail)), null);
    }
  }

  /** Routes of the request belong to other systems. */
  static final class RouteTaken extends Refusal {
    RouteTaken(String detail, List<FieldViolation> violations) {
      super(Reason.ROUTE_TAKEN, detail, violations, null);
    }
  }

  /** A change without {@code If-Match}. */
  static final class VersionRequired extends Refusal {
    VersionRequired() {
      super(
          Reason.VERSION_REQUIRED,
          "A change must carry If-Match with the ETag of the record it was made from.");
    }
  }

  /** A change made from an older version of the record. */
  static final class StaleVersion extends Refusal {
    StaleVersion(String current) {
      super(
          Reason.STALE_VERSION,
          "The system changed since the version If-Match names"
              + (current == null ? "" : "; its ETag is now " + current)
              + ". Read it again and make the change from there.");
    }
  }

  /** An idempotency key reused with another body. */
  static final class IdempotencyKeyReused extends Refusal {
    IdempotencyKeyReused() {
      super(Reason.KEY_REUSED, "This Idempotency-Key was used for a different request.");
    }
  }
}
