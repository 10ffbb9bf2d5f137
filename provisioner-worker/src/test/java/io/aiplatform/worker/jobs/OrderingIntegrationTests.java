package io.aiplatform.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderingIntegrationTests extends WorkerIntegrationTest {

  /**
   * The slow system's call is held until the other system's job has finished: if one job held up
   * the other, the quick one would never finish. No timing is compared.
   */
  @Test
  void aSlowSystemDoesNotHoldUpAnotherSystemsJob() {
    ProvisioningJob slow = provisionJob(List.of());
    ProvisioningJob quick = provisionJob(List.of());
    Faults.Rule held = faults.hold("CreateDatabase", names(slow).glueDatabase());

    send(slow);
    send(quick);
    ProvisioningResult quickResult;
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> !held.firedAt().isEmpty());
      quickResult = awaitResults(quick, 1).get(0);
    } finally {
      held.release();
    }
    ProvisioningResult slowResult = awaitResults(slow, 1).get(0);

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
