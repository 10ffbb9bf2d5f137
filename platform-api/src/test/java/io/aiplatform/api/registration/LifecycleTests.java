package io.aiplatform.api.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aiplatform.api.registration.TimelineEvent.ChangeRequested;
import io.aiplatform.api.registration.TimelineEvent.FieldChange;
import io.aiplatform.api.registration.TimelineEvent.JobEnded;
import io.aiplatform.api.registration.TimelineEvent.JobRequested;
import io.aiplatform.api.registration.TimelineEvent.Registered;
import io.aiplatform.api.registration.TimelineEvent.ResourceStep;
import io.aiplatform.contracts.Infrastructure;
import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningJob.Kind;
import io.aiplatform.contracts.ProvisioningResult;
import io.aiplatform.contracts.ProvisioningResult.Outcome;
import io.aiplatform.contracts.ResourceResult;
import io.aiplatform.contracts.SystemSpec;
import io.aiplatform.contracts.SystemSpec.Endpoint;
import io.aiplatform.contracts.SystemSpec.LambdaConfig;
import io.aiplatform.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every transition of a system's life cycle, and every one it refuses, without a database. */
class LifecycleTests {

  private static final Duration TIMEOUT = Duration.ofHours(2);
  private static final SystemSpec SPEC =
      new SystemSpec(
          "demand",
          "forecasts",
          List.of("orders"),
          List.of(new Endpoint("/demand/a", "GET"), new Endpoint("/demand/b", "POST")),
          new LambdaConfig(512, 30, "python3.12"));
  private static final SystemSpec CHANGED =
      new SystemSpec(
          "demand",
          "forecasts",
          List.of("orders", "stores"),
          List.of(new Endpoint("/demand/a", "GET"), new Endpoint("/demand/c", "ANY")),
          new LambdaConfig(1024, 30, "python3.12"));

  private final MutableClock clock = new MutableClock();
  private final AtomicLong ids = new AtomicLong();
  private final Lifecycle lifecycle =
      new Lifecycle(clock, () -> new UUID(0, ids.incrementAndGet()));

  @Test
  void registrationWaitsForItsFirstProvisioningAndTakesItsRoutes() {
    Transition t = lifecycle.register(SPEC, "alice");

    assertThat(t.before()).isNull();
    assertThat(t.after().status()).isEqualTo(Status.PENDING_PROVISIONING);
    assertThat(t.after().job().generation()).isEqualTo(1);
    assertThat(t.after().stamp().createdBy()).isEqualTo("alice");
    assertThat(t.events()).containsExactly(new Registered(clock.instant()));
    assertThat(t.job().kind()).isEqualTo(Kind.PROVISION);
    assertThat(t.job().spec()).isEqualTo(SPEC);
    assertThat(t.job().previousSpec()).isNull();
    assertThat(t.job().jobId()).isEqualTo(t.after().job().id());
    assertThat(t.claim()).containsExactlyInAnyOrder("GET /demand/a", "POST /demand/b");
  }

  @Test
  void succeededProvisioningMakesItActiveWithWhatTheWorkerReported() {
    SystemRow pending = saved(lifecycle.register(SPEC, "alice"));
    clock.advance(Duration.ofMinutes(1));

    Transition t = lifecycle.jobFinished(pending, result(pending, Outcome.SUCCEEDED)).orElseThrow();

    assertThat(t.after().status()).isEqualTo(Status.ACTIVE);
    assertThat(t.after().provisioned().infrastructure()).isEqualTo(infrastructure(SPEC));
    assertThat(t.after().provisioned().errorMessage()).isNull();
    assertThat(t.after().stamp().updatedAt()).isEqualTo(clock.instant());
    assertThat(t.events())
        .containsExactly(
            new ResourceStep(bucket(), clock.instant()),
            new JobEnded(Kind.PROVISION, true, null, clock.instant()));
    assertThat(t.job()).isNull();
    assertThat(t.claim()).isEmpty();
    assertThat(t.release()).isEmpty();
  }

  @Test
  void failedProvisioningRecordsTheReasonAndKeepsItsRoutes() {
    SystemRow pending = saved(lifecycle.register(SPEC, "alice"));

    Transition t = lifecycle.jobFinished(pending, result(pending, Outcome.FAILED)).orElseThrow();

    assertThat(t.after().status()).isEqualTo(Status.PROVISIONING_FAILED);
    assertThat(t.after().provisioned().errorMessage()).isEqualTo("GLUE failed");
    assertThat(t.events().get(1))
        .isEqualTo(new JobEnded(Kind.PROVISION, false, "GLUE failed", clock.instant()));
    assertThat(t.release()).isEmpty();
  }

