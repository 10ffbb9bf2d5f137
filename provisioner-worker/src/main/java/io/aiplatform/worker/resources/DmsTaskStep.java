package io.aiplatform.worker.resources;

import io.aiplatform.contracts.ResourceResult.ResourceKind;
import io.aiplatform.worker.WorkerProperties;
import io.aiplatform.worker.provisioning.Comparison;
import io.aiplatform.worker.provisioning.Found;
import io.aiplatform.worker.provisioning.ResourceExistsException;
import io.aiplatform.worker.provisioning.ResourceSettlingException;
import io.aiplatform.worker.provisioning.RunContext;
import io.aiplatform.worker.provisioning.Step;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.Filter;
import software.amazon.awssdk.services.databasemigration.model.InvalidResourceStateException;
import software.amazon.awssdk.services.databasemigration.model.MigrationTypeValue;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskTypeValue;
import tools.jackson.databind.json.JsonMapper;

/**
 * The DMS replication task: full load and CDC of exactly the system's {@code data_sources} tables
 * from the platform's source endpoint into the system's S3 target endpoint, whose ARN the run hands
 * over from the endpoint step.
 */
final class DmsTaskStep implements Step<DmsTaskStep.Observed> {

  private static final Set<String> STARTABLE = Set.of("creating", "ready", "stopped");

  /** A task in these states replicates, or is about to. */
  private static final Set<String> REPLICATING = Set.of("running", "starting");

  private final DatabaseMigrationClient dms;
  private final String task;
  private final String targetEndpoint;
  private final WorkerProperties.Dms settings;
  private final String tableMappings;
  private final JsonMapper json;
  private final DmsTaskStates states;

  /**
   * What the task looks like now.
   *
   * @param status its DMS status ({@code creating}, {@code ready}, {@code running}, ...)
   * @param tableMappings its table mappings document
   */
  record Observed(String status, String tableMappings) {}

  DmsTaskStep(
      DatabaseMigrationClient dms,
      String task,
      String targetEndpoint,
      WorkerProperties.Dms settings,
      List<String> tables,
      JsonMapper json) {
    this.dms = dms;
    this.task = task;
    this.targetEndpoint = targetEndpoint;
    this.settings = settings;
    this.json = json;
    this.tableMappings = DmsTableMappings.of(settings.sourceSchema(), tables, json);
    this.states = new DmsTaskStates(dms);
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
  public Optional<Found<Observed>> find(RunContext context) {
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
    ReplicationTask current = found.get(0);
    String arn = current.replicationTaskArn();
    Observed observed = new Observed(current.status(), current.tableMappings());
    return Optional.of(new Found<>(arn, DmsTags.read(dms, arn), observed));
  }

  @Override
  public Found<Observed> create(Map<String, String> tags, RunContext context) {
    // An update that left the endpoint alone did not look it up.
    String target =
        context
            .knownArn(ResourceKind.DMS_ENDPOINT, targetEndpoint)
            .orElseGet(this::describeEndpoint);
    ReplicationTask created;
    try {
      created =
          dms.createReplicationTask(
                  b ->
                      b.replicationTaskIdentifier(task)
                          .sourceEndpointArn(settings.sourceEndpointArn())
                          .targetEndpointArn(target)
                          .replicationInstanceArn(settings.replicationInstanceArn())
                          .migrationType(MigrationTypeValue.FULL_LOAD_AND_CDC)
                          .tableMappings(tableMappings)
                          .tags(DmsTags.of(tags)))
              .replicationTask();
    } catch (ResourceAlreadyExistsException e) {
      throw new ResourceExistsException(kind().name(), task, e);
    }
    String status = created.status() == null ? "creating" : created.status();
    return new Found<>(created.replicationTaskArn(), tags, new Observed(status, tableMappings));
  }

  private String describeEndpoint() {
    Filter byId = Filter.builder().name("endpoint-id").values(targetEndpoint).build();
    return dms.describeEndpoints(b -> b.filters(byId)).endpoints().stream()
        .map(e -> e.endpointArn())
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "DMS endpoint " + targetEndpoint + " must be provisioned before the task"));
  }

  @Override
  public boolean tagsOnCreate() {
    return true;
  }

  @Override
  public boolean createRefusesTakenName() {
    return true;
  }

  @Override
  public void tag(Found<Observed> found, Map<String, String> tags) {
    dms.addTagsToResource(b -> b.resourceArn(found.arn()).tags(DmsTags.of(tags)));
  }

  @Override
  public boolean converge(Found<Observed> found, RunContext context) {
    Observed current = found.observed();
    String status = current.status();
    boolean remap = !json.readTree(tableMappings).equals(json.readTree(current.tableMappings()));
    if (remap) {
      // DMS changes the table mappings of a stopped task only; it resumes with the new tables.
      status = states.stopForChange(task, found.arn(), status);
      dms.modifyReplicationTask(
          b -> b.replicationTaskArn(found.arn()).tableMappings(tableMappings));
      status = states.afterModification(found.arn());
    }
    return start(found.arn(), status) || remap;
  }

  @Override
  public Object desired() {
    return tableMappings;
  }

  /**
   * The table mappings compared as JSON, as {@link #converge} does; running is the desired state.
   */
  @Override
  public Comparison compare(Found<Observed> found, RunContext context) {
    Observed now = found.observed();
    Comparison.Builder comparison = Comparison.builder();
    if (!json.readTree(tableMappings).equals(json.readTree(now.tableMappings()))) {
      comparison.differs("tableMappings", tableMappings, now.tableMappings());
    }
    if (!REPLICATING.contains(now.status())) {
      comparison.differs("state", "running", now.status());
    }
    return comparison.build();
  }

  /**
   * Replication is the point of the task, so the desired state is running. AWS refuses to start a
   * task that is still being created; the job then tries again later.
   */
  private boolean start(String arn, String status) {
    if (!STARTABLE.contains(status)) {
      return false;
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
    return true;
  }

  @Override
  public void delete(Found<Observed> found, RunContext context) {
    // Read again: the status seen when the task was found or created is stale once it was started.
    Optional<Found<Observed>> now = find(context);
    if (now.isPresent()) {
      states.delete(task, now.get().arn(), now.get().observed().status());
    }
  }
}
