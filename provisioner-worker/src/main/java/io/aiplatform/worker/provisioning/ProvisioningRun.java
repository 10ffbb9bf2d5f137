package io.aiplatform.worker.provisioning;

import io.aiplatform.contracts.ResourceResult;
import io.aiplatform.contracts.ResourceResult.Action;
import io.aiplatform.contracts.ResourceResult.AwsError;
import io.aiplatform.contracts.ResourceResult.Status;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One delivery of one job: runs the plan's steps in order, remembers what this job created, and on
 * a permanent failure rolls that back newest first, never touching anything else.
 *
 * <p>Safe at every instant: every resource is created with this job's tags in the same call, or,
 * where the API cannot do that, after a durable intent; so whatever a crash interrupts, the next
 * delivery finds each resource either absent, or recognisably this job's.
 */
public final class ProvisioningRun {

  private final OwnerTags owner;
  private final List<Step<?>> steps;
  private final Delivery delivery;
  private final CreateIntents intents;
  private final Ownership ownership;
  private final ResourceLog log;
  private final RunContext context = new RunContext();
  private final Deque<Made<?>> madeByJob = new ArrayDeque<>();
  private final Set<String> intended = new HashSet<>();

  public ProvisioningRun(
      OwnerTags owner, Plan plan, Delivery delivery, CreateIntents intents, Clock clock) {
    this.owner = owner;
    this.steps = plan.steps();
    this.delivery = delivery;
    this.intents = intents;
    this.ownership = new Ownership(owner, intents);
    this.log = new ResourceLog(clock);
  }

  /**
   * What a run did.
   *
   * @param resources one entry per resource, in the order the run touched them
   * @param errorSummary the failed step and its error; {@code null} when every step succeeded
   */
  public record Report(List<ResourceResult> resources, String errorSummary) {
    public boolean succeeded() {
      return errorSummary == null;
    }
  }

  private record Made<S>(Step<S> step, Found<S> found) {}

  public Report provision() {
    for (int i = 0; i < steps.size(); i++) {
      try {
        ensure(steps.get(i));
      } catch (RuntimeException e) {
        return fail(i, e, true);
      }
    }
    return new Report(log.all(), null);
  }

  public Report deprovision(boolean deleteData) {
    for (int i = steps.size() - 1; i >= 0; i--) {
      try {
        remove(steps.get(i), deleteData);
      } catch (RuntimeException e) {
        return fail(i, e, false);
      }
    }
    return new Report(log.all(), null);
  }

  private <S> void ensure(Step<S> step) {
    // Creating first saves a call for a new system; a taken name sends the run to look.
    boolean createFirst = step.tagsOnCreate() && step.createRefusesTakenName();
    Optional<Found<S>> existing = createFirst ? Optional.empty() : step.find(context);
    if (existing.isPresent()) {
      settle(step, existing.get());
      return;
    }
    if (!step.tagsOnCreate() && !intended.contains(CreateIntents.key(step))) {
      recordIntents();
    }
    Found<S> created;
    try {
      created = step.create(owner.forCreation(), context);
    } catch (RuntimeException e) {
      settleAfterRefusedCreate(step, e);
      return;
    }
    madeByJob.push(new Made<>(step, created));
    converge(step, created, Action.CREATED);
  }

  /**
   * A create that was refused because the name is taken, or that failed transiently and may have
   * taken effect before its answer was lost: what is there now, if anything, decides.
   */
  private <S> void settleAfterRefusedCreate(Step<S> step, RuntimeException refusal) {
    boolean taken = refusal instanceof ResourceExistsException;
    if (!taken && ErrorClass.of(refusal) != ErrorClass.TRANSIENT) {
      throw refusal;
    }
    Found<S> found = step.find(context).orElseThrow(() -> refusal);
    if (taken) {
      settle(step, found);
    } else if (owner.createdByJob(found.tags())) {
      madeByJob.push(new Made<>(step, found));
      converge(step, found, Action.CREATED);
    } else if (ownership.createdByThisJob(step, found)) {
      settle(step, found);
    } else {
      throw refusal;
    }
  }

  /** One durable write covers every resource of the plan that needs an intent and is absent. */
  private void recordIntents() {
    List<String> absent =
        steps.stream()
            .filter(s -> !s.tagsOnCreate() && !intended.contains(CreateIntents.key(s)))
            .filter(s -> s.absent(context))
            .map(CreateIntents::key)
            .toList();
    intents.record(owner, absent);
    intended.addAll(absent);
  }

