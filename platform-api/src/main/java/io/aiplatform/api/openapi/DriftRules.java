package io.aiplatform.api.openapi;

import static io.aiplatform.api.openapi.Schemas.closed;
import static io.aiplatform.api.openapi.Schemas.component;
import static io.aiplatform.api.openapi.Schemas.nullable;
import static io.aiplatform.api.openapi.Schemas.property;

import io.aiplatform.contracts.ResourceResult;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Drift and reconciliation in the document: the record's {@code drift} and {@code
 * reconcile_policy}, the {@code drifted} filter, and {@code POST .../reconcile}. Runs after {@link
 * SchemaRules} and {@link OperationRules}, before {@link ChangeRules} copies the registration's
 * fields into the change's schema.
 */
final class DriftRules {

  private static final List<Object> POLICIES = new ArrayList<>(List.of("report", "repair"));

  private DriftRules() {}

  @SuppressWarnings({"rawtypes", "unchecked"})
  static void apply(OpenAPI openApi, String writeScope) {
    Schema request = component(openApi, "RegistrationRequest");
    property(request, "reconcile_policy")
        .description("report or repair; null: the platform's PLATFORM_API_RECONCILE_POLICY")
        .setEnum(new ArrayList<>(POLICIES));
    nullable(request, "reconcile_policy");

    Schema system = component(openApi, "SystemView");
    List<String> required = new ArrayList<>(system.getRequired());
    required.addAll(List.of("reconcile_policy", "drift"));
    system.setRequired(required);
    property(system, "reconcile_policy")
        .description("The system's own policy; null: the platform's")
        .setEnum(new ArrayList<>(POLICIES));
    nullable(system, "reconcile_policy");

    Schema drift = component(openApi, "DriftView");
    closed(drift, "status", "checked_at", "resources");
    property(drift, "status").setEnum(new ArrayList<>(List.of("in_sync", "drifted", "unknown")));
    nullable(drift, "checked_at");
    Schema resource = component(openApi, "DriftResource");
    closed(resource, "kind", "name", "status", "differences", "repaired");
    property(resource, "kind")
        .setEnum(
            new ArrayList<>(
                Arrays.stream(ResourceResult.ResourceKind.values())
                    .map(k -> (Object) k.name().toLowerCase(Locale.ROOT))
                    .toList()));
    property(resource, "status").setEnum(new ArrayList<>(List.of("in_sync", "drifted", "missing")));
    Schema difference = component(openApi, "DriftDifference");
    closed(difference, "field", "desired", "actual");
    nullable(difference, "desired", "actual");

    Operation list = openApi.getPaths().get("/admin/systems").getGet();
    for (Parameter p : list.getParameters()) {
      if ("drifted".equals(p.getName())) {
        p.getSchema().setEnum(new ArrayList<>(List.of("true", "false")));
        p.description("true: only systems whose drift status is drifted; false: the others");
      }
    }
    Operation reconcile = openApi.getPaths().get("/admin/systems/{system_id}/reconcile").getPost();
    OperationRules.document(reconcile, "reconcileSystem", writeScope, 202, 400, 404, 409);
    reconcile.description(
        "Sends one verify of an active system: drift is recorded, and repaired when repair=true or"
            + " the policy in effect is repair. The life-cycle state does not change.");
  }
}
