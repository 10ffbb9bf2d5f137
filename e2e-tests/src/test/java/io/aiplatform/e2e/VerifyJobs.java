package io.aiplatform.e2e;

import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningResult;
import io.aiplatform.contracts.SystemSpec;
import io.aiplatform.testsupport.faults.FaultProxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Verify jobs of one active system, sent on the running platform's jobs queue as platform-api sends
 * them; each result is read from the worker's SendMessage as it passed the fault proxy, because
 * platform-api consumes the results queue (and ignores a result of a job it did not ask for).
 */
final class VerifyJobs {

  private static final Duration ONE_JOB = Duration.ofSeconds(120);

  private final RunningPlatform platform;
  private final SystemSpec spec;
  private final UUID systemId;

  VerifyJobs(RunningPlatform platform, SystemSpec spec, UUID systemId) {
    this.platform = platform;
    this.spec = spec;
    this.systemId = systemId;
  }

  /** One verify job, in the system's message group; answers its result. */
  ProvisioningResult run(boolean repair) {
    ProvisioningJob job = job(repair);
    send(List.of(job), true);
    Map<UUID, ProvisioningResult> results = await(Set.of(job.jobId()), ONE_JOB);
    return results.get(job.jobId());
  }

  /**
   * {@code count} verify jobs without repair sent at once, each in a message group of its own so
   * that the worker runs them side by side as it runs a sweep's jobs of distinct systems.
   */
  List<ProvisioningResult> runAtOnce(int count, Duration atMost) {
    List<ProvisioningJob> jobs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      jobs.add(job(false));
    }
    send(jobs, false);
    Set<UUID> ids = jobs.stream().map(ProvisioningJob::jobId).collect(Collectors.toSet());
    return List.copyOf(await(ids, atMost).values());
  }

  /** The worker's AWS calls after the first {@code before}, its SQS calls left out. */
  List<FaultProxy.Call> awsCallsSince(int before) {
    List<FaultProxy.Call> calls = platform.workerAws.calls();
    return calls.subList(before, calls.size()).stream()
        .filter(call -> !call.operation().service().startsWith("AmazonSQS"))
        .toList();
  }

  private ProvisioningJob job(boolean repair) {
    return new ProvisioningJob(
        ProvisioningJob.SCHEMA_VERSION,
        UUID.randomUUID(),
        systemId,
        ProvisioningJob.Kind.VERIFY,
        1,
        spec,
        false,
        "e2e",
        Instant.now(),
        null,
        repair);
  }

  private void send(List<ProvisioningJob> jobs, boolean systemGroup) {
    try (SqsClient sqs = Emulator.aws(SqsClient.builder())) {
      String queue = platform.prefix + "-provisioning-jobs.fifo";
      String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
      for (ProvisioningJob job : jobs) {
        String group = systemGroup ? job.systemId().toString() : job.jobId().toString();
        sqs.sendMessage(
            b ->
                b.queueUrl(url)
                    .messageBody(PlatformApi.JSON.writeValueAsString(job))
                    .messageGroupId(group)
                    .messageDeduplicationId(job.jobId().toString()));
      }
    }
  }

  private Map<UUID, ProvisioningResult> await(Set<UUID> jobIds, Duration atMost) {
    return Awaitility.await("results of " + jobIds.size() + " verify jobs")
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(300))
        .until(() -> resultsSent(jobIds), results -> results.size() == jobIds.size());
  }

  private Map<UUID, ProvisioningResult> resultsSent(Set<UUID> jobIds) {
    return platform.workerAws.calls().stream()
        .filter(c -> c.operation().name().equals("SendMessage"))
        .map(c -> c.request().substring(c.request().indexOf(' ') + 1))
        .map(body -> PlatformApi.JSON.readTree(body).path("MessageBody").asString(""))
        .filter(message -> message.contains("\"VERIFY\""))
        .map(message -> PlatformApi.JSON.readValue(message, ProvisioningResult.class))
        .filter(result -> jobIds.contains(result.jobId()))
        .collect(Collectors.toMap(ProvisioningResult::jobId, r -> r, (a, b) -> a));
  }
}
