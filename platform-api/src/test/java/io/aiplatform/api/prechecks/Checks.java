package io.aiplatform.api.prechecks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** The {@code checks} of a dry run's answer or of a precondition-failed problem. */
final class Checks {

  private Checks() {}

  static List<JsonNode> failed(JsonNode body) {
    return where(body, c -> !c.get("passed").asBoolean());
  }

  static List<JsonNode> named(JsonNode body, String check) {
    return where(body, c -> c.get("check").asString().equals(check));
  }

  private static List<JsonNode> where(JsonNode body, Predicate<JsonNode> test) {
    List<JsonNode> found = new ArrayList<>();
    body.get("checks")
        .forEach(
            c -> {
              if (test.test(c)) {
                found.add(c);
              }
            });
    return found;
  }
}
