package io.aiplatform.api.openapi;

import static io.aiplatform.api.openapi.Schemas.closed;
import static io.aiplatform.api.openapi.Schemas.component;
import static io.aiplatform.api.openapi.Schemas.property;

import io.aiplatform.api.ApiProperties;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Day-2 changes in the document: {@code PATCH} with its merge-patch body and {@code If-Match}, the
 * {@code ETag} of every response that carries one record, and the diff a timeline entry shows.
 */
final class ChangeRules {

  static final String MERGE_PATCH = "application/merge-patch+json";

  private final ApiProperties properties;

  ChangeRules(ApiProperties properties) {
    this.properties = properties;
  }

  void apply(OpenAPI openApi) {
    changeSchema(openApi);
    diffSchema(openApi);
    PathItem system = openApi.getPaths().get("/admin/systems/{system_id}");
    Operation patch = system.getPatch();
    OperationRules.document(
        patch,
        "changeSystem",
        properties.security().writeScope(),
        202,
        400,
        404,
        409,
        412,
        413,
        415,
        428);
    patch.getResponses().get("202").description("The change is accepted; the system is updating");
    patch.requestBody(
        new RequestBody()
            .required(true)
            .description(
                "A JSON merge patch (RFC 7396) of the record: members replace the record's, null"
                    + " removes one, lambda_config merges member by member, lists are replaced"
                    + " whole. system_name cannot change. The merged result is checked as a"
                    + " registration is.")
            .content(
                new Content()
                    .addMediaType(
                        MERGE_PATCH, new MediaType().schema(Schemas.ref("SystemChange")))));
    for (Parameter p : patch.getParameters()) {
      if ("If-Match".equals(p.getName())) {
        p.required(true)
            .description(
                "The ETag of the record the change was made from (or *); without it 428, when the"
                    + " record has changed since 412");
      }
    }
    etag(system.getGet(), "200");
    etag(patch, "202");
    etag(system.getDelete(), "202");
    etag(openApi.getPaths().get("/admin/systems/{system_id}/retry").getPost(), "202");
    etag(openApi.getPaths().get("/admin/systems/{system_id}/reconcile").getPost(), "202");
  }

  /** The body of a PATCH: the registration's fields, none required, each nullable. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void changeSchema(OpenAPI openApi) {
    Schema request = component(openApi, "RegistrationRequest");
    Schema change = new JsonSchema().typesItem("object");
    Map<String, Schema> members = new LinkedHashMap<>(request.getProperties());
    members.put(
        "system_name",
        Schemas.string().description("Cannot change: when given, the system's own name"));
    change.setProperties(members);
    change.description(
        "A merge patch of description, data_sources, endpoints, lambda_config and"
            + " reconcile_policy");
    closed(change);
    openApi.getComponents().addSchemas("SystemChange", change);
    openApi.getComponents().getSchemas().remove("JsonNode");
  }

  /** A timeline entry of a requested change lists each changed field, before and after. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void diffSchema(OpenAPI openApi) {
    Schema change = component(openApi, "Change");
    closed(change, "field", "before", "after");
    property(change, "field").description("e.g. endpoints, lambda_config.memory");
    change.getProperties().put("before", new JsonSchema().description("null: it had none"));
    change.getProperties().put("after", new JsonSchema().description("null: removed"));
  }

  private static void etag(Operation operation, String status) {
    var response = operation.getResponses().get(status);
    if ("202".equals(status) && "OK".equals(response.getDescription())) {
      response.description("Accepted"); // springdoc names a ResponseEntity's answer after 200
    }
    response.addHeaderObject(
        "ETag", OperationRules.header("The record's version; a change names it in If-Match", true));
  }
}
