package io.aiplatform.worker.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.aiplatform.contracts.DriftReport;
import io.aiplatform.contracts.DriftReport.Difference;
import io.aiplatform.contracts.DriftReport.ResourceDrift;
import io.aiplatform.contracts.DriftReport.ResourceStatus;
import io.aiplatform.contracts.Infrastructure;
import io.aiplatform.contracts.ResourceResult;
import io.aiplatform.contracts.ResourceResult.Action;
import io.aiplatform.contracts.ResourceResult.Status;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link VerifyRun} over fake steps. The system has a bucket {@code raw} (tagged by a second call,
 * so re-created under an intent), {@code db}, {@code fn} (settings: memory 512) and a route {@code
 * r} whose ownership is {@code fn}'s; it was provisioned by an earlier job.
 */
class VerifyRunTests {

  private static final OwnerTags PROVISIONED =
      new OwnerTags(UUID.randomUUID(), "demo", UUID.randomUUID());
  private static final OwnerTags OWNER =
      new OwnerTags(PROVISIONED.systemId(), "demo", UUID.randomUUID());
  private static final Delivery FIRST = new Delivery(1, false);
  private static final List<String> WRITES = List.of("Create", "Tag", "Converge", "Delete");

  private final FakeCloud cloud = new FakeCloud();

  VerifyRunTests() {
    ProvisioningRun provision =
        new ProvisioningRun(PROVISIONED, plan(), FIRST, cloud.intents, Clock.systemUTC());
    assertThat(provision.provision().succeeded()).isTrue();
    cloud.calls.clear();
    cloud.intents.writes = 0;
  }

  @Test
  void aSystemAsProvisionedIsInSyncAndTheCheckOnlyReads() {
    VerifyRun.Report report = verify(true, FIRST);

    assertThat(report.succeeded()).isTrue();
    assertThat(report.drift().status()).isEqualTo(DriftReport.Status.IN_SYNC);
    assertThat(report.drift().resources())
        .extracting(ResourceDrift::name, ResourceDrift::status)
        .containsExactly(
            tuple("raw", ResourceStatus.IN_SYNC),
            tuple("db", ResourceStatus.IN_SYNC),
            tuple("fn", ResourceStatus.IN_SYNC),
            tuple("r", ResourceStatus.IN_SYNC));
    assertThat(report.resources()).isEmpty();
    assertNoWrites();
  }

  @Test
  void driftAndAMissingResourceAreReportedFieldByFieldAndNothingIsWrittenWithoutRepair() {
    cloud.resources.get("fn").settings = 2048;
    cloud.resources.remove("db");

    VerifyRun.Report report = verify(false, FIRST);

    assertThat(report.succeeded()).isTrue();
    assertThat(report.drift().status()).isEqualTo(DriftReport.Status.DRIFTED);
    assertThat(entry(report, "fn").status()).isEqualTo(ResourceStatus.DRIFTED);
    assertThat(entry(report, "fn").differences())
        .containsExactly(new Difference("settings", "512", "2048"));
    assertThat(entry(report, "db").status()).isEqualTo(ResourceStatus.MISSING);
    assertThat(entry(report, "raw").status()).isEqualTo(ResourceStatus.IN_SYNC);
    assertThat(report.drift().resources()).noneMatch(ResourceDrift::repaired);
    assertThat(report.resources()).isEmpty();
    assertNoWrites();
  }

  @Test
  void withRepairTheDriftedAreConvergedTheMissingRecreatedAndTheNextCheckIsInSync() {
    cloud.resources.get("fn").settings = 2048;
    cloud.resources.remove("raw");

    VerifyRun.Report report = verify(true, FIRST);

    assertThat(report.succeeded()).as(report.errorSummary()).isTrue();
    assertThat(report.drift().status()).isEqualTo(DriftReport.Status.IN_SYNC);
    assertThat(entry(report, "fn").status()).isEqualTo(ResourceStatus.DRIFTED);
    assertThat(entry(report, "fn").repaired()).isTrue();
    assertThat(entry(report, "raw").status()).isEqualTo(ResourceStatus.MISSING);
    assertThat(entry(report, "raw").repaired()).isTrue();
    assertThat(report.resources())
        .extracting(ResourceResult::name, ResourceResult::action, ResourceResult::status)
        .containsExactly(
            tuple("raw", Action.CREATED, Status.SUCCEEDED),
            tuple("fn", Action.UPDATED, Status.SUCCEEDED));
    // Re-created as provisioning creates: tagged as this job's, after an intent.
    assertThat(cloud.resources.get("raw").tags).containsAllEntriesOf(OWNER.forCreation());
    assertThat(cloud.intents.recorded).containsEntry("S3_BUCKET/raw", OWNER);
    assertThat(cloud.resources.get("fn").settings).isEqualTo(512);
    assertThat(cloud.calls).noneMatch(call -> call.endsWith(" db") && !isRead(call));

    VerifyRun.Report next = verify(false, FIRST);

    assertThat(next.drift().status()).isEqualTo(DriftReport.Status.IN_SYNC);
  }

