package io.aiplatform.api.prechecks;

import io.aiplatform.api.Refusal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the pre-checks refuse a registration for. */
final class PrecheckRefusals {

  private PrecheckRefusals() {}

  /** Checks failed: the registration would fail in the worker. */
  static final class ChecksFailed extends Refusal {

    private final List<Assessment.Check> failed;

    ChecksFailed(List<Assessment.Check> failed) {
      super(Reason.PRECONDITION_FAILED, describe(failed));
      this.failed = List.copyOf(failed);
    }

    @Override
    public Map<String, Object> properties() {
      return Map.of("checks", failed);
    }

    private static String describe(List<Assessment.Check> failed) {
      return "The registration cannot succeed: "
          + failed.stream()
              .map(c -> c.check() + " " + c.resource() + " (" + c.detail() + ")")
              .collect(Collectors.joining("; "))
          + ". Nothing was stored.";
    }
  }

  /** AWS, or the DMS source database, did not answer the checks in time, or at all. */
  static final class ChecksUnavailable extends Refusal {
    ChecksUnavailable(String why) {
      super(
          Reason.UNAVAILABLE,
          "The registration could not be checked ("
              + why
              + "); nothing was stored. Retry after a moment.");
    }
  }
}
