package io.aiplatform.worker.provisioning;

import io.aiplatform.contracts.ResourceResult;
import io.aiplatform.contracts.ResourceResult.Action;
import io.aiplatform.contracts.ResourceResult.AwsError;
import io.aiplatform.contracts.ResourceResult.Status;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one delivery does to single resources: brings one to its desired state (creating it tagged
 * as this job's, adopting it, or refusing it by its ownership) or removes one, and remembers what
 * this job created, newest last. The runs ({@link ProvisioningRun}, {@link UpdateRun}) decide which
 * resources, in which order, and what a failure means.
 */
final class Resources {

  /** How a run reports a resource it brought to its desired state. */
  enum Mode {
    /** Found resources are {@code EXISTING} (or {@code ADOPTED}). */
    PROVISION,
    /** Found resources are {@code UPDATED} when converging wrote, else {@code UNCHANGED}. */
    UPDATE,
    /** Returning to the previous configuration: whatever was written is {@code RESTORED}. */
    RESTORE
  }

  /**
   * A resource this job created, as found or created.
   *
   * @param step its step
   * @param found the resource
   * @param <S> the step's type of observation
   */
  record Made<S>(Step<S> step, Found<S> found) {}

  /** Sends of one create in one delivery when each fails transiently and leaves nothing. */
  static final int CREATE_ATTEMPTS = 3;

  private final OwnerTags owner;
  private final List<Step<?>> intentSteps;
  private final CreateIntents intents;
  private final Ownership ownership;
  private final ResourceLog log;
  private final RunContext context = new RunContext();
  private final Deque<Made<?>> madeByJob = new ArrayDeque<>();
  private final Set<String> intended = new HashSet<>();

  /**
   * @param intentSteps the steps one intent write covers when a resource needs an intent
   */
  Resources(OwnerTags owner, List<Step<?>> intentSteps, CreateIntents intents, ResourceLog log) {
    this.owner = owner;
    this.intentSteps = List.copyOf(intentSteps);
    this.intents = intents;
    this.ownership = new Ownership(owner, intents);
    this.log = log;
  }

  RunContext context() {
    return context;
  }

  Ownership ownership() {
    return ownership;
  }

  Deque<Made<?>> madeByJob() {
    return madeByJob;
  }

  /** Brings the step's resource to its desired state; answers what was recorded for it. */
  <S> Action ensure(Step<S> step, Mode mode) {
    // Creating first saves a call for a new system; a taken name sends the run to look. A change
    // meets resources that mostly exist, and looks first.
    boolean createFirst =
        mode == Mode.PROVISION && step.tagsOnCreate() && step.createRefusesTakenName();
    Optional<Found<S>> existing = createFirst ? Optional.empty() : step.find(context);
    if (existing.isPresent()) {
      return settle(step, existing.get(), mode);
    }
    if (!step.tagsOnCreate() && !intended.contains(CreateIntents.key(step))) {
      recordIntents();
    }
    for (int attempt = 1; ; attempt++) {
      Found<S> created;
      try {
        created = step.create(owner.forCreation(), context);
      } catch (RuntimeException e) {
        // After the first look found nothing, a retry knows the resource was absent before it.
        Optional<Action> settled =
            settleAfterRefusedCreate(step, e, mode, !createFirst || attempt > 1);
        if (settled.isPresent()) {
          return settled.get();
        }
        if (attempt == CREATE_ATTEMPTS) {
          throw e;
        }
        pause(attempt, e);
        continue;
      }
      madeByJob.push(new Made<>(step, created));
      return converge(step, created, created(mode), mode);
    }
  }

  /**
   * A create that was refused because the name is taken, or that failed transiently and may have
   * taken effect before its answer was lost: what is there now, if anything, decides. A resource of
   * this system that was absent just before the create can only be the create's. Empty: a transient
   * failure after which there is still nothing, so the create may be sent again; this is what the
   * job's next delivery would do, without its backoff of seconds (the creates the SDK does not
   * retry, {@code Once}, would otherwise cost a redelivery for each refused call).
   */
  private <S> Optional<Action> settleAfterRefusedCreate(
      Step<S> step, RuntimeException refusal, Mode mode, boolean absentBefore) {
    boolean taken = refusal instanceof ResourceExistsException;
    if (!taken && ErrorClass.of(refusal) != ErrorClass.TRANSIENT) {
      throw refusal;
    }
    Optional<Found<S>> now = step.find(context);
    if (now.isEmpty()) {
      if (taken) {
        throw refusal;
      }
      return Optional.empty();
    }
    Found<S> found = now.get();
    if (taken) {
      return Optional.of(settle(step, found, mode));
    }
    if (owner.createdByJob(found.tags())
        || (absentBefore && ownership.judge(step, found).kind() == Ownership.Kind.TAGGED)) {
      madeByJob.push(new Made<>(step, found));
      return Optional.of(converge(step, found, created(mode), mode));
    }
    if (ownership.createdByThisJob(step, found)) {
      return Optional.of(settle(step, found, mode));
    }
    throw refusal;
  }

  /**
   * A short wait before a create is sent again in the same delivery: 100 ms, then 200 ms. Stopped
   * by a shutdown, the transient failure is the job's: its next delivery converges.
   */
  private static void pause(int attempt, RuntimeException failure) {
    try {
      Thread.sleep(100L << (attempt - 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure;
    }
  }

  /** One durable write covers every resource of the plan that needs an intent and is absent. */
  private void recordIntents() {
    List<String> absent =
        intentSteps.stream()
            .filter(s -> !s.tagsOnCreate() && !intended.contains(CreateIntents.key(s)))
            .filter(s -> s.absent(context))
            .map(CreateIntents::key)
            .toList();
    intents.record(owner, absent);
    intended.addAll(absent);
  }

  private <S> Action settle(Step<S> step, Found<S> found, Mode mode) {
    Ownership.Verdict verdict = ownership.judge(step, found);
    switch (verdict.kind()) {
      case FOREIGN ->
          throw ForeignResourceException.taggedFor(
              step.kind().name(), step.name(), found.tags().get(OwnerTags.SYSTEM_ID));
      case INTENDED -> {
        // Created by a job of this system that was interrupted before it could tag it.
        Map<String, String> tags = owner.createdBy(verdict.intendedBy());
        step.tag(found, tags);
        Found<S> ours = found.withTags(tags);
        rememberIfThisJobs(step, ours);
        return converge(step, ours, created(mode), mode);
      }
      default -> {
        rememberIfThisJobs(step, found);
        if (owner.managedByWorker(found.tags())) {
          return converge(step, found, null, mode);
        }
        step.tag(found, owner.ownership());
        return converge(step, found.withTags(owner.ownership()), Action.ADOPTED, mode);
      }
    }
  }

  /** An earlier delivery of this very job made it: a rollback must remove it too. */
  private <S> void rememberIfThisJobs(Step<S> step, Found<S> found) {
    if (owner.createdByJob(found.tags())) {
      madeByJob.push(new Made<>(step, found));
    }
  }

  /**
   * Converges and records the outcome: {@code fixed} when the action does not depend on whether
   * converging wrote anything (created, adopted), otherwise as the mode says.
   */
  private <S> Action converge(Step<S> step, Found<S> found, Action fixed, Mode mode) {
    context.recordArn(step.kind(), step.name(), found.arn());
    Action pending = fixed != null ? fixed : written(mode, true);
    ResourceResult before = log.last(step);
    // Recorded first, so that a failure while converging still reports what was done.
    log.record(step, found.arn(), pending, Status.FAILED, null);
    boolean wrote = step.converge(found, context);
    Action action = fixed != null ? fixed : written(mode, wrote);
    if (action == null && before != null) {
      log.reinstate(step, before);
    } else if (action == null) {
      log.forget(step);
    } else {
      log.record(step, found.arn(), action, Status.SUCCEEDED, null);
    }
    return action;
  }

  private static Action created(Mode mode) {
    return mode == Mode.RESTORE ? Action.RESTORED : Action.CREATED;
  }

  /** What a found resource is reported as; {@code null}: restoring found nothing to change. */
  private static Action written(Mode mode, boolean wrote) {
    return switch (mode) {
      case PROVISION -> Action.EXISTING;
      case UPDATE -> wrote ? Action.UPDATED : Action.UNCHANGED;
      case RESTORE -> wrote ? Action.RESTORED : null;
    };
  }

  /**
   * Converges a resource of this system that a verification found drifted, first giving it this
   * system's tags again when those drifted; answers what was recorded ({@code UNCHANGED}: nothing
   * could be written).
   */
  <S> Action repair(Step<S> step, Found<S> found, boolean retag) {
    Found<S> current = found;
    if (retag) {
      step.tag(found, owner.ownership());
      current = found.withTags(owner.ownership());
    }
    return converge(step, current, retag ? Action.UPDATED : null, Mode.UPDATE);
  }

  /** Removes the step's resource if it is this system's; keeps data unless asked. */
  <S> Action remove(Step<S> step, boolean deleteData, Action deleted) {
    Optional<Found<S>> existing = step.find(context);
    if (existing.isEmpty()) {
      return Action.NONE;
    }
    Found<S> found = existing.get();
    Ownership.Verdict verdict = ownership.judge(step, found);
    if (verdict.kind() == Ownership.Kind.FOREIGN) {
      String why = "not tagged as this system's; left untouched";
      AwsError note = new AwsError("ForeignResource", why, null);
      log.record(step, found.arn(), Action.NONE, Status.SUCCEEDED, note);
      return Action.NONE;
    }
    if (step.holdsData() && !deleteData) {
      if (verdict.kind() == Ownership.Kind.INTENDED) {
        // A retained bucket must stay recognisable as this system's.
        step.tag(found, owner.createdBy(verdict.intendedBy()));
      }
      log.record(step, found.arn(), Action.RETAINED, Status.SUCCEEDED, null);
      return Action.RETAINED;
    }
    step.delete(found, context);
    log.record(step, found.arn(), deleted, Status.SUCCEEDED, null);
    return deleted;
  }
}
