package io.aiplatform.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningResult;
import io.aiplatform.contracts.ProvisioningResult.Outcome;
import io.aiplatform.contracts.ResourceNames;
import io.aiplatform.contracts.ResourceResult;
import io.aiplatform.contracts.ResourceResult.Action;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.databasemigration.model.Filter;
import software.amazon.awssdk.services.databasemigration.model.InvalidResourceStateException;

class RetryIntegrationTests extends WorkerIntegrationTest {

  /**
   * How often one delivery sends a create that fails transiently and leaves nothing before it hands
   * the job back (Resources.CREATE_ATTEMPTS).
   */
  private static final int CREATE_SENDS = 3;

  @Autowired MeterRegistry meters;

  @Test
  void throttlingTwiceThenSuccessEndsProvisionedWithoutRollbackAfterSpacedRetries() {
    ProvisioningJob job = provisionJob(List.of());
    ResourceNames names = names(job);
    // Two deliveries fail: each sends the create CREATE_SENDS times before it hands the job back.
    Faults.Rule throttle =
        faults.fail(
            "CreateDatabase", names.glueDatabase(), 2 * CREATE_SENDS, 400, "ThrottlingException");

    send(job);
    List<ProvisioningResult> results = awaitResults(job, 1);

    ProvisioningResult result = results.get(0);
    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.resources())
        .extracting(ResourceResult::action)
        .doesNotContain(Action.ROLLED_BACK);
    assertThat(result.resources())
        .filteredOn(r -> r.name().equals(names.raw()))
        .singleElement()
        .satisfies(r -> assertThat(r.action()).isEqualTo(Action.EXISTING));
    ResourceResult database =
        result.resources().stream()
            .filter(r -> r.name().equals(names.glueDatabase()))
            .findFirst()
            .orElseThrow();
    assertThat(database.action()).isEqualTo(Action.CREATED);
    assertThat(existence(job))
        .containsEntry(names.glueDatabase(), true)
        .containsEntry(names.rule(), true);

    // Base delay 1 s, doubling: the deliveries are at least 1 s, then at least 2 s apart.
    List<Instant> failures = throttle.firedAt();
    assertThat(failures).hasSize(2 * CREATE_SENDS);
    assertThat(Duration.between(failures.get(CREATE_SENDS - 1), failures.get(CREATE_SENDS)))
        .isGreaterThan(Duration.ofMillis(900));
    assertThat(Duration.between(failures.get(2 * CREATE_SENDS - 1), database.at()))
        .isGreaterThan(Duration.ofMillis(1900));
    assertThat(ResultsInbox.of(this).forJob(job.jobId())).hasSize(1);
    assertThat(meters.get("platform.worker.jobs").tag("outcome", "RETRY").timer().count())
        .isGreaterThanOrEqualTo(2);
    assertThat(meters.get("platform.worker.jobs").tag("outcome", "SUCCEEDED").timer().count())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void aReplicationTaskStillBeingCreatedIsStartedOnALaterAttempt() {
    ProvisioningJob job = provisionJob(List.of("orders"));
    ResourceNames names = names(job);
    Faults.Rule notReady =
        faults.fail(
            "StartReplicationTask",
            names.dmsTask(),
            1,
            InvalidResourceStateException.builder()
                .statusCode(400)
                .awsErrorDetails(
                    AwsErrorDetails.builder()
                        .errorCode("InvalidResourceStateFault")
                        .errorMessage("Replication task is not ready")
                        .build())
                .build());

    send(job);
    ProvisioningResult result = awaitResults(job, 1).get(0);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(notReady.firedAt()).hasSize(1);
    assertThat(
            dms.describeReplicationTasks(
                    b ->
                        b.filters(
                            Filter.builder()
                                .name("replication-task-id")
                                .values(names.dmsTask())
                                .build()))
                .replicationTasks())
        .singleElement()
        .satisfies(task -> assertThat(task.status()).isEqualTo("running"));
  }

  @Test
  void aTransientErrorOnTheLastReceiveFailsTheJobAndRollsBackInsteadOfLeavingItHalfBuilt() {
    ProvisioningJob job = provisionJob(List.of());
    ResourceNames names = names(job);
    faults.fail(
        "PutRule", names.rule(), MAX_RECEIVE_COUNT * CREATE_SENDS, 503, "ServiceUnavailable");

    send(job);
    ProvisioningResult result = awaitResults(job, 1).get(0);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.errorSummary()).contains(names.rule() + " failed: ServiceUnavailable");
    assertThat(existence(job)).doesNotContainValue(true);
  }

  @Test
  void aJobRunningLongerThanTheVisibilityTimeoutIsNotHandedToASecondDelivery() {
    ProvisioningJob job = provisionJob(List.of());
    ResourceNames names = names(job);
    // The queue's visibility timeout is 6 s; this job takes at least 14 s.
    faults.slow("CreateDatabase", names.glueDatabase(), Duration.ofSeconds(14));

    send(job);
    awaitResults(job, 1);

    await()
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(8))
        .until(() -> ResultsInbox.of(this).forJob(job.jobId()), r -> r.size() == 1);
    assertThat(faults.callsMentioning(names.glueDatabase()))
        .filteredOn(call -> call.operation().equals("CreateDatabase"))
        .hasSize(1);
  }
}
