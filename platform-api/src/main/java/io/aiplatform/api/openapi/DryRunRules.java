package io.aiplatform.api.openapi;

import static io.aiplatform.api.openapi.Schemas.closed;
import static io.aiplatform.api.openapi.Schemas.component;
import static io.aiplatform.api.openapi.Schemas.property;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The dry run in the document: {@code POST /admin/systems?dry_run=true} answers 200 with the plan
 * and checks where a registration answers 201, and a registration the checks refuse is a 409 {@code
 * precondition-failed} problem carrying the failed {@code checks}. springdoc merges the two
 * handlers of the one path into a oneOf; each status gets its own schema here.
 */
final class DryRunRules {

  private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

  private DryRunRules() {}

  static void apply(OpenAPI openApi) {
    schemas(openApi);
    Operation post = openApi.getPaths().get("/admin/systems").getPost();
    var responses = post.getResponses();
    responses.get("201").content(json("RegistrationResponse"));
    ApiResponse plan =
        new ApiResponse()
            .description(
                "dry_run=true: the plan and the pre-checks of the registration; nothing was"
                    + " stored or queued")
            .content(json("Assessment"));
    plan.addHeaderObject(
        "X-Request-Id",
        OperationRules.header("The request id, as recorded in the audit log", true));
    responses.addApiResponse("200", plan);
    responses
        .get("409")
        .description(
            "A taken name (`duplicate-name`), a route another system owns (`route-taken`), or"
                + " pre-checks against AWS that failed (`precondition-failed`, with the failed"
                + " `checks`)");
    responses
        .get("503")
        .description(
            "No database connection in time, or AWS did not answer the pre-checks; retry after"
                + " Retry-After seconds");
    for (Parameter p : post.getParameters()) {
      if ("dry_run".equals(p.getName())) {
        p.description(
            "true: answer 200 with the plan and pre-checks, store and queue nothing (an"
                + " Idempotency-Key is ignored); false or absent: register");
      }
    }
    var sorted = new io.swagger.v3.oas.models.responses.ApiResponses();
    responses.keySet().stream().sorted().forEach(k -> sorted.addApiResponse(k, responses.get(k)));
    post.setResponses(sorted);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void schemas(OpenAPI openApi) {
    Schema assessment = component(openApi, "Assessment");
    closed(assessment, "would_succeed", "plan", "checks");
    assessment.description("What a registration would do, and whether it can succeed");
    Schema planned = component(openApi, "PlannedResource");
    closed(planned, "kind", "name", "action", "settings");
    property(planned, "action").setEnum(new ArrayList<>(List.of("create", "adopt", "conflict")));
    property(planned, "kind").description("As the record's resources name it, e.g. s3_bucket");
    planned
        .getProperties()
        .put(
            "settings",
            new JsonSchema()
                .typesItem("object")
                .additionalProperties(true)
                .description("What the registration decides about the resource"));
    Schema check = component(openApi, "Check");
    closed(check, "check", "resource", "passed", "detail");
    property(check, "check").description("e.g. bucket-name-free, bucket-quota");
    Schema problem = component(openApi, "Problem");
    problem.addProperty(
        "checks",
        new JsonSchema()
            .typesItem("array")
            .items(Schemas.ref("Check"))
            .description("precondition-failed from a registration: each failed check"));
  }

  private static Content json(String component) {
    return new Content().addMediaType(JSON, new MediaType().schema(Schemas.ref(component)));
  }
}
