package io.aiplatform.worker.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.aiplatform.contracts.Infrastructure;
import io.aiplatform.contracts.ResourceResult;
import io.aiplatform.contracts.ResourceResult.Action;
import io.aiplatform.contracts.ResourceResult.Status;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link UpdateRun} over fake steps. The previous configuration is {@code db}, {@code fn} (memory
 * 512) and route {@code a}; the change raises the memory, adds route {@code b} and drops {@code a}.
 */
class UpdateRunTests {

  private static final OwnerTags OWNER =
      new OwnerTags(UUID.randomUUID(), "demo", UUID.randomUUID());
  private static final Delivery FIRST = new Delivery(1, false);

  private final FakeCloud cloud = new FakeCloud();

  UpdateRunTests() {
    ProvisioningRun provision =
        new ProvisioningRun(OWNER, previous(), FIRST, cloud.intents, Clock.systemUTC());
    assertThat(provision.provision().succeeded()).isTrue();
    cloud.calls.clear();
  }

  @Test
  void onlyWhatDiffersIsTouchedAndTheRestIsReportedUnchangedWithoutACall() {
    ProvisioningRun.Report report = update(FIRST);

    assertThat(report.succeeded()).as(report.errorSummary()).isTrue();
    assertThat(report.resources())
        .extracting(ResourceResult::name, ResourceResult::action)
        .containsExactly(
            tuple("db", Action.UNCHANGED),
            tuple("fn", Action.UPDATED),
            tuple("b", Action.CREATED),
            tuple("a", Action.DELETED));
    assertThat(cloud.calls).noneMatch(call -> call.endsWith(" db"));
    assertThat(cloud.resources.get("fn").settings).isEqualTo(1024);
    assertThat(cloud.resources).containsOnlyKeys("db", "fn", "b");
  }

  @Test
  void aRepeatedUpdateFindsEverythingChangedAlreadyAndWritesNothing() {
    update(FIRST);
    cloud.calls.clear();

    ProvisioningRun.Report again = update(new Delivery(2, false));

    assertThat(again.resources())
        .extracting(ResourceResult::action)
        .containsOnly(Action.UNCHANGED, Action.NONE);
    assertThat(cloud.calls)
        .noneMatch(call -> call.startsWith("Create") || call.startsWith("Delete"));
  }

  @Test
  void aPermanentFailureReturnsEveryChangedResourceToThePreviousConfiguration() {
    cloud.failNext("Delete", "a", FakeCloud.awsError(403, "AccessDenied"));

    ProvisioningRun.Report report = update(FIRST);

    assertThat(report.errorSummary()).startsWith("API_ROUTE a failed: AccessDenied");
    assertThat(cloud.resources.get("fn").settings).isEqualTo(512);
    assertThat(cloud.resources).containsOnlyKeys("db", "fn", "a");
    assertThat(report.resources())
        .extracting(ResourceResult::name, ResourceResult::action, ResourceResult::status)
        .containsExactly(
            tuple("db", Action.UNCHANGED, Status.SUCCEEDED),
            tuple("fn", Action.RESTORED, Status.SUCCEEDED),
            tuple("b", Action.ROLLED_BACK, Status.SUCCEEDED),
            tuple("a", Action.NONE, Status.FAILED));
  }

  @Test
  void aTransientFailureHandsTheJobBackAndRestoresNothingYet() {
    cloud.failNext(
        "Create", "b", FakeCloud.awsError(503, "ServiceUnavailable"), Resources.CREATE_ATTEMPTS);

    assertThatThrownBy(() -> update(FIRST)).isInstanceOf(RetryLaterException.class);

    assertThat(cloud.resources.get("fn").settings).isEqualTo(1024);
  }

  @Test
  void aCrashMidwayIsConvergedByTheNextDelivery() {
    cloud.crashAfterNext("Create", "b");
    assertThatThrownBy(() -> update(FIRST)).isInstanceOf(FakeCloud.Crash.class);

    ProvisioningRun.Report report = update(new Delivery(2, false));

    assertThat(report.succeeded()).isTrue();
    assertThat(cloud.resources).containsOnlyKeys("db", "fn", "b");
    assertThat(cloud.resources.get("fn").settings).isEqualTo(1024);
  }

  @Test
  void aFailureWhileRestoringIsReportedWithTheResourcesLeftChanged() {
    cloud.failNext("Delete", "a", FakeCloud.awsError(403, "AccessDenied"));
    cloud.failNext("Delete", "b", FakeCloud.awsError(403, "AccessDenied"));

    ProvisioningRun.Report report = update(FIRST);

    assertThat(report.errorSummary())
        .contains("not returned to the previous configuration: API_ROUTE b");
  }

  private ProvisioningRun.Report update(Delivery delivery) {
    return new UpdateRun(OWNER, previous(), next(), delivery, cloud.intents, Clock.systemUTC())
        .update();
  }

  private Plan previous() {
    return plan(512, "a");
  }

  private Plan next() {
    return plan(1024, "b");
  }

  private Plan plan(int memory, String route) {
    List<Step<?>> steps = new ArrayList<>();
    steps.add(cloud.step("db", true));
    steps.add(cloud.step("fn", true, memory));
    steps.add(cloud.derived(route, "fn"));
    return new Plan(steps, new Infrastructure(null, null, null, null, List.of()));
  }
}
