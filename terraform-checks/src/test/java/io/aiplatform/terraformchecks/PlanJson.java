package io.aiplatform.terraformchecks;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code terraform show -json} of a saved plan: the planned resources with their values, which of
 * those values are known only after apply, the references each argument's expression makes (where a
 * value is unknown, the configuration still says what it comes from), and the outputs.
 */
final class PlanJson {

  /**
   * One planned resource instance.
   *
   * @param module the module address ({@code module.platform.module.messaging}, empty at the root)
   * @param address the full instance address
   * @param type the resource type
   * @param name the resource name
   * @param values the planned values (unknown ones absent or null)
   * @param unknown the same shape, {@code true} where a value is known only after apply
   */
  record Resource(
      String module, String address, String type, String name, JsonNode values, JsonNode unknown) {

    /** A planned value by path, a missing node when absent. */
    JsonNode at(String... path) {
      JsonNode node = values;
      for (String step : path) {
        node = step.matches("\\d+") ? node.path(Integer.parseInt(step)) : node.path(step);
      }
      return node;
    }

    /** Whether the value at the path is known only after apply. */
    boolean unknownAt(String... path) {
      JsonNode node = unknown;
      for (String step : path) {
        node = step.matches("\\d+") ? node.path(Integer.parseInt(step)) : node.path(step);
      }
      return node.asBoolean(false);
    }

    /** Set: known and not null, or known only after apply. */
    boolean set(String... path) {
      JsonNode value = at(path);
      return unknownAt(path) || !(value.isMissingNode() || value.isNull());
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JsonNode plan;
  private final List<Resource> resources = new ArrayList<>();

  PlanJson(String json) {
    plan = JSON.readTree(json);
    collect(plan.path("planned_values").path("root_module"));
  }

  List<Resource> resources() {
    return resources;
  }

  /** Planned instances of one resource type. */
  List<Resource> ofType(String type) {
    return resources.stream().filter(r -> r.type().equals(type)).toList();
  }

  /** The one planned instance with this address. */
  Resource resource(String address) {
    return resources.stream()
        .filter(r -> r.address().equals(address))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no planned resource " + address));
  }

  /** A planned output value (unknown parts null). */
  JsonNode output(String name) {
    return plan.path("output_changes").path(name).path("after");
  }

  /** Whether parts of an output are known only after apply ({@code true} or a nested shape). */
  JsonNode outputUnknown(String name) {
    return plan.path("output_changes").path(name).path("after_unknown");
  }

  /** A resource of the prior state (what a targeted apply created before this plan). */
  JsonNode priorValues(String address) {
    return find(plan.path("prior_state").path("values").path("root_module"), address);
  }

  /**
   * The references of an argument's expression in the configuration of a resource: {@code path}
   * walks nested blocks ({@code "load_balancer_info", "0", ...}) down to the argument.
   */
  List<String> references(Resource resource, String... path) {
    JsonNode node = configuration(resource).path("expressions");
    for (String step : path) {
      node = step.matches("\\d+") ? node.path(Integer.parseInt(step)) : node.path(step);
    }
    return StreamSupport.stream(node.path("references").spliterator(), false)
        .map(JsonNode::asString)
        .toList();
  }

  private JsonNode configuration(Resource resource) {
    JsonNode module = plan.path("configuration").path("root_module");
    if (!resource.module().isEmpty()) {
      for (String call : resource.module().replace("module.", "").split("\\.")) {
        module = module.path("module_calls").path(call).path("module");
      }
    }
    String local =
        resource.module().isEmpty()
            ? resource.address()
            : resource.address().substring(resource.module().length() + 1);
    String address =
        (local.startsWith("data.") ? "data." : "") + resource.type() + "." + resource.name();
    for (JsonNode candidate : module.path("resources")) {
      if (candidate.path("address").asString().equals(address)) {
        return candidate;
      }
    }
    throw new AssertionError("no configuration for " + resource.address());
  }

  /** The strings of a JSON array. */
  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asString()));
    return values;
  }

  /** The resource prefix the plan was made with (platform-api's PLATFORM_API_RESOURCE_PREFIX). */
  static String prefix(PlanJson plan) {
    return plan.output("service_environment")
        .path("platform-api")
        .path("PLATFORM_API_RESOURCE_PREFIX")
        .asString();
  }

  private void collect(JsonNode module) {
    for (JsonNode r : module.path("resources")) {
      String address = r.path("address").asString();
      resources.add(
          new Resource(
              module.path("address").asString(""),
              address,
              r.path("type").asString(),
              r.path("name").asString(),
              r.path("values"),
              unknownOf(address)));
    }
    for (JsonNode child : module.path("child_modules")) {
      collect(child);
    }
  }

  private JsonNode unknownOf(String address) {
    for (JsonNode change : plan.path("resource_changes")) {
      if (change.path("address").asString().equals(address)) {
        return change.path("change").path("after_unknown");
      }
    }
    return JSON.missingNode();
  }

  private static JsonNode find(JsonNode module, String address) {
    for (JsonNode r : module.path("resources")) {
      if (r.path("address").asString().equals(address)) {
        return r.path("values");
      }
    }
    for (JsonNode child : module.path("child_modules")) {
      JsonNode found = find(child, address);
      if (!found.isMissingNode()) {
        return found;
      }
    }
    return JSON.missingNode();
  }
}