  @Test
  void aResourceNowTaggedForAnotherSystemIsReportedDriftedAndNeverRepaired() {
    String other = UUID.randomUUID().toString();
    cloud.resources.get("fn").tags.put(OwnerTags.SYSTEM_ID, other);
    cloud.resources.get("fn").settings = 2048;

    VerifyRun.Report report = verify(true, FIRST);

    assertThat(report.drift().status()).isEqualTo(DriftReport.Status.DRIFTED);
    ResourceDrift fn = entry(report, "fn");
    assertThat(fn.status()).isEqualTo(ResourceStatus.DRIFTED);
    assertThat(fn.repaired()).isFalse();
    assertThat(fn.differences())
        .containsExactly(
            new Difference("tags.platform:system-id", OWNER.systemId().toString(), other));
    // The route's ownership is the function's: it is no longer ours either, by the same tags.
    assertThat(entry(report, "r").status()).isEqualTo(ResourceStatus.DRIFTED);
    assertThat(cloud.resources.get("fn").settings).isEqualTo(2048);
    assertThat(cloud.resources.get("fn").tags).containsEntry(OwnerTags.SYSTEM_ID, other);
    assertNoWrites();
  }

  @Test
  void aSystemWhollyGoneIsReportedMissingAndNeverRecreated() {
    cloud.resources.clear();

    VerifyRun.Report report = verify(true, FIRST);

    assertThat(report.drift().status()).isEqualTo(DriftReport.Status.DRIFTED);
    assertThat(report.drift().resources())
        .extracting(ResourceDrift::status)
        .containsOnly(ResourceStatus.MISSING);
    assertThat(report.drift().resources()).noneMatch(ResourceDrift::repaired);
    assertThat(cloud.resources).isEmpty();
    assertNoWrites();
  }

  @Test
  void aLostManagedByTagIsADifferenceAndARepairPutsItBack() {
    cloud.resources.get("db").tags.remove(OwnerTags.MANAGED_BY);

    VerifyRun.Report report = verify(true, FIRST);

    assertThat(entry(report, "db").differences())
        .containsExactly(new Difference("tags.platform:managed-by", OwnerTags.WORKER, null));
    assertThat(cloud.resources.get("db").tags)
        .containsEntry(OwnerTags.MANAGED_BY, OwnerTags.WORKER);
    assertThat(report.drift().status()).isEqualTo(DriftReport.Status.IN_SYNC);
  }

  @Test
  void aTransientErrorWhileCheckingHandsTheJobBackBeforeAnythingIsRepaired() {
    cloud.resources.get("fn").settings = 2048;
    cloud.failNext("Find", "r", FakeCloud.awsError(503, "ServiceUnavailable"));

    assertThatThrownBy(() -> verify(true, FIRST)).isInstanceOf(RetryLaterException.class);

    assertThat(cloud.resources.get("fn").settings).isEqualTo(2048);
  }

  @Test
  void aCheckThatCannotCompleteOnTheLastDeliveryIsUnknownAndRepairsNothing() {
    cloud.resources.get("fn").settings = 2048;
    cloud.failNext("Find", "r", FakeCloud.awsError(503, "ServiceUnavailable"));

    VerifyRun.Report report = verify(true, new Delivery(5, true));

    assertThat(report.succeeded()).isFalse();
    assertThat(report.errorSummary()).startsWith("API_ROUTE r failed: ServiceUnavailable");
    assertThat(report.drift().status()).isEqualTo(DriftReport.Status.UNKNOWN);
    assertThat(report.drift().resources())
        .extracting(ResourceDrift::name)
        .containsExactly("raw", "db", "fn");
    assertThat(cloud.resources.get("fn").settings).isEqualTo(2048);
  }

  @Test
  void aRepairThatFailsPermanentlyIsReportedAndTheOthersAreStillRepaired() {
    cloud.resources.remove("db");
    cloud.resources.get("fn").settings = 2048;
    cloud.failNext("Create", "db", FakeCloud.awsError(403, "AccessDenied"));

    VerifyRun.Report report = verify(true, FIRST);

    assertThat(report.succeeded()).isFalse();
    assertThat(report.errorSummary()).startsWith("GLUE_DATABASE db failed: AccessDenied");
    assertThat(report.drift().status()).isEqualTo(DriftReport.Status.DRIFTED);
    assertThat(entry(report, "db").repaired()).isFalse();
    assertThat(entry(report, "fn").repaired()).isTrue();
    assertThat(cloud.resources.get("fn").settings).isEqualTo(512);
    assertThat(report.resources())
        .extracting(ResourceResult::name, ResourceResult::status)
        .containsExactly(tuple("db", Status.FAILED), tuple("fn", Status.SUCCEEDED));
  }

  private VerifyRun.Report verify(boolean repair, Delivery delivery) {
    return new VerifyRun(OWNER, plan(), repair, delivery, cloud.intents, Clock.systemUTC())
        .verify();
  }

  private Plan plan() {
    List<Step<?>> steps =
        List.of(
            cloud.step("raw", false),
            cloud.step("db", true),
            cloud.step("fn", true, 512),
            cloud.derived("r", "fn"));
    return new Plan(steps, new Infrastructure(null, null, null, null, List.of()));
  }

  private void assertNoWrites() {
    assertThat(cloud.calls).allMatch(VerifyRunTests::isRead);
    assertThat(cloud.intents.writes).isZero();
  }

  private static boolean isRead(String call) {
    return WRITES.stream().noneMatch(write -> call.startsWith(write + " "));
  }

  private static ResourceDrift entry(VerifyRun.Report report, String name) {
    return report.drift().resources().stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
