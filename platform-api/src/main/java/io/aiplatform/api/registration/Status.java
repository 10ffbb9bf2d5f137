package io.aiplatform.api.registration;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The states of a system (SPEC section 3); {@link Lifecycle} says how one leads to another. */
enum Status {
  PENDING_PROVISIONING,
  ACTIVE,
  PROVISIONING_FAILED,
  UPDATING,
  UPDATE_FAILED,
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
}
