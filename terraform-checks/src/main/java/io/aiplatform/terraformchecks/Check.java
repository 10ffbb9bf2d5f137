package io.aiplatform.terraformchecks;

import java.util.List;

/** One rule the Terraform tree must follow; answers what breaks it, empty when nothing does. */
@FunctionalInterface
interface Check {

  /** The violations in one module, each naming where it is and what is wrong. */
  List<String> violations(TerraformModule module);

  /** The violations in every module. */
  default List<String> violations(List<TerraformModule> modules) {
    return modules.stream().flatMap(m -> violations(m).stream()).toList();
  }
}
