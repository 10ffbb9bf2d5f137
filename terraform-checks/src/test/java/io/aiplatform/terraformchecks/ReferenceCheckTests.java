package io.aiplatform.terraformchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceCheckTests {

  private final ReferenceCheck check = new ReferenceCheck();

  @Test
  void everyReferenceInTheTreeResolves() {
    assertThat(check.violations(Trees.terraform())).isEmpty();
  }

  @Test
  void forEachCountDynamicBlocksDataSourcesAndModuleOutputsResolve() {
    assertThat(check.violations(Trees.fixture("resolved-references/root"))).isEmpty();
  }

  @Test
  void everyKindOfDanglingReferenceIsReported() {
    List<String> violations = check.violations(Trees.fixture("unresolved-references/root"));

    assertThat(violations.stream().map(v -> v.substring(v.indexOf(": unresolved ") + 13)))
        .containsExactlyInAnyOrder(
            "var.missing_variable",
            "argument tagz: the module declares no such variable",
            "argument unknown: the module declares no such variable",
            "required variable name is not passed",
            "local.missing_local",
            "data.aws_kms_key.missing",
            "each.key outside a for_each block",
            "count.index outside a count block",
            "aws_s3_bucket.missing",
            "ingress.value outside its dynamic block",
            "module.queue.queue_url",
            "module.ghost.id");
  }
}
