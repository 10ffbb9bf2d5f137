package io.aiplatform.terraformchecks;

import java.util.List;
import java.util.Map;

/** Reading hcl4j's output: one nested block is a map, repeated blocks a list of maps. */
final class Hcl {

  private Hcl() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** Every occurrence of a nested block, whether hcl4j made it a map or a list. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> blocks(Object value) {
    if (value instanceof Map<?, ?> m) {
      return List.of((Map<String, Object>) m);
    }
    if (value instanceof List<?> list) {
      return list.stream().filter(Map.class::isInstance).map(Hcl::map).toList();
    }
    return List.of();
  }

  /** The string values of a list attribute (or a single string). */
  static List<String> strings(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
    return value instanceof String s ? List.of(s) : List.of();
  }

  /** Whether the block sets {@code key} to the literal {@code expected}. */
  static boolean isTrue(Map<String, Object> block, String key) {
    return Boolean.TRUE.equals(block.get(key));
  }

  /** The referenced text of an attribute hcl4j kept as an expression (e.g. {@code data.x.y}). */
  static String expression(Object value) {
    return value == null ? "" : value.toString();
  }
}