  private <S> void settle(Step<S> step, Found<S> found) {
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
        converge(step, ours, Action.CREATED);
      }
      case TAGGED -> {
        rememberIfThisJobs(step, found);
        if (owner.managedByWorker(found.tags())) {
          converge(step, found, Action.EXISTING);
        } else {
          step.tag(found, owner.ownership());
          converge(step, found.withTags(owner.ownership()), Action.ADOPTED);
        }
      }
    }
  }

  /** An earlier delivery of this very job made it: a rollback must remove it too. */
  private <S> void rememberIfThisJobs(Step<S> step, Found<S> found) {
    if (owner.createdByJob(found.tags())) {
      madeByJob.push(new Made<>(step, found));
    }
  }

  private <S> void converge(Step<S> step, Found<S> found, Action action) {
    context.recordArn(step.kind(), step.name(), found.arn());
    // Recorded first, so that a failure while converging still reports what was done.
    log.record(step, found.arn(), action, Status.FAILED, null);
    step.converge(found, context);
    log.record(step, found.arn(), action, Status.SUCCEEDED, null);
  }

  private <S> void remove(Step<S> step, boolean deleteData) {
    Optional<Found<S>> existing = step.find(context);
    if (existing.isEmpty()) {
      log.record(step, null, Action.NONE, Status.SUCCEEDED, null);
      return;
    }
    Found<S> found = existing.get();
    Ownership.Verdict verdict = ownership.judge(step, found);
    if (verdict.kind() == Ownership.Kind.FOREIGN) {
      String why = "not tagged as this system's; left untouched";
      AwsError note = new AwsError("ForeignResource", why, null);
      log.record(step, found.arn(), Action.NONE, Status.SUCCEEDED, note);
    } else if (step.holdsData() && !deleteData) {
      if (verdict.kind() == Ownership.Kind.INTENDED) {
        // A retained bucket must stay recognisable as this system's.
        step.tag(found, owner.createdBy(verdict.intendedBy()));
      }
      log.record(step, found.arn(), Action.RETAINED, Status.SUCCEEDED, null);
    } else {
      step.delete(found, context);
      log.record(step, found.arn(), Action.DELETED, Status.SUCCEEDED, null);
    }
  }

  private Report fail(int index, RuntimeException error, boolean rollBack) {
    Step<?> step = steps.get(index);
    if (ErrorClass.of(error) == ErrorClass.TRANSIENT && !delivery.last()) {
      throw new RetryLaterException(step.kind() + " " + step.name(), error);
    }
    ResourceResult partial = log.last(step);
    AwsError awsError = ResourceLog.awsError(error);
    Action action = partial == null ? Action.NONE : partial.action();
    log.record(step, partial == null ? null : partial.arn(), action, Status.FAILED, awsError);
    if (rollBack) {
      rollBack(index);
    }
    return new Report(log.all(), ResourceLog.summary(step, awsError));
  }

  /**
   * Removes what this job created, newest first: first what an earlier delivery may have made at or
   * beyond the failed step (only the failed step itself on a first delivery), then what this
   * delivery made or found made by this job.
   */
  private void rollBack(int failedAt) {
    int last = delivery.first() ? failedAt : steps.size() - 1;
    for (int i = last; i >= failedAt; i--) {
      rollBackUnreached(steps.get(i), i == failedAt);
    }
    while (!madeByJob.isEmpty()) {
      undo(madeByJob.pop());
    }
  }

  private <S> void rollBackUnreached(Step<S> step, boolean failedStep) {
    if (madeByJob.stream().anyMatch(m -> m.step() == step)) {
      return;
    }
    try {
      step.find(context)
          .filter(found -> ownership.createdByThisJob(step, found))
          .ifPresent(found -> undo(new Made<>(step, found)));
    } catch (RuntimeException e) {
      if (!failedStep) {
        // Unknown whether an earlier delivery left something here: say so rather than guess.
        log.record(step, null, Action.ROLLED_BACK, Status.FAILED, ResourceLog.awsError(e));
      }
    }
  }

  private <S> void undo(Made<S> made) {
    Step<S> step = made.step();
    ResourceResult before = log.last(step);
    try {
      step.delete(made.found(), context);
      AwsError cause = before == null ? null : before.error();
      log.record(step, made.found().arn(), Action.ROLLED_BACK, Status.SUCCEEDED, cause);
    } catch (RuntimeException e) {
      log.record(
          step, made.found().arn(), Action.ROLLED_BACK, Status.FAILED, ResourceLog.awsError(e));
    }
  }
}
