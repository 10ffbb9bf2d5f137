package io.aiplatform.api.openapi;

import static io.aiplatform.api.openapi.Schemas.closed;
import static io.aiplatform.api.openapi.Schemas.component;
import static io.aiplatform.api.openapi.Schemas.nullable;
import static io.aiplatform.api.openapi.Schemas.property;

import io.aiplatform.api.ApiProperties;
import io.aiplatform.api.web.ProblemTypes;
import io.aiplatform.contracts.ResourceNames;
import io.aiplatform.contracts.ResourceResult;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Required fields, nullability and the limits {@code RegistrationRules} enforces, written into the
 * generated schemas; plus the problem body every refusal carries.
 */
final class SchemaRules {

  /** The longest resource name AWS allows for every kind a system gets. */
  private static final int MAX_RESOURCE_NAME = 63;

  private static final List<String> METHODS =
      List.of("ANY", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

  private final ApiProperties properties;

  SchemaRules(ApiProperties properties) {
    this.properties = properties;
  }

  /**
   * The longest {@code system_name} the configured prefix leaves room for: the one whose longest
   * resource name (today {@code P-S-raw-to-curated}) is exactly {@value #MAX_RESOURCE_NAME} long.
   */
  static int maxNameLength(String prefix) {
    int longest =
        ResourceNames.of(prefix, "s").all().stream().mapToInt(String::length).max().orElseThrow();
    return MAX_RESOURCE_NAME - (longest - 1);
  }

  void apply(OpenAPI openApi) {
    request(openApi);
    records(openApi);
    audit(openApi);
    problems(openApi);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private void request(OpenAPI openApi) {
    Schema request = component(openApi, "RegistrationRequest");
    closed(request, "system_name");
    int max = maxNameLength(properties.resourcePrefix());
    property(request, "system_name")
        .pattern("^[a-z0-9]+(-[a-z0-9]+)*$")
        .minLength(1)
        .maxLength(max)
        .not(new JsonSchema().pattern("^(xn--|sthree-|amzn-s3-demo-)"))
        .description(
            "Lowercase letters, digits and single hyphens, starting and ending with a letter or"
                + " digit; maxLength keeps the longest resource name it yields"
                + " (P-S-raw-to-curated under the resource prefix P) within 63 characters.");
    property(request, "description").maxLength(1024);
    property(request, "data_sources").maxItems(100).uniqueItems(true);
    property(request, "data_sources").getItems().pattern("^[A-Za-z_][A-Za-z0-9_$]{0,127}$");
    property(request, "endpoints").maxItems(100);
    nullable(request, "description", "data_sources", "endpoints", "lambda_config");

    Schema endpoint = component(openApi, "EndpointBody");
    closed(endpoint, "path", "method");
    property(endpoint, "path").pattern("^/[A-Za-z0-9._~!$&'()*+,;=:@%{}/-]{0,254}$");
    property(endpoint, "method").setEnum(new ArrayList<>(METHODS));

    Schema lambda = component(openApi, "LambdaConfigBody");
    closed(lambda);
    property(lambda, "memory").minimum(big(128)).maximum(big(10240)).description("MiB");
    property(lambda, "timeout").minimum(big(1)).maximum(big(900)).description("seconds");
    property(lambda, "runtime").setEnum(new ArrayList<>(properties.lambdaRuntimes()));
    nullable(lambda, "memory", "timeout", "runtime");
  }

  @SuppressWarnings("rawtypes")
  private static void records(OpenAPI openApi) {
    closed(
        component(openApi, "RegistrationResponse"),
        "message",
        "system_id",
        "system_name",
        "status",
        "note");
    Schema system = component(openApi, "SystemView");
    closed(
        system,
        "system_id",
        "system_name",
        "description",
        "data_sources",
        "endpoints",
        "lambda_config",
        "status",
        "generation",
        "created_at",
        "updated_at",
        "infrastructure",
        "resources");
    nullable(system, "description", "lambda_config");
    property(system, "error_message").description("Why the last job failed; only when failed");
    Schema infrastructure = component(openApi, "InfrastructureView");
    closed(
        infrastructure,
        "s3_buckets",
        "glue_database",
        "glue_crawler",
        "dms_task",
        "eventbridge_rules",
        "lambda_function",
        "api_routes",
        "dashboard");
    nullable(
        infrastructure,
        "glue_database",
        "glue_crawler",
        "dms_task",
        "lambda_function",
        "dashboard");
    Schema buckets = component(openApi, "Buckets");
    closed(buckets, "raw", "curated", "prod");
    nullable(buckets, "raw", "curated", "prod");
    Schema resource = component(openApi, "ResourceView");
    closed(resource, "kind", "name", "action", "status");
    property(resource, "kind").setEnum(lower(ResourceResult.ResourceKind.values()));
    property(resource, "action").setEnum(lower(ResourceResult.Action.values()));
    property(resource, "status").setEnum(lower(ResourceResult.Status.values()));
    Schema page = component(openApi, "SystemPage");
    closed(page, "items", "next_cursor");
    nullable(page, "next_cursor");
    closed(component(openApi, "Events"), "system_id", "events");
    closed(component(openApi, "TimelineEntry"), "generation", "step", "status", "at");
  }

  @SuppressWarnings("rawtypes")
  private static void audit(OpenAPI openApi) {
    Schema entry = component(openApi, "AuditEntry");
    closed(
        entry,
        "id",
        "at",
        "subject",
        "client_id",
        "method",
        "path",
        "system_id",
        "status",
        "request_id",
        "source_address");
    nullable(entry, "subject", "client_id", "system_id", "source_address");
    Schema page = component(openApi, "AuditPage");
    closed(page, "items", "next_cursor");
    nullable(page, "next_cursor");
  }

  /** RFC 9457 problem details, with {@code errors} naming each bad field of a 400. */
  private static void problems(OpenAPI openApi) {
    var violation = new JsonSchema().typesItem("object");
    violation.addProperty(
        "field", Schemas.string().description("JSON path, e.g. endpoints[0].method"));
    violation.addProperty("message", Schemas.string());
    closed(violation, "field", "message");
    var problem = new JsonSchema().typesItem("object");
    problem.addProperty(
        "type", Schemas.string().format("uri")._enum(new ArrayList<>(problemTypes())));
    problem.addProperty("title", Schemas.string());
    problem.addProperty("status", new JsonSchema().typesItem("integer").format("int32"));
    problem.addProperty("detail", Schemas.string());
    problem.addProperty("instance", Schemas.string().format("uri-reference"));
    problem.addProperty(
        "errors", new JsonSchema().typesItem("array").items(Schemas.ref("FieldViolation")));
    closed(problem, "type", "title", "status", "detail");
    problem.description("RFC 9457 problem details; `type` is stable, `errors` only on validation");
    openApi.getComponents().addSchemas("FieldViolation", violation);
    openApi.getComponents().addSchemas("Problem", problem);
  }

  /** Every stable problem type: the public constants of {@link ProblemTypes}. */
  static List<String> problemTypes() {
    return Arrays.stream(ProblemTypes.class.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .map(SchemaRules::value)
        .sorted()
        .toList();
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Object> lower(Enum<?>[] values) {
    return new ArrayList<>(
        Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList());
  }

  private static java.math.BigDecimal big(int value) {
    return java.math.BigDecimal.valueOf(value);
  }
}
