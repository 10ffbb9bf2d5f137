package io.aiplatform.worker.provisioning;

import io.aiplatform.contracts.ResourceResult.ResourceKind;
import io.aiplatform.worker.WorkerProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.core.waiters.Waiter;
import software.amazon.awssdk.core.waiters.WaiterAcceptor;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationTasksResponse;
import software.amazon.awssdk.services.databasemigration.model.Filter;
import software.amazon.awssdk.services.databasemigration.model.InvalidResourceStateException;
import software.amazon.awssdk.services.databasemigration.model.MigrationTypeValue;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskTypeValue;
import tools.jackson.databind.json.JsonMapper;

/**
 * The DMS replication task: full load and CDC of exactly the system's {@code data_sources} tables
 * from the platform's source endpoint into the system's S3 target endpoint.
 */
final class DmsTaskStep implements Step {

  private static final Set<String> STARTABLE = Set.of("creating", "ready", "stopped");

  private final DatabaseMigrationClient dms;
  private final String task;
  private final DmsEndpointStep target;
  private final WorkerProperties.Dms settings;
  private final String tableMappings;
  private final JsonMapper json;
  private ReplicationTask current;

  DmsTaskStep(
      DatabaseMigrationClient dms,
      String task,
      DmsEndpointStep target,
      WorkerProperties.Dms settings,
      List<String> tables,
      JsonMapper json) {
    this.dms = dms;
    this.task = task;
    this.target = target;
    this.settings = settings;
    this.json = json;
    this.tableMappings =
        json.writeValueAsString(Map.of("rules", rules(settings.sourceSchema(), tables)));
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.DMS_REPLICATION_TASK;
  }

  @Override
  public String name() {
    return task;
  }

  @Override
  public Optional<Found> find() {
    List<ReplicationTask> found;
    try {
      found =
          dms.describeReplicationTasks(
                  b -> b.filters(Filter.builder().name("replication-task-id").values(task).build()))
              .replicationTasks();
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
    if (found.isEmpty()) {
      return Optional.empty();
    }
    current = found.get(0);
    String arn = current.replicationTaskArn();
    return Optional.of(new Found(arn, DmsEndpointStep.DmsTags.read(dms, arn)));
  }

  @Override
  public String create(Map<String, String> tags) {
    current = null;
    return dms.createReplicationTask(
            b ->
                b.replicationTaskIdentifier(task)
                    .sourceEndpointArn(settings.sourceEndpointArn())
                    .targetEndpointArn(target.arn())
                    .replicationInstanceArn(settings.replicationInstanceArn())
                    .migrationType(MigrationTypeValue.FULL_LOAD_AND_CDC)
                    .tableMappings(tableMappings)
                    .tags(DmsEndpointStep.DmsTags.of(tags)))
        .replicationTask()
        .replicationTaskArn();
  }

  @Override
  public void tag(Found found, Map<String, String> tags) {
    dms.addTagsToResource(b -> b.resourceArn(found.arn()).tags(DmsEndpointStep.DmsTags.of(tags)));
  }

  @Override
  public void converge(Found found) {
    if (current != null
        && !json.readTree(tableMappings).equals(json.readTree(current.tableMappings()))) {
      dms.modifyReplicationTask(
          b -> b.replicationTaskArn(found.arn()).tableMappings(tableMappings));
    }
    start(found.arn(), current == null ? "creating" : current.status());
  }

  /**
   * Replication is the point of the task, so the desired state is running. AWS refuses to start a
   * task that is still being created; the job then tries again later.
   */
  private void start(String arn, String status) {
    if (!STARTABLE.contains(status)) {
      return;
    }
    StartReplicationTaskTypeValue type =
        "stopped".equals(status)
            ? StartReplicationTaskTypeValue.RESUME_PROCESSING
            : StartReplicationTaskTypeValue.START_REPLICATION;
    try {
      dms.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType(type));
    } catch (InvalidResourceStateException e) {
      throw new ResourceSettlingException(
          "DMS task %s is %s; it is started on the next attempt".formatted(task, status), e);
    }
  }

  @Override
  public void delete(Found found) {
    String status = status(found.arn());
    if ("running".equals(status) || "starting".equals(status)) {
      dms.stopReplicationTask(b -> b.replicationTaskArn(found.arn()));
      untilTask(
          found.arn(),
          r -> r.replicationTasks().stream().allMatch(t -> "stopped".equals(t.status())));
    }
    dms.deleteReplicationTask(b -> b.replicationTaskArn(found.arn()));
    // Deletion is asynchronous in AWS, and the target endpoint cannot go while the task exists.
    untilTask(found.arn(), r -> r.replicationTasks().isEmpty());
  }

  private String status(String arn) {
    try {
      return dms.describeReplicationTasks(b -> b.filters(byArn(arn))).replicationTasks().stream()
          .map(ReplicationTask::status)
          .findFirst()
          .orElse(null);
    } catch (ResourceNotFoundException e) {
      return null;
    }
  }

  /**
   * Polls the task until {@code done}; a task that is gone entirely also counts as done. The SDK's
   * own DMS waiters only accept AWS's not-found error, not the empty answer some emulators give.
   */
  private void untilTask(String arn, Predicate<DescribeReplicationTasksResponse> done) {
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
    waiter.run(() -> dms.describeReplicationTasks(b -> b.filters(byArn(arn))));
  }

  private static Filter byArn(String arn) {
    return Filter.builder().name("replication-task-arn").values(arn).build();
  }

  private static List<Map<String, Object>> rules(String schema, List<String> tables) {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (String table : tables) {
      Map<String, Object> rule = new LinkedHashMap<>();
      rule.put("rule-type", "selection");
      rule.put("rule-id", String.valueOf(rules.size() + 1));
      rule.put("rule-name", "include-" + table);
      rule.put("object-locator", Map.of("schema-name", schema, "table-name", table));
      rule.put("rule-action", "include");
      rules.add(rule);
    }
    return rules;
  }
}
