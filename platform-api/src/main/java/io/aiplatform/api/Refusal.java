package io.aiplatform.api;

import java.util.List;
import java.util.Map;

/**
 * Something the API's domain refuses to do, and why, in the domain's terms. It knows nothing of
 * HTTP: {@code web.ApiExceptionHandler} turns each {@link Reason} into a problem with a stable
 * type.
 */
public abstract class Refusal extends RuntimeException {

  /** Why a request is refused. */
  public enum Reason {
    /** Fields are missing, malformed or out of range; {@link #violations()} names them. */
    INVALID,
    /** A value cannot be read as the type its field has; the cause is the reader's failure. */
    UNREADABLE,
    /** No such system. */
    NOT_FOUND,
    /** The system's state does not allow it. */
    INVALID_STATE,
    /** Another system holds the name. */
    NAME_TAKEN,
    /** Another system owns a route the request names. */
    ROUTE_TAKEN,
    /** A change must name the version of the record it was made from. */
    VERSION_REQUIRED,
    /** The record changed since the version the change names. */
    STALE_VERSION,
    /** An idempotency key was used for a different request. */
    KEY_REUSED,
    /** Checks against AWS found the request cannot succeed; {@link #properties()} names them. */
    PRECONDITION_FAILED,
    /** Something the request depends on (AWS, for the pre-checks) cannot answer now. */
    UNAVAILABLE
  }

  private final Reason reason;
  private final List<FieldViolation> violations;

  protected Refusal(
      Reason reason, String detail, List<FieldViolation> violations, Throwable cause) {
    super(detail, cause, false, false);
    this.reason = reason;
    this.violations = List.copyOf(violations);
  }

  protected Refusal(Reason reason, String detail) {
    this(reason, detail, List.of(), null);
  }

  /** Why it is refused. */
  public Reason reason() {
    return reason;
  }

  /** The fields at fault, where there are any. */
  public List<FieldViolation> violations() {
    return violations;
  }

  /** Members the problem body carries beyond the standard ones, such as failed checks. */
  public Map<String, Object> properties() {
    return Map.of();
  }
}
