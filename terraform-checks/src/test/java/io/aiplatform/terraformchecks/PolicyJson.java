package io.aiplatform.terraformchecks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An IAM policy document as a plan carries it (the JSON of an {@code aws_iam_policy_document}): its
 * statements by Sid, and their actions and resources, each of which IAM writes as a string or a
 * list.
 */
final class PolicyJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PolicyJson() {}

  /** The statements by Sid, in document order. */
  static Map<String, JsonNode> statements(String policy) {
    Map<String, JsonNode> statements = new LinkedHashMap<>();
    for (JsonNode statement : JSON.readTree(policy).path("Statement")) {
      statements.put(statement.path("Sid").asString(""), statement);
    }
    return statements;
  }

  static List<String> actions(JsonNode statement) {
    return stringOrList(statement.path("Action"));
  }

  static List<String> resources(JsonNode statement) {
    return stringOrList(statement.path("Resource"));
  }

  /** Whether an ARN matches an IAM pattern ({@code *} any run of characters, {@code ?} one). */
  static boolean matches(String pattern, String arn) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return arn.matches(regex.toString());
  }

  private static List<String> stringOrList(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(value -> values.add(value.asString()));
    } else if (!node.isMissingNode() && !node.isNull()) {
      values.add(node.asString());
    }
    return values;
  }
}
