package io.aiplatform.api.registration;

import io.aiplatform.contracts.ProvisioningJob;
import java.util.List;
import java.util.Set;

/**
 * One step of a system's life cycle, as {@link Lifecycle} decides it and {@link SystemStore} saves
 * it in one call.
 *
 * @param before the system as read, {@code null} for a registration
 * @param after the system as it is to be saved
 * @param events what the timeline records
 * @param job the job to send, {@code null} when none
 * @param claim routes ({@code METHOD path}) the system takes; refused when another system has one
 * @param release routes the system gives up
 */
record Transition(
    SystemRow before,
    SystemRow after,
    List<TimelineEvent> events,
    ProvisioningJob job,
    Set<String> claim,
    Set<String> release) {

  Transition {
    events = List.copyOf(events);
    claim = Set.copyOf(claim);
    release = Set.copyOf(release);
  }
}
