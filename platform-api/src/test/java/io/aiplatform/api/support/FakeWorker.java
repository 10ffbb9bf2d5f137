package io.aiplatform.api.support;

import static org.awaitility.Awaitility.await;

import io.aiplatform.contracts.DriftReport;
import io.aiplatform.contracts.Infrastructure;
import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningResult;
import io.aiplatform.contracts.ResourceResult;
import io.aiplatform.contracts.SystemSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Plays provisioner-worker for the API's tests: takes the jobs the API sent from the jobs queue and
 * answers them on the results queue as the worker would.
 */
public final class FakeWorker {

  private FakeWorker() {}

  /** The life-cycle job of the given generation the API sent for the system (verifies aside). */
  public static ProvisioningJob awaitJob(String systemId, long generation) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> jobs(systemId).stream().filter(j -> j.generation() == generation).toList(),
            jobs -> jobs.size() == 1)
        .get(0);
  }

  /**
   * The life-cycle jobs the API sent for the system so far; verifies, which the sweep may send at
   * any time, are left out ({@link #verifies}).
   */
  public static List<ProvisioningJob> jobs(String systemId) {
    return all(systemId).stream().filter(j -> j.kind() != ProvisioningJob.Kind.VERIFY).toList();
  }

  /** The verify jobs the API sent for the system so far. */
  public static List<ProvisioningJob> verifies(String systemId) {
    return all(systemId).stream().filter(j -> j.kind() == ProvisioningJob.Kind.VERIFY).toList();
  }

  /** Waits for the system's {@code n}th verify job and returns it. */
  public static ProvisioningJob awaitVerify(String systemId, int n) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> verifies(systemId), jobs -> jobs.size() >= n)
        .get(n - 1);
  }

  /** Answers a verify with what the check found. */
  public static void verified(ProvisioningJob job, DriftReport drift) {
    var result =
        new ProvisioningResult(
            ProvisioningResult.SCHEMA_VERSION,
            job.jobId(),
            job.systemId(),
            job.kind(),
            job.generation(),
            drift.status() == DriftReport.Status.UNKNOWN
                ? ProvisioningResult.Outcome.FAILED
                : ProvisioningResult.Outcome.SUCCEEDED,
            List.of(),
            infrastructure(job, job.spec()),
            drift.status() == DriftReport.Status.UNKNOWN ? "the check could not complete" : null,
            drift.checkedAt(),
            drift);
    String url = TestQueues.url(TestQueues.RESULTS);
    String body = Api.json().writeValueAsString(result);
    TestQueues.client().sendMessage(b -> b.queueUrl(url).messageBody(body)).join();
  }

  private static List<ProvisioningJob> all(String systemId) {
    return JobsOnQueue.forSystem(systemId).stream()
        .map(r -> Api.json().readValue(r.body(), ProvisioningJob.class))
        .toList();
  }

  /** Reports the job as succeeded, with the resources of the configuration it ran. */
  public static void succeed(ProvisioningJob job) {
    send(job, ProvisioningResult.Outcome.SUCCEEDED, infrastructure(job, job.spec()), null);
  }

  /**
   * Reports the job as failed: for an update, with the previous configuration restored, as the
   * worker does.
   */
  public static void fail(ProvisioningJob job, String reason) {
    Infrastructure after =
        job.kind() == ProvisioningJob.Kind.UPDATE ? infrastructure(job, job.previousSpec()) : null;
    send(job, ProvisioningResult.Outcome.FAILED, after, reason);
  }

  private static void send(
      ProvisioningJob job, ProvisioningResult.Outcome outcome, Infrastructure after, String error) {
    Instant now = Instant.now();
    String function = "platform-" + job.spec().systemName() + "-handler";
    var resource =
        new ResourceResult(
            ResourceResult.ResourceKind.LAMBDA_FUNCTION,
            function,
            null,
            job.kind() == ProvisioningJob.Kind.UPDATE
                ? ResourceResult.Action.UPDATED
                : ResourceResult.Action.CREATED,
            error == null ? ResourceResult.Status.SUCCEEDED : ResourceResult.Status.FAILED,
            null,
            now);
    var result =
        new ProvisioningResult(
            ProvisioningResult.SCHEMA_VERSION,
            job.jobId(),
            job.systemId(),
            job.kind(),
            job.generation(),
            outcome,
            List.of(resource),
            after,
            error,
            now);
    String url = TestQueues.url(TestQueues.RESULTS);
    String body = Api.json().writeValueAsString(result);
    TestQueues.client().sendMessage(b -> b.queueUrl(url).messageBody(body)).join();
  }

  private static Infrastructure infrastructure(ProvisioningJob job, SystemSpec spec) {
    String base = "platform-" + spec.systemName();
    if (job.kind() == ProvisioningJob.Kind.DEPROVISION) {
      Infrastructure.Buckets retained =
          job.deleteData()
              ? null
              : new Infrastructure.Buckets(base + "-raw", base + "-curated", base + "-prod");
      return new Infrastructure(retained, null, null, null, List.of());
    }
    return new Infrastructure(
        new Infrastructure.Buckets(base + "-raw", base + "-curated", base + "-prod"),
        base.replace('-', '_') + "_db",
        base + "-crawler",
        spec.dataSources().isEmpty() ? null : base + "-replication",
        List.of(base + "-raw-to-curated"),
        base + "-handler",
        spec.endpoints().stream().map(SystemSpec.Endpoint::routeKey).toList(),
        base);
  }
}
