package io.aiplatform.worker.provisioning;

import static io.aiplatform.worker.provisioning.Resources.CREATE_ATTEMPTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aiplatform.contracts.Infrastructure;
import io.aiplatform.contracts.ResourceResult;
import io.aiplatform.contracts.ResourceResult.Action;
import io.aiplatform.contracts.ResourceResult.Status;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ProvisioningRun} over fake steps: create, adopt, refuse, roll back, and resume after a
 * crash at every call. {@code raw} and {@code curated} behave like S3 buckets (created untagged,
 * tagged by a second call, hold data); {@code db} and {@code crawler} like Glue resources (tagged
 * in the create call).
 */
class ProvisioningRunTests {

  private static final List<String> NAMES = List.of("raw", "curated", "db", "crawler");
  private static final OwnerTags OWNER =
      new OwnerTags(UUID.randomUUID(), "demo", UUID.randomUUID());
  private static final Delivery FIRST = new Delivery(1, false);
  private static final Delivery SECOND = new Delivery(2, false);

  private FakeCloud cloud = new FakeCloud();

  @Test
  void aNewSystemGetsEveryResourceInOrderTaggedAsItsOwnWithOneIntentWrite() {
    ProvisioningRun.Report report = provision(FIRST);

    assertThat(report.succeeded()).isTrue();
    assertThat(report.resources())
        .extracting(ResourceResult::name)
        .containsExactlyElementsOf(NAMES);
    assertThat(report.resources()).extracting(ResourceResult::action).containsOnly(Action.CREATED);
    assertEveryResourceOnceAndThisJobs();
    assertThat(cloud.intents.writes).isEqualTo(1);
    assertThat(cloud.intents.recorded).containsOnlyKeys("S3_BUCKET/raw", "S3_BUCKET/curated");
  }

  @Test
  void aResourceOfThisSystemIsConvergedNotCreatedAgain() {
    cloud.put("db", OWNER.createdBy(UUID.randomUUID()), false);

    ProvisioningRun.Report report = provision(FIRST);

    assertThat(action(report, "db")).isEqualTo(Action.EXISTING);
    assertThat(cloud.count("Create")).isEqualTo(3);
    assertThat(cloud.calls).contains("Converge db");
  }

  @Test
  void aResourceTaggedForThisSystemByHandIsAdoptedAndGetsTheWorkersTags() {
    cloud.put("crawler", Map.of(OwnerTags.SYSTEM_ID, OWNER.systemId().toString()), false);

    ProvisioningRun.Report report = provision(FIRST);

    assertThat(action(report, "crawler")).isEqualTo(Action.ADOPTED);
    assertThat(cloud.resources.get("crawler").tags)
        .containsEntry(OwnerTags.MANAGED_BY, OwnerTags.WORKER);
  }

  @Test
  void aResourceOfAnotherSystemFailsTheJobIsLeftAloneAndWhatTheJobMadeIsRolledBackNewestFirst() {
    Map<String, String> theirs =
        new OwnerTags(UUID.randomUUID(), "other", UUID.randomUUID()).ownership();
    cloud.put("db", theirs, false);

    ProvisioningRun.Report report = provision(FIRST);

    assertThat(report.errorSummary()).startsWith("GLUE_DATABASE db failed: ForeignResource");
    assertThat(cloud.resources).containsOnlyKeys("db");
    assertThat(cloud.resources.get("db").tags).isEqualTo(theirs);
    assertThat(cloud.calls).containsSubsequence("Delete curated", "Delete raw");
    assertThat(report.resources())
        .extracting(ResourceResult::name, ResourceResult::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("raw", Action.ROLLED_BACK),
            org.assertj.core.groups.Tuple.tuple("curated", Action.ROLLED_BACK),
            org.assertj.core.groups.Tuple.tuple("db", Action.NONE));
  }

