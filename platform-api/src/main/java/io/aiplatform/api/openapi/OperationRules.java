package io.aiplatform.api.openapi;

import io.aiplatform.api.ApiProperties;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per operation: its id, the statuses it answers (successes with their headers, refusals as problem
 * details), the scope it needs, and the limits of its parameters.
 */
final class OperationRules {

  /** Statuses every operation under {@code /admin} can answer. */
  private static final List<Integer> ALWAYS = List.of(401, 403, 406, 500, 503);

  private static final Map<Integer, String> REASONS =
      Map.ofEntries(
          Map.entry(400, "Invalid fields or parameters (`validation`) or a body that is not JSON"),
          Map.entry(401, "No valid bearer token"),
          Map.entry(403, "The token lacks the scope"),
          Map.entry(404, "No such system"),
          Map.entry(406, "The response cannot be given in an accepted media type"),
          Map.entry(
              409,
              "A taken name (`duplicate-name`), a route another system owns (`route-taken`) or a"
                  + " state that forbids it (`invalid-state`)"),
          Map.entry(412, "If-Match names an older version of the record (`precondition-failed`)"),
          Map.entry(413, "Body over PLATFORM_API_MAX_REQUEST_BODY"),
          Map.entry(415, "Body is not application/json (for PATCH: application/merge-patch+json)"),
          Map.entry(422, "Idempotency-Key reused with another body"),
          Map.entry(428, "No If-Match (`precondition-required`)"),
          Map.entry(500, "Our fault; details only in the log"),
          Map.entry(503, "No database connection in time; retry after Retry-After seconds"));

  private final ApiProperties properties;

  OperationRules(ApiProperties properties) {
    this.properties = properties;
  }

  void apply(OpenAPI openApi) {
    scheme(openApi);
    String read = properties.security().readScope();
    String write = properties.security().writeScope();
    PathItem systems = path(openApi, "/admin/systems");
    PathItem system = path(openApi, "/admin/systems/{system_id}");
    document(systems.getGet(), "listSystems", read, 200, 400);
    limits(systems.getGet());
    statusParameter(openApi, systems.getGet());
    document(systems.getPost(), "registerSystem", write, 201, 400, 409, 413, 415, 422);
    created(systems.getPost());
    document(system.getGet(), "getSystem", read, 200, 400, 404);
    document(system.getDelete(), "deleteSystem", write, 202, 400, 404, 409);
    document(
        path(openApi, "/admin/systems/{system_id}/retry").getPost(),
        "retrySystem",
        write,
        202,
        400,
        404,
        409);
    document(
        path(openApi, "/admin/systems/{system_id}/events").getGet(),
        "getSystemEvents",
        read,
        200,
        400,
        404);
    Operation audit = path(openApi, "/admin/audit").getGet();
    document(audit, "listAudit", read, 200, 400);
    limits(audit);
  }

  /** The scopes live in the scheme; each operation names the one it needs. */
  private void scheme(OpenAPI openApi) {
    var security = properties.security();
    Map<String, String> scopes = new LinkedHashMap<>();
    scopes.put(security.readScope(), "every GET under /admin");
    scopes.put(security.writeScope(), "POST, PATCH and DELETE under /admin");
    SecurityScheme bearer = openApi.getComponents().getSecuritySchemes().get("bearer");
    bearer.description(
        "An OAuth2 access token (JWT, RS256) issued by "
            + security.issuer()
            + " to one of the clients "
            + security.allowedClientIds()
            + "; each operation lists the scope it needs.");
    bearer.addExtension("x-scopes", scopes);
    openApi.setSecurity(null);
  }

  static void document(
      Operation operation, String id, String scope, int success, Integer... refusals) {
    operation.setOperationId(id);
    operation.setSecurity(List.of(new SecurityRequirement().addList("bearer", scope)));
    ApiResponses responses = operation.getResponses();
    ApiResponse ok = responses.values().iterator().next();
    responses.clear();
    responses.addApiResponse(Integer.toString(success), withRequestId(ok));
    List<Integer> statuses = new ArrayList<>(List.of(refusals));
    statuses.addAll(ALWAYS);
    statuses.stream().sorted().forEach(s -> responses.addApiResponse(s.toString(), problem(s)));
  }

  private static ApiResponse problem(int status) {
    var response =
        new ApiResponse()
            .description(REASONS.get(status))
            .content(
                new Content()
                    .addMediaType(
                        org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(Schemas.ref("Problem"))));
    withRequestId(response);
    if (status == 401 || status == 403) {
      response.addHeaderObject("WWW-Authenticate", header("Bearer challenge", true));
    }
    if (status == 503) {
      response.addHeaderObject("Retry-After", header("Seconds to wait before retrying", true));
    }
    return response;
  }

  private static ApiResponse withRequestId(ApiResponse response) {
    return response.addHeaderObject(
        "X-Request-Id", header("The request id, as recorded in the audit log", true));
  }

  private static void created(Operation post) {
    ApiResponse created = post.getResponses().get("201");
    created.description("Registered; provisioning starts on its own");
    created.addHeaderObject("Location", header("/admin/systems/{system_id}", true));
    created.addHeaderObject(
        "Idempotent-Replayed",
        header("true when this is the stored answer to an earlier request with the key", true));
    for (Parameter p : post.getParameters()) {
      if ("Idempotency-Key".equals(p.getName())) {
        p.getSchema().minLength(1).maxLength(255);
        p.description("Retries with the same key and body answer the first response");
      }
    }
  }

  private static void limits(Operation list) {
    for (Parameter p : list.getParameters()) {
      if ("limit".equals(p.getName())) {
        p.getSchema().minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(200));
      }
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void statusParameter(OpenAPI openApi, Operation list) {
    var status = Schemas.property(Schemas.component(openApi, "SystemView"), "status");
    for (Parameter p : list.getParameters()) {
      if ("status".equals(p.getName())) {
        p.getSchema().setEnum(new ArrayList<>(status.getEnum()));
      }
    }
  }

  static Header header(String description, boolean required) {
    return new Header()
        .description(description)
        .required(required)
        .schema(new JsonSchema().typesItem("string"));
  }

  private static PathItem path(OpenAPI openApi, String path) {
    PathItem item = openApi.getPaths().get(path);
    if (item == null) {
      throw new IllegalStateException("The OpenAPI document has no path " + path);
    }
    return item;
  }
}
