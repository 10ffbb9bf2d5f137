package io.aiplatform.worker.resources;

import io.aiplatform.worker.WorkerProperties;
import io.aiplatform.worker.provisioning.CreateIntents;
import io.aiplatform.worker.provisioning.OwnerTags;
import io.aiplatform.worker.provisioning.ResourceSettlingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Create intents in the worker's DynamoDB table ({@code PLATFORM_WORKER_INTENTS_TABLE}): one item
 * per resource name, saying which system and job were about to create it and when. Items expire
 * through the table's TTL attribute {@code expires_at}; a stale one is harmless, since only a job
 * of the same system ever reads it, and only for an untagged, empty resource.
 */
@Component
class DynamoCreateIntents implements CreateIntents {

  /** Long enough for any retry of a failed system; intents are a few bytes each. */
  static final Duration RETENTION = Duration.ofDays(90);

  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  DynamoCreateIntents(DynamoDbClient dynamo, WorkerProperties properties, Clock clock) {
    this.dynamo = dynamo;
    this.table = properties.intentsTable();
    this.clock = clock;
  }

  @Override
  public void record(OwnerTags owner, Collection<String> resources) {
    if (resources.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    List<WriteRequest> writes =
        resources.stream()
            .map(resource -> item(owner, resource, now))
            .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()))
            .map(WriteRequest.Builder::build)
            .toList();
    var unprocessed =
        dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, writes))).unprocessedItems();
    if (unprocessed.containsKey(table) && !unprocessed.get(table).isEmpty()) {
      // Nothing is created before every intent is durable; the job's next attempt writes them.
      throw new ResourceSettlingException("DynamoDB did not take every create intent", null);
    }
  }

  @Override
  public Optional<UUID> recordedBy(OwnerTags owner, String resource) {
    Map<String, AttributeValue> item =
        dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(resource))).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    AttributeValue system = item.get("system_id");
    if (system == null || !owner.systemId().toString().equals(system.s())) {
      return Optional.empty();
    }
    return Optional.of(UUID.fromString(item.get("job_id").s()));
  }

  private static Map<String, AttributeValue> key(String resource) {
    return Map.of("resource", AttributeValue.fromS(resource));
  }

  private static Map<String, AttributeValue> item(OwnerTags owner, String resource, Instant now) {
    return Map.of(
        "resource", AttributeValue.fromS(resource),
        "system_id", AttributeValue.fromS(owner.systemId().toString()),
        "job_id", AttributeValue.fromS(owner.jobId().toString()),
        "recorded_at", AttributeValue.fromS(now.toString()),
        "expires_at", AttributeValue.fromN(Long.toString(now.plus(RETENTION).getEpochSecond())));
  }
}
