package io.aiplatform.worker.provisioning;

import io.aiplatform.contracts.Infrastructure;
import java.util.List;

/**
 * Everything one job is about: the system's steps in provisioning order, and the infrastructure the
 * system has once the job succeeded.
 *
 * @param steps the steps, oldest first; deprovisioning and rollback walk them backwards
 * @param infrastructure what the registry records after a successful job
 */
public record Plan(List<Step<?>> steps, Infrastructure infrastructure) {

  public Plan {
    steps = List.copyOf(steps);
  }
}