  @ParameterizedTest(name = "untagged, intent of this system: {0}; holds objects: {1}")
  @org.junit.jupiter.params.provider.CsvSource({"false, false", "true, true"})
  void anUntaggedBucketIsTakenOnlyWhenThisSystemIntendedItAndItIsEmpty(
      boolean intended, boolean holdsObjects) {
    cloud.put("curated", Map.of(), holdsObjects);
    if (intended) {
      cloud.intents.recorded.put("S3_BUCKET/curated", OWNER);
    }

    ProvisioningRun.Report report = provision(FIRST);

    assertThat(report.errorSummary()).startsWith("S3_BUCKET curated failed: ForeignResource");
    assertThat(cloud.resources).containsOnlyKeys("curated");
    assertThat(cloud.resources.get("curated").tags).isEmpty();
  }

  @Test
  void aCreateRefusedTransientlyIsSentAgainInTheSameDeliveryAfterALook() {
    cloud.failNext(
        "Create", "crawler", FakeCloud.awsError(503, "ServiceUnavailable"), CREATE_ATTEMPTS - 1);

    ProvisioningRun.Report report = provision(FIRST);

    assertThat(report.succeeded()).as(report.errorSummary()).isTrue();
    assertThat(cloud.calls)
        .containsSubsequence("Create crawler", "Find crawler", "Create crawler", "Find crawler")
        .filteredOn("Create crawler"::equals)
        .hasSize(CREATE_ATTEMPTS);
    assertEveryResourceOnceAndThisJobs();
  }

  @Test
  void aTransientErrorOnEveryAttemptAsksForAnotherDeliveryAndRollsNothingBack() {
    cloud.failNext(
        "Create", "crawler", FakeCloud.awsError(503, "ServiceUnavailable"), CREATE_ATTEMPTS);

    assertThatThrownBy(() -> provision(FIRST)).isInstanceOf(RetryLaterException.class);

    assertThat(cloud.resources).containsOnlyKeys("raw", "curated", "db");
  }

  @Test
  void aTransientErrorOnTheLastDeliveryEndsTheJobAndRollsBack() {
    cloud.failNext(
        "Create", "crawler", FakeCloud.awsError(503, "ServiceUnavailable"), CREATE_ATTEMPTS);

    ProvisioningRun.Report report = provision(new Delivery(5, true));

    assertThat(report.errorSummary()).contains("crawler failed: ServiceUnavailable");
    assertThat(cloud.resources).isEmpty();
  }

  @ParameterizedTest(name = "crash right after {0}")
  @MethodSource("everyCallOfACleanProvisioning")
  void aCrashAfterAnyCallOfAProvisioningIsConvergedByTheNextDelivery(String call) {
    String[] parts = call.split(" ", 2);
    cloud.crashAfterNext(parts[0], parts[1]);

    assertThatThrownBy(() -> provision(FIRST)).isInstanceOf(FakeCloud.Crash.class);
    ProvisioningRun.Report report = provision(SECOND);

    assertThat(report.succeeded()).as(report.errorSummary()).isTrue();
    assertEveryResourceOnceAndThisJobs();
  }

  @ParameterizedTest(name = "lost answer to the create of {0}")
  @ValueSource(strings = {"raw", "curated", "db", "crawler"})
  void aLostAnswerToACreateConvergesInTheSameDelivery(String name) {
    cloud.loseNextAnswer("Create", name);

    ProvisioningRun.Report report = provision(FIRST);

    assertThat(report.succeeded()).as(report.errorSummary()).isTrue();
    assertThat(action(report, name)).isEqualTo(Action.CREATED);
    assertEveryResourceOnceAndThisJobs();
  }

  @ParameterizedTest(name = "crash right after rollback call Delete {0}")
  @ValueSource(strings = {"db", "curated", "raw"})
  void aCrashInsideARollbackIsFinishedByTheNextDelivery(String deleted) {
    RuntimeException denied = FakeCloud.awsError(403, "AccessDenied");
    cloud.failNext("Create", "crawler", denied);
    cloud.crashAfterNext("Delete", deleted);
    assertThatThrownBy(() -> provision(FIRST)).isInstanceOf(FakeCloud.Crash.class);

    cloud.failNext("Create", "crawler", denied);
    ProvisioningRun.Report report = provision(SECOND);

    assertThat(report.errorSummary()).contains("crawler failed: AccessDenied");
    assertThat(cloud.resources).isEmpty();
  }

