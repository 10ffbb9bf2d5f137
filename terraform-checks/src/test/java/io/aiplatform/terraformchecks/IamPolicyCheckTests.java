package io.aiplatform.terraformchecks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IamPolicyCheckTests {

  private final IamPolicyCheck check = new IamPolicyCheck();

  @Test
  void noPolicyInTheTreeAllowsEveryActionOrWritesEverywhere() {
    assertThat(check.violations(Trees.terraform())).isEmpty();
  }

  @Test
  void statementAllowingEveryActionIsReported() {
    assertThat(check.violations(Trees.fixture("iam-star-action")))
        .singleElement()
        .asString()
        .contains("data.aws_iam_policy_document.task allows every action");
  }

  @Test
  void writeActionOnEveryResourceIsReportedButReadsAreNot() {
    assertThat(check.violations(Trees.fixture("iam-write-on-any-resource")))
        .singleElement()
        .asString()
        .contains("grants write actions [s3:PutObject] on resource \"*\"");
  }

  @Test
  void dynamicallyBuiltStatementsAreRefusedBecauseTheyCannotBeChecked() {
    assertThat(check.violations(Trees.fixture("iam-dynamic-statement")))
        .singleElement()
        .asString()
        .contains("data.aws_iam_policy_document.task builds statements dynamically");
  }

  @Test
  void inlineJsonPolicyIsRefusedBecauseItCannotBeChecked() {
    assertThat(check.violations(Trees.fixture("iam-inline-json-policy")))
        .singleElement()
        .asString()
        .contains(
            "aws_iam_role_policy.task must take its policy from a data.aws_iam_policy_document");
  }
}
