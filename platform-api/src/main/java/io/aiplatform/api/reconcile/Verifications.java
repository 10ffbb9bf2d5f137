package io.aiplatform.api.reconcile;

import io.aiplatform.api.Refusal;
import io.aiplatform.contracts.ProvisioningJob;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies on demand ({@code POST /admin/systems/{system_id}/reconcile}): one verify of an active
 * system now, whatever its turn in the sweep and whether one is outstanding (someone asked). The
 * system's turn in the sweep stays as it is.
 */
@Service
public class Verifications {

  private final VerifyTargets targets;
  private final VerifyJobs jobs;

  Verifications(VerifyTargets targets, VerifyJobs jobs) {
    this.targets = targets;
    this.jobs = jobs;
  }

  /**
   * Asks for a verify of the system, in the caller's transaction.
   *
   * @param repair repair what drifted whatever the policy in effect says; {@code false}: as the
   *     policy says
   * @return the job sent
   */
  @Transactional
  public ProvisioningJob request(UUID systemId, boolean repair, String subject) {
    VerifyTargets.Target target = targets.lock(systemId).orElseThrow(() -> new NotFound(systemId));
    if (!"active".equals(target.status())) {
      throw new NotActive(target.status());
    }
    return jobs.request(target, repair, subject, null);
  }

  /** No such system. */
  static final class NotFound extends Refusal {
    NotFound(UUID systemId) {
      super(Reason.NOT_FOUND, "No system with id " + systemId + ".");
    }
  }

  /** Only an active system is compared with its configuration. */
  static final class NotActive extends Refusal {
    NotActive(String status) {
      super(
          Reason.INVALID_STATE,
          "The system is " + status + "; only an active system can be reconciled.");
    }
  }
}
