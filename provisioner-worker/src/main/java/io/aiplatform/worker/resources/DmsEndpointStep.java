package io.aiplatform.worker.resources;

import io.aiplatform.contracts.ResourceResult.ResourceKind;
import io.aiplatform.worker.provisioning.Found;
import io.aiplatform.worker.provisioning.ResourceExistsException;
import io.aiplatform.worker.provisioning.ResourceSettlingException;
import io.aiplatform.worker.provisioning.RunContext;
import io.aiplatform.worker.provisioning.Step;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.databasemigration.model.Filter;
import software.amazon.awssdk.services.databasemigration.model.InvalidResourceStateException;
import software.amazon.awssdk.services.databasemigration.model.ReplicationEndpointTypeValue;
import software.amazon.awssdk.services.databasemigration.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException;

/**
 * The per-system DMS S3 target endpoint that writes into the raw bucket. Looked for before it is
 * created: AWS refuses a second endpoint of the same identifier, but moto creates one.
 */
final class DmsEndpointStep implements Step<Void> {

  private final DatabaseMigrationClient dms;
  private final String endpoint;
  private final String rawBucket;
  private final String serviceRoleArn;

  DmsEndpointStep(
      DatabaseMigrationClient dms, String endpoint, String rawBucket, String serviceRoleArn) {
    this.dms = dms;
    this.endpoint = endpoint;
    this.rawBucket = rawBucket;
    this.serviceRoleArn = serviceRoleArn;
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.DMS_ENDPOINT;
  }

  @Override
  public String name() {
    return endpoint;
  }

  @Override
  public Optional<Found<Void>> find(RunContext context) {
    List<Endpoint> found;
    try {
      found =
          dms.describeEndpoints(
                  b -> b.filters(Filter.builder().name("endpoint-id").values(endpoint).build()))
              .endpoints();
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String arn = found.get(0).endpointArn();
    return Optional.of(new Found<>(arn, DmsTags.read(dms, arn), null));
  }

  @Override
  public Found<Void> create(Map<String, String> tags, RunContext context) {
    String arn;
    try {
      arn =
          dms.createEndpoint(
                  b ->
                      b.endpointIdentifier(endpoint)
                          .endpointType(ReplicationEndpointTypeValue.TARGET)
                          .engineName("s3")
                          .s3Settings(
                              s -> s.bucketName(rawBucket).serviceAccessRoleArn(serviceRoleArn))
                          .tags(DmsTags.of(tags)))
              .endpoint()
              .endpointArn();
    } catch (ResourceAlreadyExistsException e) {
      throw new ResourceExistsException(kind().name(), endpoint, e);
    }
    return new Found<>(arn, tags, null);
  }

  @Override
  public boolean tagsOnCreate() {
    return true;
  }

  @Override
  public void tag(Found<Void> found, Map<String, String> tags) {
    dms.addTagsToResource(b -> b.resourceArn(found.arn()).tags(DmsTags.of(tags)));
  }

  @Override
  public boolean converge(Found<Void> found, RunContext context) {
    // Its identity is its settings; a changed bucket or role means a new system name anyway.
    return false;
  }

  @Override
  public void delete(Found<Void> found, RunContext context) {
    try {
      dms.deleteEndpoint(b -> b.endpointArn(found.arn()));
    } catch (ResourceNotFoundException e) {
      // Already gone: an earlier attempt's answer was lost.
    } catch (InvalidResourceStateException e) {
      throw new ResourceSettlingException(
          "DMS endpoint " + endpoint + " is still in use; it is deleted on the next attempt", e);
    }
  }
}
