package io.aiplatform.worker.resources;

import io.aiplatform.worker.provisioning.ResourceSettlingException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.core.waiters.Waiter;
import software.amazon.awssdk.core.waiters.WaiterAcceptor;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationTasksResponse;
import software.amazon.awssdk.services.databasemigration.model.Filter;
import software.amazon.awssdk.services.databasemigration.model.InvalidResourceStateException;
import software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException;

/**
 * Deleting or changing a replication task from whatever state an earlier, interrupted attempt left
 * it in: a running task is stopped first, a stopping one waited for, a deleting one only waited
 * for.
 */
final class DmsTaskStates {

  private static final Set<String> RUNNING = Set.of("running", "starting");
  private static final Set<String> BUSY = Set.of("creating", "modifying", "moving", "testing");

  private final DatabaseMigrationClient dms;

  DmsTaskStates(DatabaseMigrationClient dms) {
    this.dms = dms;
  }

  void delete(String task, String arn, String status) {
    if (BUSY.contains(status)) {
      throw new ResourceSettlingException(
          "DMS task %s is %s; it is deleted on the next attempt".formatted(task, status), null);
    }
    if (!"deleting".equals(status)) {
      if (RUNNING.contains(status)) {
        stop(arn);
      }
      if (RUNNING.contains(status) || "stopping".equals(status)) {
        until(arn, r -> r.replicationTasks().stream().allMatch(t -> "stopped".equals(t.status())));
      }
      try {
        dms.deleteReplicationTask(b -> b.replicationTaskArn(arn));
      } catch (ResourceNotFoundException e) {
        return; // Already gone: an earlier attempt's answer was lost.
      }
    }
    // Deletion is asynchronous in AWS, and the target endpoint cannot go while the task exists.
    until(arn, r -> r.replicationTasks().isEmpty());
  }

  /**
   * Brings a task to a state in which DMS accepts a change of its settings: a running one is
   * stopped and waited for. Answers the status it is in then.
   */
  String stopForChange(String task, String arn, String status) {
    if (BUSY.contains(status) || "deleting".equals(status)) {
      throw new ResourceSettlingException(
          "DMS task %s is %s; it is changed on the next attempt".formatted(task, status), null);
    }
    if (RUNNING.contains(status)) {
      stop(arn);
    }
    if (RUNNING.contains(status) || "stopping".equals(status)) {
      until(arn, r -> r.replicationTasks().stream().allMatch(t -> "stopped".equals(t.status())));
      return "stopped";
    }
    return status;
  }

  /** Waits until DMS has applied a modification, and answers the task's status then. */
  String afterModification(String arn) {
    until(arn, r -> r.replicationTasks().stream().noneMatch(t -> "modifying".equals(t.status())));
    Filter byArn = Filter.builder().name("replication-task-arn").values(arn).build();
    return dms.describeReplicationTasks(b -> b.filters(byArn)).replicationTasks().stream()
        .map(t -> t.status())
        .findFirst()
        .orElse("deleted");
  }

  private void stop(String arn) {
    try {
      dms.stopReplicationTask(b -> b.replicationTaskArn(arn));
    } catch (InvalidResourceStateException e) {
      // Already stopping: an earlier attempt asked and its answer was lost.
    }
  }

  /**
   * Polls the task until {@code done}; a task that is gone entirely also counts as done. The SDK's
   * own DMS waiters only accept AWS's not-found error, not the empty answer some emulators give.
   */
  private void until(String arn, Predicate<DescribeReplicationTasksResponse> done) {
    Filter byArn = Filter.builder().name("replication-task-arn").values(arn).build();
    Waiter<DescribeReplicationTasksResponse> waiter =
        Waiter.builder(DescribeReplicationTasksResponse.class)
            .addAcceptor(WaiterAcceptor.successOnResponseAcceptor(done))
            .addAcceptor(
                WaiterAcceptor.successOnExceptionAcceptor(
                    e -> e instanceof ResourceNotFoundException))
            .addAcceptor(WaiterAcceptor.retryOnResponseAcceptor(r -> true))
            .overrideConfiguration(
                c ->
                    c.waitTimeout(Duration.ofMinutes(5))
                        .backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofSeconds(5))))
            .build();
    waiter.run(() -> dms.describeReplicationTasks(b -> b.filters(byArn)));
  }
}