  @Test
  void aFailureBeforeWhereAnEarlierDeliveryGotAlsoRemovesWhatThatDeliveryMadeBeyondIt() {
    cloud.crashAfterNext("Create", "crawler");
    assertThatThrownBy(() -> provision(FIRST)).isInstanceOf(FakeCloud.Crash.class);

    cloud.failNext("Find", "db", FakeCloud.awsError(403, "AccessDenied"));
    ProvisioningRun.Report report = provision(SECOND);

    assertThat(report.errorSummary()).contains("db failed: AccessDenied");
    assertThat(cloud.resources).isEmpty();
  }

  @Test
  void deprovisioningGoesNewestFirstAndKeepsTheDataUnlessAsked() {
    provision(FIRST);

    ProvisioningRun.Report kept = deprovision(false);

    assertThat(kept.resources())
        .extracting(ResourceResult::name, ResourceResult::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("crawler", Action.DELETED),
            org.assertj.core.groups.Tuple.tuple("db", Action.DELETED),
            org.assertj.core.groups.Tuple.tuple("curated", Action.RETAINED),
            org.assertj.core.groups.Tuple.tuple("raw", Action.RETAINED));
    assertThat(deprovision(true).succeeded()).isTrue();
    assertThat(cloud.resources).isEmpty();
  }

  @ParameterizedTest(name = "crash right after Delete {0}")
  @ValueSource(strings = {"crawler", "db", "curated", "raw"})
  void aCrashInsideDeprovisioningIsFinishedByTheNextDelivery(String deleted) {
    provision(FIRST);
    cloud.crashAfterNext("Delete", deleted);
    assertThatThrownBy(() -> deprovision(true)).isInstanceOf(FakeCloud.Crash.class);

    ProvisioningRun.Report report = deprovision(true);

    assertThat(report.succeeded()).isTrue();
    assertThat(report.resources())
        .extracting(ResourceResult::status)
        .containsOnly(Status.SUCCEEDED);
    assertThat(cloud.resources).isEmpty();
  }

  @Test
  void deprovisioningLeavesAnotherSystemsResourceAlone() {
    provision(FIRST);
    Map<String, String> theirs =
        new OwnerTags(UUID.randomUUID(), "other", UUID.randomUUID()).ownership();
    cloud.resources.get("db").tags.clear();
    cloud.resources.get("db").tags.putAll(theirs);

    ProvisioningRun.Report report = deprovision(true);

    assertThat(report.succeeded()).isTrue();
    assertThat(cloud.resources).containsOnlyKeys("db");
    assertThat(report.resources())
        .filteredOn(r -> r.name().equals("db"))
        .singleElement()
        .satisfies(r -> assertThat(r.error().code()).isEqualTo("ForeignResource"));
  }

  static Stream<String> everyCallOfACleanProvisioning() {
    ProvisioningRunTests clean = new ProvisioningRunTests();
    clean.provision(FIRST);
    return clean.cloud.calls.stream().distinct();
  }

  private ProvisioningRun.Report provision(Delivery delivery) {
    return run(delivery).provision();
  }

  private ProvisioningRun.Report deprovision(boolean deleteData) {
    return run(FIRST).deprovision(deleteData);
  }

  private ProvisioningRun run(Delivery delivery) {
    List<Step<?>> steps =
        List.of(
            cloud.step("raw", false),
            cloud.step("curated", false),
            cloud.step("db", true),
            cloud.step("crawler", true));
    Plan plan = new Plan(steps, new Infrastructure(null, null, null, null, List.of()));
    return new ProvisioningRun(OWNER, plan, delivery, cloud.intents, Clock.systemUTC());
  }

  private void assertEveryResourceOnceAndThisJobs() {
    assertThat(cloud.resources).containsOnlyKeys(NAMES);
    cloud
        .resources
        .values()
        .forEach(
            r ->
                assertThat(r.tags)
                    .containsEntry(OwnerTags.SYSTEM_ID, OWNER.systemId().toString())
                    .containsEntry(OwnerTags.CREATED_BY_JOB, OWNER.jobId().toString())
                    .containsEntry(OwnerTags.MANAGED_BY, OwnerTags.WORKER));
  }

  private static Action action(ProvisioningRun.Report report, String name) {
    return report.resources().stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow()
        .action();
  }
}
