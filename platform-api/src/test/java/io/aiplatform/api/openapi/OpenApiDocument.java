package io.aiplatform.api.openapi;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.aiplatform.api.support.Api;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API's own OpenAPI document, used as the judge of real responses: is the status documented for
 * the operation, are its required headers there, does the body validate against its schema.
 */
final class OpenApiDocument {

  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private final JsonNode document;
  private final Set<String> observed = new TreeSet<>();

  OpenApiDocument(JsonNode document) {
    this.document = document;
  }

  /** Every documented {@code METHOD path status}. */
  Set<String> documented() {
    Set<String> all = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        for (String status : op.getValue().get("responses").propertyNames()) {
          all.add(key(op.getKey(), path.getKey(), status));
        }
      }
    }
    return all;
  }

  /** The {@code METHOD path status} combinations checked so far. */
  Set<String> observed() {
    return Set.copyOf(observed);
  }

  JsonNode json() {
    return document;
  }

  /**
   * What is wrong with a real response to {@code method} on {@code path}, measured against the
   * document; empty when it is exactly as documented.
   */
  List<String> violations(String method, String path, Api.Response response) {
    String template = template(path);
    JsonNode operation = document.get("paths").get(template).get(method.toLowerCase());
    List<String> problems = new ArrayList<>();
    if (operation == null) {
      return List.of(method + " " + template + " is not documented");
    }
    String status = Integer.toString(response.status());
    observed.add(key(method, template, status));
    JsonNode documented = operation.get("responses").get(status);
    if (documented == null) {
      return List.of(method + " " + template + " answered " + status + ", which is undocumented");
    }
    JsonNode headers = documented.get("headers");
    if (headers != null) {
      for (Map.Entry<String, JsonNode> h : headers.properties()) {
        if (h.getValue().path("required").asBoolean() && response.header(h.getKey()) == null) {
          problems.add(status + " lacks the documented header " + h.getKey());
        }
      }
    }
    problems.addAll(bodyViolations(documented.get("content"), status, response));
    return problems;
  }

  private List<String> bodyViolations(JsonNode content, String status, Api.Response response) {
    if (content == null) {
      return response.body().isEmpty() ? List.of() : List.of(status + " has an undocumented body");
    }
    String type = response.header("Content-Type");
    String mediaType = type == null ? "" : type.split(";")[0].trim();
    JsonNode media = content.get(mediaType);
    if (media == null) {
      return List.of(status + " answered " + type + "; documented: " + content.propertyNames());
    }
    ObjectNode schema = (ObjectNode) media.get("schema").deepCopy();
    schema.set("components", document.get("components"));
    List<Error> errors = SCHEMAS.getSchema(schema).validate(response.json());
    return errors.stream().map(e -> status + " body: " + e + " in " + response.body()).toList();
  }

  /** The documented path template a concrete path belongs to. */
  String template(String path) {
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    Iterator<String> templates = document.get("paths").propertyNames().iterator();
    while (templates.hasNext()) {
      String template = templates.next();
      String regex = template.replaceAll("\\{[^/]+}", "[^/]+");
      if (Pattern.matches(regex, bare)) {
        return template;
      }
    }
    throw new IllegalArgumentException("No documented path matches " + path);
  }

  static String key(String method, String template, String status) {
    return method.toUpperCase() + " " + template + " " + status;
  }
}
