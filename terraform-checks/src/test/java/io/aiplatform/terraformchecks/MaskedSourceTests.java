package io.aiplatform.terraformchecks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskedSourceTests {

  @Test
  void commentsAndLiteralTextAreBlankedButInterpolationsStay() {
    String source =
        """
        # var.commented
        name = "var.literal-${var.prefix}-${lookup(local.m, "k")}" // aws_s3_bucket.c
        /* module.block_comment */ x = 1
        """;

    String masked = MaskedSource.mask(source);

    assertThat(masked).hasSameSizeAs(source);
    assertThat(masked)
        .doesNotContain("var.commented", "var.literal", "aws_s3_bucket.c", "module.block_comment")
        .contains("${var.prefix}", "lookup(local.m,", "x = 1");
  }

  @Test
  void heredocTextIsBlankedUntilItsMarker() {
    String source = "a = <<-EOT\n  local.inside ${var.kept}\n  EOT\nb = local.after\n";

    String masked = MaskedSource.mask(source);

    assertThat(masked).doesNotContain("local.inside").contains("${var.kept}", "local.after");
  }
}
