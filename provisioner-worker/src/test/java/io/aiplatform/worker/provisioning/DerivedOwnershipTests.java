package io.aiplatform.worker.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aiplatform.contracts.Infrastructure;
import io.aiplatform.contracts.ResourceResult;
import io.aiplatform.contracts.ResourceResult.Action;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Resources that cannot carry tags (API routes, integrations, Lambda permissions) are this system's
 * through the tagged resource they point at: {@code fn} behaves like the function (tagged in its
 * create call), {@code integration} and {@code route} point at it and carry nothing.
 */
class DerivedOwnershipTests {

  private static final OwnerTags OWNER =
      new OwnerTags(UUID.randomUUID(), "demo", UUID.randomUUID());
  private static final Delivery FIRST = new Delivery(1, false);
  private static final Delivery SECOND = new Delivery(2, false);

  private FakeCloud cloud = new FakeCloud();

  @Test
  void aResourceWithoutTagsIsCreatedPointingAtTheSystemsTaggedResourceAndIsReportedAsCreated() {
    ProvisioningRun.Report report = provision(FIRST);

    assertThat(report.succeeded()).as(report.errorSummary()).isTrue();
    assertThat(report.resources()).extracting(ResourceResult::action).containsOnly(Action.CREATED);
    assertThat(cloud.resources.get("route").tags).isEmpty();
    assertThat(cloud.resources.get("route").pointsAt).isEqualTo("fn");
    assertThat(cloud.intents.writes).isZero();
  }

  @Test
  void aRouteOfThatKeyPointingAtAnotherSystemsFunctionIsForeignAndLeftAlone() {
    cloud.put(
        "other-fn",
        new OwnerTags(UUID.randomUUID(), "other", UUID.randomUUID()).ownership(),
        false);
    cloud.pointing("route", "other-fn", null);

    ProvisioningRun.Report report = provision(FIRST);

    assertThat(report.errorSummary()).startsWith("API_ROUTE route failed: ForeignResource");
    assertThat(cloud.resources.get("route").pointsAt).isEqualTo("other-fn");
    assertThat(cloud.resources).containsOnlyKeys("other-fn", "route");
  }

  @Test
  void aRouteOfTheSystemFoundAgainIsConvergedAndNeverCreatedTwice() {
    provision(FIRST);

    ProvisioningRun.Report again = run(FIRST).provision();

    assertThat(again.resources()).extracting(ResourceResult::action).containsOnly(Action.EXISTING);
    assertThat(cloud.count("Create")).isEqualTo(3);
  }

  @ParameterizedTest(name = "crash right after {0}")
  @MethodSource("everyCall")
  void aCrashAfterAnyCallIsConvergedByTheNextDelivery(String call) {
    String[] parts = call.split(" ", 2);
    cloud.crashAfterNext(parts[0], parts[1]);

    assertThatThrownBy(() -> provision(FIRST)).isInstanceOf(FakeCloud.Crash.class);
    ProvisioningRun.Report report = provision(SECOND);

    assertThat(report.succeeded()).as(report.errorSummary()).isTrue();
    assertThat(cloud.resources).containsOnlyKeys("fn", "integration", "route");
    assertThat(cloud.count("Create")).isEqualTo(3);
  }

  @ParameterizedTest(name = "lost answer to the create of {0}")
  @ValueSource(strings = {"integration", "route"})
  void aLostAnswerToACreateSentOnceIsFoundAndConvergedInTheSameDelivery(String name) {
    cloud.loseNextAnswer("Create", name);

    ProvisioningRun.Report report = provision(FIRST);

    assertThat(report.succeeded()).as(report.errorSummary()).isTrue();
    assertThat(report.resources())
        .filteredOn(r -> r.name().equals(name))
        .singleElement()
        .satisfies(r -> assertThat(r.action()).isEqualTo(Action.CREATED));
    assertThat(cloud.calls.stream().filter(("Create " + name)::equals)).hasSize(1);
  }

  @Test
  void aFailureAfterThemRollsThemBackNewestFirstAfterACrashToo() {
    cloud.crashAfterNext("Create", "route");
    assertThatThrownBy(() -> provision(FIRST)).isInstanceOf(FakeCloud.Crash.class);

    cloud.failNext("Find", "route", FakeCloud.awsError(403, "AccessDenied"));
    ProvisioningRun.Report report = provision(SECOND);

    assertThat(report.errorSummary()).contains("route failed: AccessDenied");
    assertThat(cloud.resources).isEmpty();
    assertThat(cloud.calls).containsSubsequence("Delete route", "Delete integration", "Delete fn");
  }

  @Test
  void deprovisioningRemovesThemBeforeWhatTheyPointAt() {
    provision(FIRST);

    ProvisioningRun.Report report = run(FIRST).deprovision(true);

    assertThat(report.resources())
        .extracting(ResourceResult::name)
        .containsExactly("route", "integration", "fn");
    assertThat(cloud.resources).isEmpty();
  }

  @Test
  void deprovisioningLeavesARouteAloneThatPointsAtSomethingElse() {
    provision(FIRST);
    cloud.resources.get("route").pointsAt = "someone-elses";

    ProvisioningRun.Report report = run(FIRST).deprovision(true);

    assertThat(report.succeeded()).isTrue();
    assertThat(cloud.resources).containsOnlyKeys("route");
  }

  static Stream<String> everyCall() {
    DerivedOwnershipTests clean = new DerivedOwnershipTests();
    clean.provision(FIRST);
    return clean.cloud.calls.stream().distinct();
  }

  private ProvisioningRun.Report provision(Delivery delivery) {
    return run(delivery).provision();
  }

  private ProvisioningRun run(Delivery delivery) {
    List<Step<?>> steps =
        List.of(
            cloud.step("fn", true),
            cloud.derived("integration", "fn"),
            cloud.derived("route", "fn"));
    Plan plan = new Plan(steps, new Infrastructure(null, null, null, null, List.of()));
    return new ProvisioningRun(OWNER, plan, delivery, cloud.intents, Clock.systemUTC());
  }
}
