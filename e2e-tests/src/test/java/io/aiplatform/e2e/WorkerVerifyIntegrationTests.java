package io.aiplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.aiplatform.contracts.DriftReport;
import io.aiplatform.contracts.DriftReport.Difference;
import io.aiplatform.contracts.DriftReport.ResourceDrift;
import io.aiplatform.contracts.DriftReport.ResourceStatus;
import io.aiplatform.contracts.ProvisioningResult;
import io.aiplatform.contracts.ResourceNames;
import io.aiplatform.testsupport.BackingServices;
import io.aiplatform.testsupport.faults.FaultProxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * Verify jobs through the running worker, sent on the jobs queue as platform-api sends them: the
 * issue's four changes by hand are reported exactly, a repair puts them back, a resource whose tags
 * now name another system is reported and never repaired, and a check costs read calls only
 * (counted per operation by the fault proxy). The results are read from the worker's SendMessage as
 * it passed the proxy ({@link VerifyJobs}): platform-api consumes the results queue.
 */
class WorkerVerifyIntegrationTests extends PlatformIntegrationTest {

  private static final Duration CONVERGE = Duration.ofSeconds(120);
  private static final List<String> TABLES = List.of("orders");
  private static final String BY_HAND = "cron(0 1 * * ? *)";

  /** How many verify jobs the timing sends; {@code -Dverify.bench.jobs=100} for the figure. */
  private static final int TIMED_JOBS = Integer.getInteger("verify.bench.jobs", 10);

  @Test
  void fourChangesByHandAreReportedExactlyAndARepairBringsThemBack() throws Exception {
    String system = "verify-" + UUID.randomUUID().toString().substring(0, 6);
    String id = api.register(system, TABLES);
    api.awaitStatus(id, "active", CONVERGE);
    ResourceNames names = names(system);
    String schedule = schedule(names);
    changeByHand(names);
    VerifyJobs jobs = new VerifyJobs(platform, api.spec(system, TABLES), UUID.fromString(id));

    int before = platform.workerAws.calls().size();
    ProvisioningResult found = jobs.run(false);
    List<FaultProxy.Call> reads = jobs.awsCallsSince(before);

    assertThat(found.drift().status()).isEqualTo(DriftReport.Status.DRIFTED);
    assertThat(notInSync(found.drift()))
        .containsOnly(
            Map.entry(names.raw(), ResourceStatus.DRIFTED),
            Map.entry(names.crawler(), ResourceStatus.DRIFTED),
            Map.entry(names.rule(), ResourceStatus.MISSING));
    assertThat(entry(found.drift(), names.raw()).differences())
        .extracting(Difference::field, Difference::desired, Difference::actual)
        .containsExactly(
            tuple("versioning", "Enabled", "Suspended"),
            tuple(
                "publicAccessBlock",
                "BlockPublicAcls=true IgnorePublicAcls=true BlockPublicPolicy=true"
                    + " RestrictPublicBuckets=true",
                null));
    assertThat(entry(found.drift(), names.crawler()).differences())
        .containsExactly(new Difference("schedule", schedule, BY_HAND));
    assertThat(entry(found.drift(), names.rule()).differences()).isEmpty();
    assertThat(found.drift().resources()).noneMatch(ResourceDrift::repaired);
    assertReadsOnly(reads);
    System.out.printf(
        "VERIFY through the running worker: %d resources, %d AWS read calls: %s%n",
        found.drift().resources().size(), reads.size(), byOperation(reads));
    assertThat(versioning(names.raw())).isEqualTo(BucketVersioningStatus.SUSPENDED);

    ProvisioningResult repaired = jobs.run(true);

    assertThat(repaired.drift().status()).isEqualTo(DriftReport.Status.IN_SYNC);
    assertThat(repaired.drift().resources())
        .filteredOn(ResourceDrift::repaired)
        .extracting(ResourceDrift::name)
        .containsExactly(names.raw(), names.crawler(), names.rule());
    assertThat(versioning(names.raw())).isEqualTo(BucketVersioningStatus.ENABLED);
    assertThat(
            emulator
                .s3
                .getPublicAccessBlock(b -> b.bucket(names.raw()))
                .publicAccessBlockConfiguration())
        .extracting(
            PublicAccessBlockConfiguration::blockPublicAcls,
            PublicAccessBlockConfiguration::ignorePublicAcls,
            PublicAccessBlockConfiguration::blockPublicPolicy,
            PublicAccessBlockConfiguration::restrictPublicBuckets)
        .containsOnly(true);
    assertThat(schedule(names)).isEqualTo(schedule);
    assertThat(emulator.events.listTargetsByRule(b -> b.rule(names.rule())).targets()).hasSize(1);

    ProvisioningResult next = jobs.run(false);

    assertThat(next.drift().status()).isEqualTo(DriftReport.Status.IN_SYNC);
    assertThat(notInSync(next.drift())).isEmpty();
    // The verify left the record alone: the system is still active.
    assertThat(api.awaitStatus(id, "active", CONVERGE).get("status").asString())
        .isEqualTo("active");
  }

