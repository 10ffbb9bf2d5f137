package io.aiplatform.terraformchecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every variable declares a type and a description. */
final class VariableCheck implements Check {

  @Override
  public List<String> violations(TerraformModule module) {
    List<String> violations = new ArrayList<>();
    module
        .section("variable")
        .forEach(
            (name, body) -> {
              Map<String, Object> variable = Hcl.map(body);
              if (!variable.containsKey("type")) {
                violations.add(module.dir() + ": variable " + name + " has no type");
              }
              if (!(variable.get("description") instanceof String d) || d.isBlank()) {
                violations.add(module.dir() + ": variable " + name + " has no description");
              }
            });
    return violations;
  }
}
