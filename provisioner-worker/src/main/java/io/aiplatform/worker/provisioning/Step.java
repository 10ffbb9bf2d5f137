package io.aiplatform.worker.provisioning;

import io.aiplatform.contracts.ResourceResult.ResourceKind;
import java.util.Map;
import java.util.Optional;

/**
 * One AWS resource of a system, which a run brings to its desired state or removes.
 *
 * <p>A step only talks to AWS; {@link ProvisioningRun} decides from what {@link #find} reports
 * whether to create, adopt or refuse the resource. A step keeps no state between calls: what {@code
 * find} or {@code create} learnt travels to {@code converge} and {@code delete} inside the {@link
 * Found}, and what a later step needs from an earlier one (an ARN) goes through the {@link
 * RunContext}.
 *
 * @param <S> what the step observed of its resource and needs in order to converge it
 */
public interface Step<S> {

  ResourceKind kind();

  String name();

  /** The resource as it exists now, with its tags; empty when there is none. Read calls only. */
  Optional<Found<S>> find(RunContext context);

  /** Whether there is no resource of this name; a step that can tell more cheaply overrides it. */
  default boolean absent(RunContext context) {
    return find(context).isEmpty();
  }

  /**
   * Creates the resource, with these tags in the same call wherever the API allows it, and answers
   * it as it now exists.
   *
   * @throws ResourceExistsException when this account already has a resource of this name
   */
  Found<S> create(Map<String, String> tags, RunContext context);

  /**
   * Whether {@link #create} sets the tags in the very call that makes the resource. When it does
   * not, a crash between the two calls would leave an untagged resource, so the run records its
   * intent to create it first.
   */
  boolean tagsOnCreate();

  /**
   * Whether {@link #create} refuses a taken name with {@link ResourceExistsException} instead of
   * overwriting it, so that the run may create before looking and look only when refused.
   */
  default boolean createRefusesTakenName() {
    return false;
  }

  /** Adds these tags to an existing resource, keeping its others. */
  void tag(Found<S> found, Map<String, String> tags);

  /**
   * Brings the resource's settings to the desired state, writing only what differs from what was
   * observed.
   *
   * @return whether it wrote anything
   */
  boolean converge(Found<S> found, RunContext context);

  /**
   * The resource's desired state as far as a system's configuration decides it, comparable between
   * the plans of two configurations: an update leaves a resource whose desired state is equal in
   * both untouched. {@code null} for a resource no configuration field changes.
   */
  default Object desired() {
    return null;
  }

  /**
   * How the found resource differs from its desired state, field by field, its tags aside (the run
   * compares those). Read calls only: what {@link #find} observed comes in, the differences go out,
   * and whatever {@link #converge} would write for this resource shows up as a difference. A step
   * whose resource has nothing but its name keeps the default: nothing differs.
   */
  default Comparison compare(Found<S> found, RunContext context) {
    return Comparison.NONE;
  }

  /**
   * Whether the resource carries its own tags. {@code false} for one whose ownership is derived
   * from another resource (an integration, a permission or a route is the function's): its tags are
   * compared where they live.
   */
  default boolean hasOwnTags() {
    return true;
  }

  /** Removes the resource (a bucket with everything in it); one already gone counts as removed. */
  void delete(Found<S> found, RunContext context);

  /** Whether deprovisioning keeps this resource unless the job asks to delete data. */
  default boolean holdsData() {
    return false;
  }

  /**
   * Whether an untagged resource holds nothing anyone put there, so that under a recorded intent of
   * this system it can only be the one the platform created. Never true for one another account
   * owns.
   */
  default boolean pristine(Found<S> found) {
    return false;
  }
}
