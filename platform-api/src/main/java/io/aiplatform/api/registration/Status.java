package io.aiplatform.api.registration;

import com.fasterxml.jackson.annotation.JsonValue;
import io.aiplatform.contracts.ProvisioningJob.Kind;
import java.util.Arrays;
import java.util.Optional;

/** The life cycle of a system (SPEC section 3). */
enum Status {
  PENDING_PROVISIONING,
  ACTIVE,
  PROVISIONING_FAILED,
  DEPROVISIONING,
  DELETED,
  DEPROVISIONING_FAILED;

  /** The name used in JSON and in the database. */
  @JsonValue
  String wire() {
    return name().toLowerCase();
  }

  static Optional<Status> fromWire(String value) {
    return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
  }

  /** The state a system is in while a job of this kind runs. */
  static Status pending(Kind kind) {
    return kind == Kind.PROVISION ? PENDING_PROVISIONING : DEPROVISIONING;
  }

  /** The state a job of this kind ends in. */
  static Status outcome(Kind kind, boolean succeeded) {
    if (kind == Kind.PROVISION) {
      return succeeded ? ACTIVE : PROVISIONING_FAILED;
    }
    return succeeded ? DELETED : DEPROVISIONING_FAILED;
  }

  boolean isFailed() {
    return this == PROVISIONING_FAILED || this == DEPROVISIONING_FAILED;
  }

  /** The kind of job a retry from this failed state runs again. */
  Kind retriedKind() {
    return this == DEPROVISIONING_FAILED ? Kind.DEPROVISION : Kind.PROVISION;
  }

  boolean canDeprovision() {
    return this != DEPROVISIONING && this != DELETED;
  }
}
