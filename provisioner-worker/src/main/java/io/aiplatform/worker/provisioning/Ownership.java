package io.aiplatform.worker.provisioning;

import java.util.Optional;
import java.util.UUID;

/**
 * Whose a found resource is: this system's by its tags; this system's by a recorded intent when it
 * is untagged, holds nothing and a job of this system said it was about to create it; otherwise
 * somebody else's, and never touched.
 */
final class Ownership {

  private final OwnerTags owner;
  private final CreateIntents intents;

  Ownership(OwnerTags owner, CreateIntents intents) {
    this.owner = owner;
    this.intents = intents;
  }

  /** How a found resource relates to this system. */
  enum Kind {
    /** Tagged with this system's id. */
    TAGGED,
    /** Untagged and pristine, and a job of this system recorded its intent to create it. */
    INTENDED,
    /** Anything else: another system's, another account's, or made by hand. */
    FOREIGN
  }

  /**
   * The verdict on one resource.
   *
   * @param kind how it relates to this system
   * @param intendedBy for {@link Kind#INTENDED}: the job that recorded the intent
   */
  record Verdict(Kind kind, UUID intendedBy) {

    boolean intendedBy(UUID job) {
      return kind == Kind.INTENDED && job.equals(intendedBy);
    }
  }

  <S> Verdict judge(Step<S> step, Found<S> found) {
    if (owner.ownedBySystem(found.tags())) {
      return new Verdict(Kind.TAGGED, null);
    }
    if (OwnerTags.untagged(found.tags())) {
      Optional<UUID> job = intents.recordedBy(owner, CreateIntents.key(step));
      if (job.isPresent() && step.pristine(found)) {
        return new Verdict(Kind.INTENDED, job.get());
      }
    }
    return new Verdict(Kind.FOREIGN, null);
  }

  /** Whether this very job created the resource, in this delivery or an earlier one. */
  <S> boolean createdByThisJob(Step<S> step, Found<S> found) {
    return owner.createdByJob(found.tags())
        || (OwnerTags.untagged(found.tags()) && judge(step, found).intendedBy(owner.jobId()));
  }
}
