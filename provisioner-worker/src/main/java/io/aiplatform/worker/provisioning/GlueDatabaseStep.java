package io.aiplatform.worker.provisioning;

import io.aiplatform.contracts.ResourceResult.ResourceKind;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;

/** The system's Glue database; it has no settings beyond its name. */
final class GlueDatabaseStep implements Step {

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
  public Optional<Found> find() {
    try {
      glue.getDatabase(b -> b.name(database));
    } catch (EntityNotFoundException e) {
      return Optional.empty();
    }
    return Optional.of(new Found(arn, glue.getTags(b -> b.resourceArn(arn)).tags()));
  }

  @Override
  public String create(Map<String, String> tags) {
    glue.createDatabase(
        b ->
            b.databaseInput(i -> i.name(database).description("Managed by provisioner-worker"))
                .tags(tags));
    return arn;
  }

  @Override
  public void tag(Found found, Map<String, String> tags) {
    glue.tagResource(b -> b.resourceArn(arn).tagsToAdd(tags));
  }

  @Override
  public void converge(Found found) {
    // A database has nothing to converge: its name is its identity.
  }

  @Override
  public void delete(Found found) {
    glue.deleteDatabase(b -> b.name(database));
  }
}