  @Test
  void aResultOfAnotherJobOrGenerationOrOfASettledSystemChangesNothing() {
    SystemRow pending = saved(lifecycle.register(SPEC, "alice"));
    ProvisioningResult ok = result(pending, Outcome.SUCCEEDED);
    SystemRow active = saved(lifecycle.jobFinished(pending, ok).orElseThrow());

    assertThat(lifecycle.jobFinished(active, ok)).isEmpty();
    assertThat(lifecycle.jobFinished(pending, withJob(ok, UUID.randomUUID(), 1, Kind.PROVISION)))
        .isEmpty();
    assertThat(lifecycle.jobFinished(pending, withJob(ok, ok.jobId(), 2, Kind.PROVISION)))
        .isEmpty();
    assertThat(lifecycle.jobFinished(pending, withJob(ok, ok.jobId(), 1, Kind.DEPROVISION)))
        .isEmpty();
  }

  @Test
  void aDeadLetteredJobFailsItsSystemUnlessANewerJobSupersededIt() {
    SystemRow pending = saved(lifecycle.register(SPEC, "alice"));
    ProvisioningJob job = lifecycle.register(SPEC, "alice").job();

    Transition t = lifecycle.deadLettered(pending, jobOf(pending)).orElseThrow();

    assertThat(t.after().status()).isEqualTo(Status.PROVISIONING_FAILED);
    assertThat(t.after().provisioned().errorMessage()).contains("exhausted its retries");
    assertThat(t.events()).hasSize(1).first().isInstanceOf(JobEnded.class);
    assertThat(lifecycle.deadLettered(pending, job)).isEmpty();
  }

  @Test
  void aSystemThatHeardNothingForTheTimeoutFailsSoThatItCanBeRetried() {
    SystemRow pending = saved(lifecycle.register(SPEC, "alice"));

    assertThat(lifecycle.timedOut(pending, TIMEOUT)).isEmpty();
    clock.advance(TIMEOUT.plusSeconds(1));
    Transition t = lifecycle.timedOut(pending, TIMEOUT).orElseThrow();

    assertThat(t.after().status()).isEqualTo(Status.PROVISIONING_FAILED);
    assertThat(t.after().provisioned().errorMessage())
        .isEqualTo(
            "No result for the provision job within PT2H; marked failed so that it can be"
                + " retried");
    assertThat(lifecycle.retry(saved(t), "bob").after().status())
        .isEqualTo(Status.PENDING_PROVISIONING);
  }

  @Test
  void aSettledSystemNeverTimesOut() {
    SystemRow active = inState(Status.ACTIVE);
    clock.advance(TIMEOUT.multipliedBy(10));

    assertThat(lifecycle.timedOut(active, TIMEOUT)).isEmpty();
  }

  @Test
  void retryOfAFailedProvisioningRunsItAgainAsANewGeneration() {
    SystemRow failed = inState(Status.PROVISIONING_FAILED);

    Transition t = lifecycle.retry(failed, "bob");

    assertThat(t.after().status()).isEqualTo(Status.PENDING_PROVISIONING);
    assertThat(t.after().job().generation()).isEqualTo(failed.job().generation() + 1);
    assertThat(t.after().job().id()).isNotEqualTo(failed.job().id());
    assertThat(t.after().provisioned().errorMessage()).isNull();
    assertThat(t.job().kind()).isEqualTo(Kind.PROVISION);
    assertThat(t.job().requestedBy()).isEqualTo("bob");
    assertThat(t.events()).containsExactly(new JobRequested(Kind.PROVISION, clock.instant()));
  }

