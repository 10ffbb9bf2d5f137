package io.aiplatform.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderingIntegrationTests extends WorkerIntegrationTest {

  @Test
  void aSlowSystemDoesNotHoldUpAnotherSystemsJob() {
    ProvisioningJob slow = provisionJob(List.of());
    ProvisioningJob quick = provisionJob(List.of());
    faults.slow("CreateDatabase", names(slow).glueDatabase(), Duration.ofSeconds(10));

    send(slow);
    send(quick);
    ProvisioningResult quickResult = awaitResults(quick, 1).get(0);
    ProvisioningResult slowResult = awaitResults(slow, 1).get(0);

    assertThat(quickResult.finishedAt()).isBefore(slowResult.finishedAt());
    assertThat(List.of(quickResult.outcome(), slowResult.outcome()))
        .containsOnly(ProvisioningResult.Outcome.SUCCEEDED);
  }

  @Test
  void aJobWaitingForItsRetryStillRunsBeforeTheSystemsNextJob() {
    ProvisioningJob provision = provisionJob(List.of());
    ProvisioningJob deprovision = deprovisionJob(provision, true);
    faults.fail("CreateDatabase", names(provision).glueDatabase(), 1, 400, "ThrottlingException");

    send(provision);
    send(deprovision);
    ProvisioningResult provisioned = awaitResults(provision, 1).get(0);
    ProvisioningResult deprovisioned = awaitResults(deprovision, 1).get(0);

    assertThat(provisioned.outcome()).isEqualTo(ProvisioningResult.Outcome.SUCCEEDED);
    assertThat(deprovisioned.outcome()).isEqualTo(ProvisioningResult.Outcome.SUCCEEDED);
    assertThat(provisioned.finishedAt()).isBefore(deprovisioned.finishedAt());
    assertThat(existence(provision)).doesNotContainValue(true);
  }
}
