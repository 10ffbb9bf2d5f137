package io.aiplatform.api.registration;

import io.aiplatform.api.FieldViolation;
import io.aiplatform.api.reconcile.ReconcilePolicy;
import io.aiplatform.api.registration.Refusals.InvalidRequest;
import io.aiplatform.api.registration.Refusals.UnreadableChange;
import io.aiplatform.contracts.SystemSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON merge patch (RFC 7396) applied to a system's configuration as the API writes it: members
 * of the patch replace those of the configuration, {@code null} removes one, objects merge member
 * by member and arrays are replaced whole. The result is read as a registration body, as strictly
 * as one (unknown fields, wrong types and values no field can hold are refused).
 */
final class MergePatch {

  /** Fields of the record that no change sets. */
  private static final Set<String> READ_ONLY =
      Set.of(
          "system_id",
          "status",
          "generation",
          "created_at",
          "updated_at",
          "infrastructure",
          "resources",
          "error_message",
          "drift");

  private MergePatch() {}

  static RegistrationRequest apply(SystemSpec current, JsonNode patch, JsonMapper json) {
    return apply(current, null, patch, json);
  }

  /** The patch applied to the configuration and the system's reconcile policy (null: none). */
  static RegistrationRequest apply(
      SystemSpec current, ReconcilePolicy policy, JsonNode patch, JsonMapper json) {
    if (patch == null || !patch.isObject()) {
      throw new InvalidRequest("(body)", "must be a JSON object: a merge patch of the system");
    }
    List<FieldViolation> violations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> member : patch.properties()) {
      if (READ_ONLY.contains(member.getKey())) {
        violations.add(new FieldViolation(member.getKey(), "cannot be changed"));
      }
    }
    ObjectNode doc = document(current, json);
    if (policy != null) {
      doc.put("reconcile_policy", policy.wire());
    }
    JsonNode merged = merge(doc, patch);
    JsonNode name = merged.get("system_name");
    if (name == null || !name.isString() || !name.asString().equals(current.systemName())) {
      violations.add(new FieldViolation("system_name", "cannot be changed"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequest(violations);
    }
    try {
      return json.treeToValue(merged, RegistrationRequest.class);
    } catch (JacksonException e) {
      throw new UnreadableChange(e);
    }
  }

  /** RFC 7396, section 2. */
  static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode result =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> member : patch.properties()) {
      if (member.getValue().isNull()) {
        result.remove(member.getKey());
      } else {
        result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
      }
    }
    return result;
  }

  /** The configuration as a registration body; absent members are left out, not null. */
  static ObjectNode document(SystemSpec spec, JsonMapper json) {
    ObjectNode doc = json.createObjectNode();
    doc.put("system_name", spec.systemName());
    if (spec.description() != null) {
      doc.put("description", spec.description());
    }
    ArrayNode sources = doc.putArray("data_sources");
    spec.dataSources().forEach(sources::add);
    ArrayNode endpoints = doc.putArray("endpoints");
    spec.endpoints()
        .forEach(e -> endpoints.addObject().put("path", e.path()).put("method", e.method()));
    SystemSpec.LambdaConfig lambda = spec.lambdaConfig();
    if (lambda != null) {
      ObjectNode config = doc.putObject("lambda_config");
      if (lambda.memory() != null) {
        config.put("memory", lambda.memory());
      }
      if (lambda.timeout() != null) {
        config.put("timeout", lambda.timeout());
      }
      if (lambda.runtime() != null) {
        config.put("runtime", lambda.runtime());
      }
    }
    return doc;
  }
}
