package io.aiplatform.enrichment.enrich;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Turns DynamoDB items into plain JSON: numbers stay exact decimals, binary becomes base64. */
final class AttributeJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AttributeJson() {}

  /** The item's attributes except {@code keyName} (the event already carries the key). */
  static ObjectNode attributes(Map<String, AttributeValue> item, String keyName) {
    ObjectNode node = object(item);
    node.remove(keyName);
    return node;
  }

  private static ObjectNode object(Map<String, AttributeValue> attributes) {
    ObjectNode node = NODES.objectNode();
    attributes.forEach((name, value) -> node.set(name, toJson(value)));
    return node;
  }

  static JsonNode toJson(AttributeValue value) {
    return switch (value.type()) {
      case S -> NODES.textNode(value.s());
      case N -> NODES.numberNode(new BigDecimal(value.n()));
      case BOOL -> NODES.booleanNode(value.bool());
      case NUL -> NODES.nullNode();
      case B -> NODES.textNode(base64(value.b()));
      case M -> object(value.m());
      case L -> array().addAll(value.l().stream().map(AttributeJson::toJson).toList());
      case SS ->
          array().addAll(value.ss().stream().map(s -> (JsonNode) NODES.textNode(s)).toList());
      case NS ->
          array()
              .addAll(
                  value.ns().stream()
                      .map(n -> (JsonNode) NODES.numberNode(new BigDecimal(n)))
                      .toList());
      case BS ->
          array()
              .addAll(value.bs().stream().map(b -> (JsonNode) NODES.textNode(base64(b))).toList());
      case UNKNOWN_TO_SDK_VERSION -> NODES.nullNode();
    };
  }

  private static ArrayNode array() {
    return NODES.arrayNode();
  }

  private static String base64(SdkBytes bytes) {
    return Base64.getEncoder().encodeToString(bytes.asByteArray());
  }
}
