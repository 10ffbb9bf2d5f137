package io.aiplatform.api.provisioning;

import io.aiplatform.api.reconcile.DriftResults;
import io.aiplatform.api.registration.ProvisioningOutcomes;
import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningResult;
import io.aiplatform.contracts.QueueNames;
import io.awspring.cloud.sqs.annotation.SqsListener;
import org.springframework.stereotype.Component;

/**
 * Consumes what provisioner-worker reports: job results, and jobs that exhausted their retries and
 * landed in the jobs DLQ. A message is deleted only after it was applied, so a crash redelivers it;
 * applying is idempotent. A verify's result goes to {@link DriftResults}: it changes the record's
 * drift, never the life-cycle state.
 */
@Component
class ResultsListener {

  private final ProvisioningOutcomes outcomes;
  private final DriftResults drift;
  private final ProvisioningMetrics metrics;

  ResultsListener(ProvisioningOutcomes outcomes, DriftResults drift, ProvisioningMetrics metrics) {
    this.outcomes = outcomes;
    this.drift = drift;
    this.metrics = metrics;
  }

  @SqsListener("${platform.api.results-queue:" + QueueNames.RESULTS + "}")
  void onResult(ProvisioningResult result) {
    boolean verify = result.kind() == ProvisioningJob.Kind.VERIFY;
    metrics.outcome(verify ? drift.apply(result) : outcomes.apply(result));
  }

  @SqsListener("${platform.api.jobs-dlq:" + QueueNames.JOBS_DLQ + "}")
  void onDeadLetteredJob(ProvisioningJob job) {
    boolean verify = job.kind() == ProvisioningJob.Kind.VERIFY;
    metrics.outcome(verify ? drift.deadLettered(job) : outcomes.deadLettered(job));
  }
}
