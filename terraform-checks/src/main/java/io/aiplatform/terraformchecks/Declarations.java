package io.aiplatform.terraformchecks;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one module declares, by the names other blocks use to refer to it: {@code var.x}, {@code
 * local.x}, {@code aws_s3_bucket.x}, {@code data.aws_region.x}, {@code module.x}, outputs.
 */
record Declarations(
    Set<String> variables,
    Set<String> requiredVariables,
    Set<String> locals,
    Set<String> resources,
    Set<String> dataSources,
    Set<String> modules,
    Set<String> outputs) {

  static Declarations of(TerraformModule module) {
    Declarations d =
        new Declarations(
            new HashSet<>(),
            new HashSet<>(),
            new HashSet<>(),
            new HashSet<>(),
            new HashSet<>(),
            new HashSet<>(),
            new HashSet<>());
    for (SourceBlock block : module.blocks()) {
      List<String> labels = block.labels();
      switch (block.kind()) {
        case "variable" -> {
          d.variables.add(labels.get(0));
          if (!block.hasOwnAttribute("default")) {
            d.requiredVariables.add(labels.get(0));
          }
        }
        case "locals" -> d.locals.addAll(block.ownAttributes());
        case "resource" -> d.resources.add(labels.get(0) + "." + labels.get(1));
        case "data" -> d.dataSources.add(labels.get(0) + "." + labels.get(1));
        case "module" -> d.modules.add(labels.get(0));
        case "output" -> d.outputs.add(labels.get(0));
        default -> {}
      }
    }
    return d;
  }
}
