package io.aiplatform.api.reconcile;

import io.aiplatform.contracts.ProvisioningJob;

/**
 * Published in the transaction that asks for a verify (the sweep, or {@code POST .../reconcile});
 * the event publication registry keeps it until the job is on the jobs queue, as for every job.
 *
 * @param job the {@link ProvisioningJob.Kind#VERIFY} job to send
 */
public record VerifyRequested(ProvisioningJob job) {}