  @Test
  void aCrawlerWhoseTagsNowNameAnotherSystemIsReportedAndNeverRepaired() throws Exception {
    String system = "verify-" + UUID.randomUUID().toString().substring(0, 6);
    String id = api.register(system, TABLES);
    api.awaitStatus(id, "active", CONVERGE);
    ResourceNames names = names(system);
    String other = UUID.randomUUID().toString();
    String arn = crawlerArn(names);
    emulator.glue.tagResource(b -> b.resourceArn(arn).tagsToAdd(Map.of(Emulator.SYSTEM_ID, other)));
    emulator.glue.updateCrawler(b -> b.name(names.crawler()).schedule(BY_HAND));
    VerifyJobs jobs = new VerifyJobs(platform, api.spec(system, TABLES), UUID.fromString(id));
    int before = platform.workerAws.calls().size();

    ProvisioningResult result = jobs.run(true);

    ResourceDrift crawler = entry(result.drift(), names.crawler());
    assertThat(crawler.status()).isEqualTo(ResourceStatus.DRIFTED);
    assertThat(crawler.repaired()).isFalse();
    assertThat(crawler.differences())
        .containsExactly(new Difference("tags." + Emulator.SYSTEM_ID, id, other));
    assertThat(notInSync(result.drift())).containsOnlyKeys(names.crawler());
    assertThat(result.drift().status()).isEqualTo(DriftReport.Status.DRIFTED);
    assertReadsOnly(jobs.awsCallsSince(before));
    assertThat(schedule(names)).isEqualTo(BY_HAND);
    assertThat(emulator.glue.getTags(b -> b.resourceArn(arn)).tags())
        .containsEntry(Emulator.SYSTEM_ID, other);
  }

  /**
   * The time of verifying a system, as a sweep would: {@link #TIMED_JOBS} verify jobs of one active
   * system sent at once, each in its own message group so that the worker runs them side by side as
   * it would run a sweep's jobs of distinct systems. Prints the figure; asserts only that each job
   * found the system in sync with read calls.
   */
  @Test
  void verifyJobsSentAtOnceAreEachInSyncWithReadCallsOnlyAndTheirTimeIsPrinted() throws Exception {
    String system = "verify-" + UUID.randomUUID().toString().substring(0, 6);
    String id = api.register(system, TABLES);
    api.awaitStatus(id, "active", CONVERGE);
    VerifyJobs jobs = new VerifyJobs(platform, api.spec(system, TABLES), UUID.fromString(id));
    int before = platform.workerAws.calls().size();

    long start = System.nanoTime();
    List<ProvisioningResult> results = jobs.runAtOnce(TIMED_JOBS, Duration.ofMinutes(10));
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(results).hasSize(TIMED_JOBS);
    assertThat(results)
        .allSatisfy(r -> assertThat(r.drift().status()).isEqualTo(DriftReport.Status.IN_SYNC));
    List<FaultProxy.Call> reads = jobs.awsCallsSince(before);
    assertReadsOnly(reads);
    System.out.printf(
        "VERIFY timing: %d verify jobs sent at once took %.1f s (%.2f s a system, %.0f s for"
            + " 1,000 by extrapolation); %.1f AWS read calls a system%n",
        TIMED_JOBS,
        seconds,
        seconds / TIMED_JOBS,
        seconds / TIMED_JOBS * 1000,
        (double) reads.size() / TIMED_JOBS);
  }

  private void changeByHand(ResourceNames names) {
    emulator.s3.putBucketVersioning(
        b ->
            b.bucket(names.raw())
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));
    emulator.s3.deletePublicAccessBlock(b -> b.bucket(names.raw()));
    emulator.glue.updateCrawler(b -> b.name(names.crawler()).schedule(BY_HAND));
    List<String> targets =
        emulator.events.listTargetsByRule(b -> b.rule(names.rule())).targets().stream()
            .map(t -> t.id())
            .toList();
    emulator.events.removeTargets(b -> b.rule(names.rule()).ids(targets));
    emulator.events.deleteRule(b -> b.name(names.rule()));
  }

  private static void assertReadsOnly(List<FaultProxy.Call> calls) {
    assertThat(calls)
        .extracting(call -> call.operation().name())
        .isNotEmpty()
        .allMatch(op -> op.startsWith("Get") || op.startsWith("List") || op.startsWith("Describe"));
  }

  private static Map<String, Long> byOperation(List<FaultProxy.Call> calls) {
    return calls.stream()
        .collect(
            Collectors.groupingBy(c -> c.operation().name(), TreeMap::new, Collectors.counting()));
  }

  private static Map<String, ResourceStatus> notInSync(DriftReport report) {
    return report.resources().stream()
        .filter(r -> r.status() != ResourceStatus.IN_SYNC)
        .collect(Collectors.toMap(ResourceDrift::name, ResourceDrift::status));
  }

  private static ResourceDrift entry(DriftReport report, String name) {
    return report.resources().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  private static BucketVersioningStatus versioning(String bucket) {
    return emulator.s3.getBucketVersioning(b -> b.bucket(bucket)).status();
  }

  private static String schedule(ResourceNames names) {
    return emulator
        .glue
        .getCrawler(b -> b.name(names.crawler()))
        .crawler()
        .schedule()
        .scheduleExpression();
  }

  private static String crawlerArn(ResourceNames names) {
    String account =
        emulator.glue.getDatabase(b -> b.name(names.glueDatabase())).database().catalogId();
    return "arn:aws:glue:" + BackingServices.REGION + ":" + account + ":crawler/" + names.crawler();
  }
}
