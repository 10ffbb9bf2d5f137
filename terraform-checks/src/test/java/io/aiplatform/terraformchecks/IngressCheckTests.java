package io.aiplatform.terraformchecks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IngressCheckTests {

  private final IngressCheck check = new IngressCheck();

  @Test
  void noSecurityGroupInTheTreeAcceptsTrafficFromAnywhere() {
    assertThat(check.violations(Trees.terraform())).isEmpty();
  }

  @Test
  void inlineLegacyAndStandaloneRulesOpenToTheWorldAreReported() {
    assertThat(check.violations(Trees.fixture("open-ingress")))
        .hasSize(3)
        .anyMatch(v -> v.contains("aws_security_group.inline allows ingress from anywhere"))
        .anyMatch(v -> v.contains("aws_security_group_rule.legacy allows ingress from anywhere"))
        .anyMatch(
            v -> v.contains("aws_vpc_security_group_ingress_rule.modern allows ingress from"));
  }
}
