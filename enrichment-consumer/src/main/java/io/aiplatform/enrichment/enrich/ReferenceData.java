package io.aiplatform.enrichment.enrich;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.aiplatform.enrichment.Backoff;
import io.aiplatform.enrichment.EnrichmentProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import tools.jackson.databind.JsonNode;

/**
 * Product reference attributes by {@code productId}: a bounded cache with a time to live in front
 * of DynamoDB BatchGetItem (at most 100 keys a call, UnprocessedKeys retried with backoff).
 */
public final class ReferenceData {

  /** The reference table's partition key, and the event field that names the product. */
  public static final String KEY = "productId";

  private static final int MAX_KEYS_PER_CALL = 100;

  private final DynamoDbClient dynamo;
  private final String table;
  private final Backoff backoff;
  private final int maxRounds;
  private final Cache<String, Reference> cache;
  private final Counter calls;

  /** Reference data read from {@code table}, cached and retried as the settings say. */
  public ReferenceData(
      DynamoDbClient dynamo,
      String table,
      EnrichmentProperties.Cache cacheSettings,
      EnrichmentProperties.Retry retry,
      MeterRegistry registry) {
    this.dynamo = dynamo;
    this.table = table;
    this.backoff = Backoff.of(retry);
    this.maxRounds = retry.maxUnprocessedKeysRounds();
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(cacheSettings.maximumSize())
            .expireAfter(
                Expiry.<String, Reference>creating(
                    (id, ref) -> ref.found() ? cacheSettings.ttl() : cacheSettings.notFoundTtl()))
            .recordStats()
            .build();
    CaffeineCacheMetrics.monitor(registry, cache, "enrichment.reference");
    this.calls =
        Counter.builder("enrichment.dynamodb.calls")
            .description("BatchGetItem calls to the reference table, retries included")
            .register(registry);
  }

  /**
   * The reference attributes of those of {@code productIds} that exist; unknown ids are absent.
   *
   * @throws ReferenceLookupException when DynamoDB keeps failing or leaving keys unprocessed
   */
  public Map<String, JsonNode> lookup(Collection<String> productIds) {
    Map<String, JsonNode> found = new HashMap<>();
    cache
        .getAll(productIds, this::load)
        .forEach(
            (id, ref) -> {
              if (ref.found()) {
                found.put(id, ref.attributes());
              }
            });
    return found;
  }

  private Map<String, Reference> load(Set<? extends String> ids) {
    Map<String, Reference> loaded = new HashMap<>();
    List<String> pending = new ArrayList<>(ids);
    for (int from = 0; from < pending.size(); from += MAX_KEYS_PER_CALL) {
      fetch(pending.subList(from, Math.min(pending.size(), from + MAX_KEYS_PER_CALL)), loaded);
    }
    ids.forEach(id -> loaded.putIfAbsent(id, Reference.NOT_FOUND));
    return loaded;
  }

  private void fetch(List<String> ids, Map<String, Reference> into) {
    List<Map<String, AttributeValue>> keys =
        ids.stream().map(id -> Map.of(KEY, AttributeValue.fromS(id))).toList();
    Map<String, KeysAndAttributes> request =
        Map.of(table, KeysAndAttributes.builder().keys(keys).build());
    for (int round = 1; !request.isEmpty(); round++) {
      if (round > maxRounds) {
        throw new ReferenceLookupException(
            "DynamoDB left keys unprocessed after " + maxRounds + " BatchGetItem rounds");
      }
      if (round > 1 && !backoff.pause(round - 1)) {
        throw new ReferenceLookupException("interrupted while retrying UnprocessedKeys");
      }
      Map<String, KeysAndAttributes> requestItems = request;
      BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(requestItems));
      calls.increment();
      for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
        into.put(item.get(KEY).s(), new Reference(AttributeJson.attributes(item, KEY)));
      }
      request = response.unprocessedKeys();
    }
  }

  /** A cache entry: the product's attributes, or none when the product is unknown. */
  private record Reference(JsonNode attributes) {
    static final Reference NOT_FOUND = new Reference(null);

    boolean found() {
      return attributes != null;
    }
  }

  /** DynamoDB did not answer every key; the caller retries the whole lookup later. */
  public static final class ReferenceLookupException extends RuntimeException {
    ReferenceLookupException(String message) {
      super(message);
    }
  }
}
