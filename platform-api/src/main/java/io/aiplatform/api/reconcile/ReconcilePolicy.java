package io.aiplatform.api.reconcile;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a verify does with drift it finds: only record it, or also converge the resources. */
public enum ReconcilePolicy {
  /** Record drift; change nothing in AWS. */
  REPORT,
  /** Converge drifted and re-create missing resources, under the usual ownership rules. */
  REPAIR;

  /** The name in JSON, in the database and in {@code PLATFORM_API_RECONCILE_POLICY}. */
  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The policy of that name; empty for anything else. */
  public static Optional<ReconcilePolicy> fromWire(String value) {
    return Arrays.stream(values()).filter(p -> p.wire().equals(value)).findFirst();
  }
}
