package io.aiplatform.api.registration;

import io.aiplatform.api.prechecks.Assessment;
import io.aiplatform.api.prechecks.Prechecks;
import io.aiplatform.contracts.SystemSpec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A registration rehearsed: validated and saved exactly as {@link SystemRegistrations#register}
 * would, in a transaction that is then rolled back, so that a dry run and the pre-checks answer the
 * same 400s and 409s (taken name, taken route) as the registration, and nothing is stored or queued
 * (the job's outbox row goes with the rollback, and the relay only sends after a commit). Then the
 * checks against AWS ({@link Prechecks}).
 */
@Component
class Rehearsals {

  private final RegistrationRules rules;
  private final Lifecycle lifecycle;
  private final SystemStore store;
  private final IdempotencyKeys idempotencyKeys;
  private final Prechecks prechecks;
  private final TransactionTemplate transactions;

  Rehearsals(
      RegistrationRules rules,
      Lifecycle lifecycle,
      SystemStore store,
      IdempotencyKeys idempotencyKeys,
      Prechecks prechecks,
      TransactionTemplate transactions) {
    this.rules = rules;
    this.lifecycle = lifecycle;
    this.store = store;
    this.idempotencyKeys = idempotencyKeys;
    this.prechecks = prechecks;
    this.transactions = transactions;
  }

  /** A dry run: the plan and checks of the registration, or the refusal it would get. */
  Assessment dryRun(RegistrationRequest request, String subject) {
    return prechecks.assess(rehearse(request, subject));
  }

  /**
   * Refuses a registration the checks say cannot succeed. A replay of an accepted request (same
   * Idempotency-Key) is not checked again: its resources may exist by now, and it is answered from
   * the stored response.
   */
  void precheck(RegistrationRequest request, String subject, String idempotencyKey) {
    if (!prechecks.enabled()) {
      return;
    }
    if (idempotencyKey != null && idempotencyKeys.find(subject, idempotencyKey).isPresent()) {
      return;
    }
    prechecks.require(rehearse(request, subject));
  }

  private SystemSpec rehearse(RegistrationRequest request, String subject) {
    return transactions.execute(
        status -> {
          rules.validate(request);
          SystemSpec spec = request.toSpec();
          store.save(lifecycle.register(spec, subject));
          status.setRollbackOnly();
          return spec;
        });
  }
}
