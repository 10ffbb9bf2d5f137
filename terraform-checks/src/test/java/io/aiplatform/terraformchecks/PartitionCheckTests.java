package io.aiplatform.terraformchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionCheckTests {

  private final PartitionCheck check = new PartitionCheck();

  @Test
  void noModuleHardCodesTheAwsPartition() {
    List<TerraformModule> modules =
        Trees.terraform().stream().filter(m -> m.dir().toString().contains("/modules/")).toList();
    assertThat(modules).hasSizeGreaterThanOrEqualTo(10);
    assertThat(check.violations(modules)).isEmpty();
  }

  @Test
  void aLiteralAwsPartitionArnIsReported() {
    assertThat(check.violations(Trees.fixture("hard-coded-partition")))
        .singleElement()
        .asString()
        .contains("main.tf:3: ARN hard-codes the aws partition");
  }
}
