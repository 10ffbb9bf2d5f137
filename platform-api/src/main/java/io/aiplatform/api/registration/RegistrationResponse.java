package io.aiplatform.api.registration;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/** The answer to a registration (seed 000, "Response Format"). */
record RegistrationResponse(
    @JsonProperty("message") String message,
    @JsonProperty("system_id") UUID systemId,
    @JsonProperty("system_name") String systemName,
    @JsonProperty("status") Status status,
    @JsonProperty("note") String note) {

  static RegistrationResponse registered(UUID systemId, String systemName) {
    return new RegistrationResponse(
        "System registered successfully",
        systemId,
        systemName,
        Status.PENDING_PROVISIONING,
        "Infrastructure provisioning will begin automatically");
  }
}
