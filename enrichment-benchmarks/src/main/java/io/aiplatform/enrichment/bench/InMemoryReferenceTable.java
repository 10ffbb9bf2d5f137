package io.aiplatform.enrichment.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;

/**
 * A reference table answered from memory, for the CPU benchmark only: it fills the consumer's cache
 * once, so that the measured transform does no I/O ("reference data already resolved"). The
 * call-count and end-to-end benchmarks use the real client against moto.
 */
final class InMemoryReferenceTable implements DynamoDbClient {

  private final AtomicInteger calls = new AtomicInteger();

  /** The reference item of {@code productId}, shaped like seed 002's reference data. */
  static Map<String, AttributeValue> item(String productId) {
    return Map.of(
        "productId", AttributeValue.fromS(productId),
        "productName", AttributeValue.fromS("Wireless Headphones " + productId),
        "category", AttributeValue.fromS("Electronics"),
        "brand", AttributeValue.fromS("Acme Audio"),
        "price", AttributeValue.fromN("99.99"),
        "inStock", AttributeValue.fromBool(true));
  }

  @Override
  public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
    calls.incrementAndGet();
    Map<String, List<Map<String, AttributeValue>>> responses =
        request.requestItems().entrySet().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    Map.Entry::getKey,
                    e ->
                        e.getValue().keys().stream()
                            .map(key -> item(key.get("productId").s()))
                            .toList()));
    return BatchGetItemResponse.builder().responses(responses).build();
  }

  /** BatchGetItem calls answered so far (the cache makes it stop growing after the first). */
  int calls() {
    return calls.get();
  }

  @Override
  public String serviceName() {
    return "dynamodb";
  }

  @Override
  public void close() {}
}
