package io.aiplatform.worker.resources;

import io.aiplatform.contracts.ResourceResult.ResourceKind;
import io.aiplatform.worker.provisioning.Found;
import io.aiplatform.worker.provisioning.ResourceExistsException;
import io.aiplatform.worker.provisioning.RunContext;
import io.aiplatform.worker.provisioning.Step;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;

/** The system's Glue database; it has no settings beyond its name. */
final class GlueDatabaseStep implements Step<Void> {

  private final GlueClient glue;
  private final String database;
  private final String arn;

  GlueDatabaseStep(GlueClient glue, String database, String arn) {
    this.glue = glue;
    this.database = database;
    this.arn = arn;
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.GLUE_DATABASE;
  }

  @Override
  public String name() {
    return database;
  }

  @Override
  public Optional<Found<Void>> find(RunContext context) {
    try {
      glue.getDatabase(b -> b.name(database));
    } catch (EntityNotFoundException e) {
      return Optional.empty();
    }
    return Optional.of(new Found<>(arn, glue.getTags(b -> b.resourceArn(arn)).tags(), null));
  }

  @Override
  public Found<Void> create(Map<String, String> tags, RunContext context) {
    try {
      glue.createDatabase(
          b ->
              b.databaseInput(i -> i.name(database).description("Managed by provisioner-worker"))
                  .tags(tags));
    } catch (AlreadyExistsException e) {
      throw new ResourceExistsException(kind().name(), database, e);
    }
    return new Found<>(arn, tags, null);
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
  public void tag(Found<Void> found, Map<String, String> tags) {
    glue.tagResource(b -> b.resourceArn(arn).tagsToAdd(tags));
  }

  @Override
  public boolean converge(Found<Void> found, RunContext context) {
    // A database has nothing to converge: its name is its identity.
    return false;
  }

  @Override
  public void delete(Found<Void> found, RunContext context) {
    try {
      glue.deleteDatabase(b -> b.name(database));
    } catch (EntityNotFoundException e) {
      // Already gone: an earlier attempt's answer was lost.
    }
  }
}
