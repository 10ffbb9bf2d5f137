package io.aiplatform.enrichment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Makes BatchGetItem answer the way DynamoDB does under load, which the emulator never does: the
 * first {@code rounds} responses move every other item they found into UnprocessedKeys.
 */
public final class UnprocessedKeysInterceptor implements ExecutionInterceptor {

  private final String keyName;
  private final AtomicInteger remainingRounds;
  private final AtomicInteger keysWithheld = new AtomicInteger();

  public UnprocessedKeysInterceptor(String keyName, int rounds) {
    this.keyName = keyName;
    this.remainingRounds = new AtomicInteger(rounds);
  }

  @Override
  public SdkResponse modifyResponse(
      Context.ModifyResponse context, ExecutionAttributes attributes) {
    if (!(context.response() instanceof BatchGetItemResponse response)
        || remainingRounds.getAndDecrement() <= 0) {
      return context.response();
    }
    Map<String, List<Map<String, AttributeValue>>> kept = new HashMap<>();
    Map<String, KeysAndAttributes> withheld = new HashMap<>();
    response
        .responses()
        .forEach(
            (table, items) -> {
              List<Map<String, AttributeValue>> keep = new ArrayList<>();
              List<Map<String, AttributeValue>> keys = new ArrayList<>();
              for (int i = 0; i < items.size(); i++) {
                if (i % 2 == 0) {
                  keep.add(items.get(i));
                } else {
                  keys.add(Map.of(keyName, items.get(i).get(keyName)));
                }
              }
              kept.put(table, keep);
              if (!keys.isEmpty()) {
                withheld.put(table, KeysAndAttributes.builder().keys(keys).build());
                keysWithheld.addAndGet(keys.size());
              }
            });
    return response.toBuilder().responses(kept).unprocessedKeys(withheld).build();
  }

  /** How many keys were reported unprocessed so far. */
  public int keysWithheld() {
    return keysWithheld.get();
  }
}
