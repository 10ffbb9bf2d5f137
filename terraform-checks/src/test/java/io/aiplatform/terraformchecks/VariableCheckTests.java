package io.aiplatform.terraformchecks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VariableCheckTests {

  private final VariableCheck check = new VariableCheck();

  @Test
  void everyVariableInTheTreeHasATypeAndADescription() {
    assertThat(check.violations(Trees.terraform())).isEmpty();
  }

  @Test
  void variablesWithoutTypeOrDescriptionAreReported() {
    assertThat(check.violations(Trees.fixture("undocumented-variables")))
        .containsExactlyInAnyOrder(
            Trees.fixtureDir("undocumented-variables") + ": variable untyped has no type",
            Trees.fixtureDir("undocumented-variables")
                + ": variable undescribed has no description");
  }
}
