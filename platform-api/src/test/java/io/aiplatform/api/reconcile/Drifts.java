package io.aiplatform.api.reconcile;

import io.aiplatform.contracts.DriftReport;
import io.aiplatform.contracts.DriftReport.Difference;
import io.aiplatform.contracts.DriftReport.ResourceDrift;
import io.aiplatform.contracts.DriftReport.ResourceStatus;
import io.aiplatform.contracts.ResourceResult.ResourceKind;
import java.time.Instant;
import java.util.List;

/** Drift reports as the worker writes them, for the API's tests. */
final class Drifts {

  private Drifts() {}

  /** The four differences: versioning and public access block, schedule, a lost rule. */
  static DriftReport drifted(String name, Instant at, boolean repaired) {
    String base = "platform-" + name;
    return new DriftReport(
        repaired ? DriftReport.Status.IN_SYNC : DriftReport.Status.DRIFTED,
        at,
        List.of(
            new ResourceDrift(
                ResourceKind.S3_BUCKET,
                base + "-raw",
                ResourceStatus.DRIFTED,
                List.of(
                    new Difference("versioning", "Enabled", "Suspended"),
                    new Difference("public_access_block", "all four blocked", null)),
                List.of(),
                repaired),
            new ResourceDrift(
                ResourceKind.GLUE_CRAWLER,
                base + "-crawler",
                ResourceStatus.DRIFTED,
                List.of(new Difference("schedule", "cron(0 2 * * ? *)", "cron(0 5 * * ? *)")),
                List.of(),
                repaired),
            new ResourceDrift(
                ResourceKind.EVENTBRIDGE_RULE,
                base + "-raw-to-curated",
                ResourceStatus.MISSING,
                List.of(),
                List.of(),
                repaired),
            new ResourceDrift(
                ResourceKind.GLUE_DATABASE,
                base.replace('-', '_') + "_db",
                ResourceStatus.IN_SYNC,
                List.of(),
                List.of(),
                false)));
  }

  /** Everything as it should be. */
  static DriftReport inSync(String name, Instant at) {
    return new DriftReport(
        DriftReport.Status.IN_SYNC,
        at,
        List.of(
            new ResourceDrift(
                ResourceKind.S3_BUCKET,
                "platform-" + name + "-raw",
                ResourceStatus.IN_SYNC,
                List.of(),
                List.of(),
                false)));
  }

  /** A bucket whose tags say it is another system's: drifted, never repaired. */
  static DriftReport foreign(String name, Instant at) {
    return new DriftReport(
        DriftReport.Status.DRIFTED,
        at,
        List.of(
            new ResourceDrift(
                ResourceKind.S3_BUCKET,
                "platform-" + name + "-raw",
                ResourceStatus.DRIFTED,
                List.of(new Difference("tags.platform:system-id", "ours", "theirs")),
                List.of(),
                false)));
  }
}
