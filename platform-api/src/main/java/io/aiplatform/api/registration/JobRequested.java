package io.aiplatform.api.registration;

import io.aiplatform.contracts.ProvisioningJob;

/**
 * Published in the transaction that changes a system's state; the event publication registry keeps
 * it until the job is on the jobs queue (the transactional outbox).
 *
 * @param job the job to send
 */
public record JobRequested(ProvisioningJob job) {}
