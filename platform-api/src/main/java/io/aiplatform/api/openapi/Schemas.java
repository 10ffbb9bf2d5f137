package io.aiplatform.api.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small helpers over the springdoc model; each fails loudly when the model lacks a name. */
final class Schemas {

  private Schemas() {}

  @SuppressWarnings("rawtypes")
  static Schema component(OpenAPI openApi, String name) {
    Schema schema = openApi.getComponents().getSchemas().get(name);
    if (schema == null) {
      throw new IllegalStateException(
          "The OpenAPI document has no schema " + name + "; update io.aiplatform.api.openapi");
    }
    return schema;
  }

  @SuppressWarnings("rawtypes")
  static Schema property(Schema owner, String name) {
    Map<String, Schema> properties = owner.getProperties();
    Schema property = properties == null ? null : properties.get(name);
    if (property == null) {
      throw new IllegalStateException(
          "Schema " + owner.getName() + " has no property " + name + " in the OpenAPI document");
    }
    return property;
  }

  /** A closed object: these fields always present, no others. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  static void closed(Schema schema, String... required) {
    schema.setAdditionalProperties(false);
    schema.setRequired(required.length == 0 ? null : List.of(required));
  }

  /** The property may be {@code null}. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  static void nullable(Schema owner, String... names) {
    for (String name : names) {
      Schema property = property(owner, name);
      if (property.get$ref() != null) {
        Schema ref = new JsonSchema().$ref(property.get$ref());
        owner
            .getProperties()
            .put(name, new JsonSchema().anyOf(List.of(ref, new JsonSchema().typesItem("null"))));
        continue;
      }
      Set<String> types = new LinkedHashSet<>();
      if (property.getTypes() != null) {
        types.addAll(property.getTypes());
      } else if (property.getType() != null) {
        types.add(property.getType());
      }
      types.add("null");
      property.setTypes(types);
      if (property.getEnum() != null && !property.getEnum().contains(null)) {
        property.getEnum().add(null);
      }
    }
  }

  static JsonSchema string() {
    return (JsonSchema) new JsonSchema().typesItem("string");
  }

  static JsonSchema ref(String component) {
    return (JsonSchema) new JsonSchema().$ref("#/components/schemas/" + component);
  }
}