  @Test
  void retryOfAFailedDeprovisioningKeepsWhetherItDeletesData() {
    SystemRow failed = saved(finish(deprovisioning(true), Outcome.FAILED));
    assertThat(failed.status()).isEqualTo(Status.DEPROVISIONING_FAILED);

    Transition t = lifecycle.retry(failed, "bob");

    assertThat(t.after().status()).isEqualTo(Status.DEPROVISIONING);
    assertThat(t.job().kind()).isEqualTo(Kind.DEPROVISION);
    assertThat(t.job().deleteData()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = Status.class,
      names = {"PROVISIONING_FAILED", "UPDATE_FAILED", "DEPROVISIONING_FAILED"},
      mode = EnumSource.Mode.EXCLUDE)
  void onlyAFailedSystemCanBeRetried(Status status) {
    SystemRow row = inState(status);

    assertThatThrownBy(() -> lifecycle.retry(row, "bob"))
        .isInstanceOf(Refusals.InvalidState.class)
        .hasMessageContaining("only a failed system can be retried");
  }

  @Test
  void aChangeOfAnActiveSystemStartsAnUpdateFromTheRunningConfiguration() {
    SystemRow active = inState(Status.ACTIVE);

    Transition t = lifecycle.change(active, CHANGED, "carol");

    assertThat(t.after().status()).isEqualTo(Status.UPDATING);
    assertThat(t.after().spec()).isEqualTo(SPEC);
    assertThat(t.after().change()).isEqualTo(CHANGED);
    assertThat(t.after().shown()).isEqualTo(CHANGED);
    assertThat(t.job().kind()).isEqualTo(Kind.UPDATE);
    assertThat(t.job().spec()).isEqualTo(CHANGED);
    assertThat(t.job().previousSpec()).isEqualTo(SPEC);
    assertThat(t.job().generation()).isEqualTo(active.job().generation() + 1);
    assertThat(t.claim()).containsExactly("ANY /demand/c");
    assertThat(t.release()).isEmpty();
    assertThat(t.events())
        .containsExactly(
            new ChangeRequested(
                List.of(
                    new FieldChange("data_sources", List.of("orders"), List.of("orders", "stores")),
                    new FieldChange(
                        "endpoints",
                        ConfigurationDiffTests.endpoints(SPEC),
                        ConfigurationDiffTests.endpoints(CHANGED)),
                    new FieldChange("lambda_config.memory", 512, 1024)),
                clock.instant()));
  }

  @Test
  void aChangeCannotRenameTheSystem() {
    SystemSpec renamed = new SystemSpec("other", null, null, null, null);

    assertThatThrownBy(() -> lifecycle.change(inState(Status.ACTIVE), renamed, "carol"))
        .isInstanceOf(Refusals.InvalidRequest.class)
        .satisfies(
            e ->
                assertThat(((Refusals.InvalidRequest) e).violations().get(0).field())
                    .isEqualTo("system_name"));
  }

  @ParameterizedTest
  @EnumSource(
      value = Status.class,
      names = {"ACTIVE", "UPDATE_FAILED"},
      mode = EnumSource.Mode.EXCLUDE)
  void onlyAnActiveSystemOrOneWhoseChangeFailedCanBeChanged(Status status) {
    SystemRow row = inState(status);

    assertThatThrownBy(() -> lifecycle.change(row, CHANGED, "carol"))
        .isInstanceOf(Refusals.InvalidState.class)
        .hasMessageContaining("The system is " + status.wire());
  }

  @Test
  void aSucceededUpdateRunsTheNewConfigurationAndGivesUpTheRoutesItDropped() {
    SystemRow updating = inState(Status.UPDATING);

    Transition t = finish(updating, Outcome.SUCCEEDED);

    assertThat(t.after().status()).isEqualTo(Status.ACTIVE);
    assertThat(t.after().spec()).isEqualTo(CHANGED);
    assertThat(t.after().change()).isNull();
    assertThat(t.release()).containsExactly("POST /demand/b");
    assertThat(t.events().get(t.events().size() - 1))
        .isEqualTo(new JobEnded(Kind.UPDATE, true, null, clock.instant()));
  }

  @Test
  void aFailedUpdateKeepsShowingTheConfigurationThatRunsAndKeepsTheChangeForARetry() {
    SystemRow updating = inState(Status.UPDATING);

    Transition t = finish(updating, Outcome.FAILED);

    assertThat(t.after().status()).isEqualTo(Status.UPDATE_FAILED);
    assertThat(t.after().spec()).isEqualTo(SPEC);
    assertThat(t.after().shown()).isEqualTo(SPEC);
    assertThat(t.after().change()).isEqualTo(CHANGED);
    assertThat(t.after().provisioned().errorMessage()).isEqualTo("GLUE failed");
    assertThat(t.after().provisioned().infrastructure()).isEqualTo(infrastructure(SPEC));
    assertThat(t.release()).containsExactly("ANY /demand/c");
  }

  @Test
  void retryOfAFailedChangeRunsTheSameChangeAgainAndTakesItsRoutesAgain() {
    SystemRow failed = inState(Status.UPDATE_FAILED);

    Transition t = lifecycle.retry(failed, "carol");

    assertThat(t.after().status()).isEqualTo(Status.UPDATING);
    assertThat(t.job().kind()).isEqualTo(Kind.UPDATE);
    assertThat(t.job().spec()).isEqualTo(CHANGED);
    assertThat(t.job().previousSpec()).isEqualTo(SPEC);
    assertThat(t.claim()).containsExactly("ANY /demand/c");
    assertThat(t.events()).singleElement().isInstanceOf(ChangeRequested.class);
  }

  @Test
  void aChangeAfterAFailedOneStartsFromTheConfigurationThatRuns() {
    SystemSpec other = new SystemSpec("demand", "again", null, SPEC.endpoints(), null);

    Transition t = lifecycle.change(inState(Status.UPDATE_FAILED), other, "carol");

    assertThat(t.job().previousSpec()).isEqualTo(SPEC);
    assertThat(t.after().change()).isEqualTo(other);
    assertThat(t.claim()).isEmpty();
  }

  @Test
  void anUpdateThatTimedOutFailsAndGivesUpTheRoutesOnlyTheChangeHad() {
    SystemRow updating = inState(Status.UPDATING);
    clock.advance(TIMEOUT.plusMinutes(1));

    Transition t = lifecycle.timedOut(updating, TIMEOUT).orElseThrow();

    assertThat(t.after().status()).isEqualTo(Status.UPDATE_FAILED);
    assertThat(t.after().spec()).isEqualTo(SPEC);
    assertThat(t.release()).containsExactly("ANY /demand/c");
    assertThat(t.after().provisioned().errorMessage()).startsWith("No result for the update job");
  }

  @Test
  void deprovisioningOfAnActiveSystemKeepsItsRoutesUntilItIsDeleted() {
    SystemRow active = inState(Status.ACTIVE);

    Transition t = lifecycle.deprovision(active, true, "dave");

    assertThat(t.after().status()).isEqualTo(Status.DEPROVISIONING);
    assertThat(t.job().kind()).isEqualTo(Kind.DEPROVISION);
    assertThat(t.job().deleteData()).isTrue();
    assertThat(t.release()).isEmpty();
    Transition deleted = finish(saved(t), Outcome.SUCCEEDED);
    assertThat(deleted.after().status()).isEqualTo(Status.DELETED);
    assertThat(deleted.release()).containsExactlyInAnyOrder("GET /demand/a", "POST /demand/b");
  }

  @Test
  void aFailedDeprovisioningKeepsItsRoutes() {
    Transition t = finish(deprovisioning(false), Outcome.FAILED);

    assertThat(t.after().status()).isEqualTo(Status.DEPROVISIONING_FAILED);
    assertThat(t.release()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = Status.class,
      names = {"UPDATING", "DEPROVISIONING"})
  void aSystemCannotBeDeprovisionedWhileAJobOtherThanItsProvisioningRuns(Status status) {
    SystemRow row = inState(status);

    assertThatThrownBy(() -> lifecycle.deprovision(row, true, "dave"))
        .isInstanceOf(Refusals.InvalidState.class)
        .hasMessageContaining("cannot be deprovisioned until that ends");
  }

  @Test
  void aDeletedSystemWhoseBucketsWereRetainedCanBePurgedWhichDeletesThemToo() {
    SystemRow retained = saved(finish(deprovisioning(false), Outcome.SUCCEEDED));

    Transition purge = lifecycle.deprovision(retained, true, "dave");

    assertThat(purge.after().status()).isEqualTo(Status.DEPROVISIONING);
    assertThat(purge.job().deleteData()).isTrue();
    assertThat(purge.claim()).isEmpty();
    assertThat(finish(saved(purge), Outcome.SUCCEEDED).after().status()).isEqualTo(Status.DELETED);
  }

  @Test
  void aDeletedSystemCannotBeDeletedAgainButForThePurgeOfRetainedBuckets() {
    SystemRow retained = saved(finish(deprovisioning(false), Outcome.SUCCEEDED));
    SystemRow gone = saved(finish(deprovisioning(true), Outcome.SUCCEEDED));

    assertThatThrownBy(() -> lifecycle.deprovision(retained, false, "dave"))
        .isInstanceOf(Refusals.InvalidState.class)
        .hasMessageContaining("delete_data=true purges them");
    assertThatThrownBy(() -> lifecycle.deprovision(gone, true, "dave"))
        .isInstanceOf(Refusals.InvalidState.class)
        .hasMessageContaining("deleted, and so is its data");
  }

  @ParameterizedTest
  @EnumSource(
      value = Status.class,
      names = {
        "PENDING_PROVISIONING",
        "ACTIVE",
        "PROVISIONING_FAILED",
        "UPDATE_FAILED",
        "DEPROVISIONING_FAILED"
      })
  void aSystemCanBeDeprovisionedFromEveryOtherState(Status status) {
    Transition t = lifecycle.deprovision(inState(status), false, "dave");

    assertThat(t.after().status()).isEqualTo(Status.DEPROVISIONING);
    assertThat(t.after().spec()).isEqualTo(SPEC);
  }

  @Test
  void everyStateIsReachable() {
    for (Status status : EnumSet.allOf(Status.class)) {
      assertThat(inState(status).status()).isEqualTo(status);
    }
  }

  /** A system brought to the state through transitions, as the store would have saved each. */
  private SystemRow inState(Status status) {
    SystemRow pending = saved(lifecycle.register(SPEC, "alice"));
    return switch (status) {
      case PENDING_PROVISIONING -> pending;
      case ACTIVE -> saved(finish(pending, Outcome.SUCCEEDED));
      case PROVISIONING_FAILED -> saved(finish(pending, Outcome.FAILED));
      case UPDATING -> saved(lifecycle.change(inState(Status.ACTIVE), CHANGED, "carol"));
      case UPDATE_FAILED -> saved(finish(inState(Status.UPDATING), Outcome.FAILED));
      case DEPROVISIONING -> deprovisioning(false);
      case DELETED -> saved(finish(deprovisioning(false), Outcome.SUCCEEDED));
      case DEPROVISIONING_FAILED -> saved(finish(deprovisioning(false), Outcome.FAILED));
    };
  }

  private SystemRow deprovisioning(boolean deleteData) {
    return saved(lifecycle.deprovision(inState(Status.ACTIVE), deleteData, "dave"));
  }

  private Transition finish(SystemRow row, Outcome outcome) {
    return lifecycle.jobFinished(row, result(row, outcome)).orElseThrow();
  }

  private static SystemRow saved(Transition t) {
    return t.before() == null ? t.after() : t.after().saved();
  }

  private ProvisioningResult result(SystemRow row, Outcome outcome) {
    boolean ok = outcome == Outcome.SUCCEEDED;
    SystemSpec target = row.job().kind() == Kind.UPDATE ? row.change() : row.spec();
    return new ProvisioningResult(
        ProvisioningResult.SCHEMA_VERSION,
        row.job().id(),
        row.systemId(),
        row.job().kind(),
        row.job().generation(),
        outcome,
        List.of(bucket()),
        ok
            ? infrastructure(target)
            : row.job().kind() == Kind.UPDATE ? infrastructure(row.spec()) : null,
        ok ? null : "GLUE failed",
        clock.instant());
  }

  private ResourceResult bucket() {
    return new ResourceResult(
        ResourceResult.ResourceKind.S3_BUCKET,
        "platform-demand-raw",
        null,
        ResourceResult.Action.CREATED,
        ResourceResult.Status.SUCCEEDED,
        null,
        clock.instant());
  }

  private static Infrastructure infrastructure(SystemSpec spec) {
    return new Infrastructure(
        new Infrastructure.Buckets("r", "c", "p"),
        "db",
        "crawler",
        null,
        List.of("rule"),
        "platform-demand-handler",
        spec.endpoints().stream().map(Endpoint::routeKey).toList(),
        "platform-demand");
  }

  private static ProvisioningResult withJob(
      ProvisioningResult r, UUID jobId, long generation, Kind kind) {
    return new ProvisioningResult(
        r.schemaVersion(),
        jobId,
        r.systemId(),
        kind,
        generation,
        r.outcome(),
        r.resources(),
        r.infrastructure(),
        r.errorSummary(),
        r.finishedAt());
  }

  private static ProvisioningJob jobOf(SystemRow row) {
    return new ProvisioningJob(
        ProvisioningJob.SCHEMA_VERSION,
        row.job().id(),
        row.systemId(),
        row.job().kind(),
        row.job().generation(),
        row.spec(),
        false,
        "alice",
        Instant.EPOCH);
  }
}
