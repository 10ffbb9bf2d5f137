package io.aiplatform.api.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aiplatform.api.support.Api;
import io.aiplatform.api.support.ApiIntegrationTest;
import io.aiplatform.api.support.JobsOnQueue;
import io.aiplatform.api.support.TestTokens;
import io.aiplatform.contracts.ProvisioningJob;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The outbox keeps a job while SQS is unreachable and publishes it once SQS is back. */
class OutboxOutageIntegrationTests extends ApiIntegrationTest {

  @Test
  void registrationSucceedsDuringAnSqsOutageAndItsJobIsPublishedExactlyOnceAfterwards() {
    sqsOutage.begin();

    Api.Response response =
        api.post("/admin/systems", TestTokens.admin(), registration(uniqueName("outage")));

    assertThat(response.status()).isEqualTo(201);
    String id = response.json().get("system_id").asString();
    String jobId =
        jdbc.queryForObject(
            "SELECT current_job_id::text FROM systems WHERE system_id = ?::uuid", String.class, id);
    // The relay and at least one resubmission fail meanwhile; nothing reaches the queue.
    await()
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(10))
        .until(() -> JobsOnQueue.forSystem(id).isEmpty() && !published(jobId));
    assertThat(incompletePublications(id)).isEqualTo(1);
    assertThat(api.get("/actuator/prometheus", null).body())
        .containsPattern("platform_outbox_incomplete(\\{[^}]*\\})? [1-9]");

    sqsOutage.end();

    var received =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> JobsOnQueue.forSystem(id), jobs -> !jobs.isEmpty());
    ProvisioningJob job = Api.json().readValue(received.get(0).body(), ProvisioningJob.class);
    assertThat(job.jobId().toString()).isEqualTo(jobId);
    await().atMost(Duration.ofSeconds(10)).until(() -> incompletePublications(id) == 0);
    // Several resubmission rounds later, it was still sent once.
    await()
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(10))
        .until(() -> JobsOnQueue.forSystem(id).size() == 1 && sends(jobId) == 1);
  }

  private boolean published(String jobId) {
    return sends(jobId) > 0;
  }

  private long sends(String jobId) {
    return sqsOutage.deliveredDeduplicationIds().stream().filter(jobId::equals).count();
  }

  private int incompletePublications(String systemId) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM event_publication WHERE completion_date IS NULL"
            + " AND serialized_event LIKE ?",
        Integer.class,
        "%" + systemId + "%");
  }
}
