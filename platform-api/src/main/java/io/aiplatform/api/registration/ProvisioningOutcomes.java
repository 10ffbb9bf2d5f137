package io.aiplatform.api.registration;

import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningResult;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies what provisioner-worker reports. Idempotent: a result (or dead-lettered job) only changes
 * a system that is still waiting for exactly that job ({@link Lifecycle}), so duplicates and
 * results of older generations change nothing.
 */
@Service
public class ProvisioningOutcomes {

  private static final Logger log = LoggerFactory.getLogger(ProvisioningOutcomes.class);

  private final Systems systems;
  private final Lifecycle lifecycle;
  private final SystemStore store;

  ProvisioningOutcomes(Systems systems, Lifecycle lifecycle, SystemStore store) {
    this.systems = systems;
    this.lifecycle = lifecycle;
    this.store = store;
  }

  /** Applies a job's result; returns whether it changed the system. */
  @Transactional
  public boolean apply(ProvisioningResult result) {
    return settle(result.systemId(), result.jobId(), row -> lifecycle.jobFinished(row, result));
  }

  /**
   * A job that exhausted its retries in the worker: its system fails with that reason, unless a
   * newer job superseded it.
   */
  @Transactional
  public boolean deadLettered(ProvisioningJob job) {
    return settle(job.systemId(), job.jobId(), row -> lifecycle.deadLettered(row, job));
  }

  private boolean settle(
      UUID systemId, UUID jobId, Function<SystemRow, Optional<Transition>> transition) {
    Optional<Transition> next = systems.find(systemId).flatMap(transition);
    if (next.isEmpty()) {
      log.info("Ignoring job {} of system {}: stale, duplicate or superseded", jobId, systemId);
      return false;
    }
    try {
      store.save(next.get());
    } catch (Refusals.ConcurrentChange e) {
      // Another writer got there first; redelivery re-reads and re-decides.
      throw new OptimisticLockingFailureException("system " + systemId + " changed", e);
    }
    return true;
  }
}
