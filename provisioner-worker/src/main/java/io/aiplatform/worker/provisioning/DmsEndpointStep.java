package io.aiplatform.worker.provisioning;

import io.aiplatform.contracts.ResourceResult.ResourceKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.databasemigration.model.Filter;
import software.amazon.awssdk.services.databasemigration.model.ReplicationEndpointTypeValue;
import software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException;
import software.amazon.awssdk.services.databasemigration.model.Tag;

/** The per-system DMS S3 target endpoint that writes into the raw bucket. */
final class DmsEndpointStep implements Step {

  private final DatabaseMigrationClient dms;
  private final String endpoint;
  private final String rawBucket;
  private final String serviceRoleArn;
  private String arn;

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

  /** The endpoint's ARN once found or created; the replication task needs it. */
  String arn() {
    return arn;
  }

  @Override
  public Optional<Found> find() {
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
    arn = found.get(0).endpointArn();
    return Optional.of(new Found(arn, DmsTags.read(dms, arn)));
  }

  @Override
  public String create(Map<String, String> tags) {
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
    return arn;
  }

  @Override
  public void tag(Found found, Map<String, String> tags) {
    dms.addTagsToResource(b -> b.resourceArn(found.arn()).tags(DmsTags.of(tags)));
  }

  @Override
  public void converge(Found found) {
    // Its identity is its settings; a changed bucket or role means a new system name anyway.
  }

  @Override
  public void delete(Found found) {
    dms.deleteEndpoint(b -> b.endpointArn(found.arn()));
  }

  /** DMS's tag list in both directions. */
  static final class DmsTags {

    private DmsTags() {}

    static List<Tag> of(Map<String, String> tags) {
      return tags.entrySet().stream()
          .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
          .toList();
    }

    static Map<String, String> read(DatabaseMigrationClient dms, String arn) {
      Map<String, String> tags = new LinkedHashMap<>();
      dms.listTagsForResource(b -> b.resourceArn(arn))
          .tagList()
          .forEach(t -> tags.put(t.key(), t.value()));
      return tags;
    }
  }
}
