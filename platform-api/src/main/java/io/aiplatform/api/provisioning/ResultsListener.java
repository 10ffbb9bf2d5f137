package io.aiplatform.api.provisioning;

import io.aiplatform.api.registration.ProvisioningOutcomes;
import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningResult;
import io.aiplatform.contracts.QueueNames;
import io.awspring.cloud.sqs.annotation.SqsListener;
import org.springframework.stereotype.Component;

/**
 * Consumes what provisioner-worker reports: job results, and jobs that exhausted their retries and
 * landed in the jobs DLQ. A message is deleted only after it was applied, so a crash redelivers it;
 * applying is idempotent.
 */
@Component
class ResultsListener {

  private final ProvisioningOutcomes outcomes;
  private final ProvisioningMetrics metrics;

  ResultsListener(ProvisioningOutcomes outcomes, ProvisioningMetrics metrics) {
    this.outcomes = outcomes;
    this.metrics = metrics;
  }

  @SqsListener("${platform.api.results-queue:" + QueueNames.RESULTS + "}")
  void onResult(ProvisioningResult result) {
    metrics.outcome(outcomes.apply(result));
  }

  @SqsListener("${platform.api.jobs-dlq:" + QueueNames.JOBS_DLQ + "}")
  void onDeadLetteredJob(ProvisioningJob job) {
    metrics.outcome(outcomes.deadLettered(job));
  }
}
