package io.aiplatform.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceNamesTests {

  private final ResourceNames names = ResourceNames.of("platform", "inventory-optimizer");

  @Test
  void everyResourceIsNamedAfterPrefixAndSystem() {
    assertThat(names.buckets())
        .containsExactly(
            "platform-inventory-optimizer-raw",
            "platform-inventory-optimizer-curated",
            "platform-inventory-optimizer-prod");
    assertThat(names.glueDatabase()).isEqualTo("platform_inventory_optimizer_db");
    assertThat(names.crawler()).isEqualTo("platform-inventory-optimizer-crawler");
    assertThat(names.rule()).isEqualTo("platform-inventory-optimizer-raw-to-curated");
    assertThat(names.dmsEndpoint()).isEqualTo("platform-inventory-optimizer-raw-target");
    assertThat(names.dmsTask()).isEqualTo("platform-inventory-optimizer-replication");
    assertThat(names.function()).isEqualTo("platform-inventory-optimizer-handler");
    assertThat(names.logGroup()).isEqualTo("/aws/lambda/platform-inventory-optimizer-handler");
    assertThat(names.dashboard()).isEqualTo("platform-inventory-optimizer");
    assertThat(names.errorsAlarm()).isEqualTo("platform-inventory-optimizer-handler-errors");
    assertThat(names.serverErrorsAlarm()).isEqualTo("platform-inventory-optimizer-5xx");
  }

  @Test
  void theRuntimeNamesAreNoLongerThanTheLongestDataLakeNameSoTheLengthRuleStaysAsItWas() {
    ResourceNames longest = ResourceNames.of("p", "x".repeat(46));
    int rule = longest.rule().length();

    assertThat(rule).isEqualTo(63);
    assertThat(longest.all()).allSatisfy(name -> assertThat(name.length()).isLessThanOrEqualTo(63));
    assertThat(longest.all()).doesNotContain(longest.logGroup());
  }

  @Test
  void allListsEveryNameIncludingTheDmsOnes() {
    assertThat(names.all())
        .hasSize(12)
        .contains(names.dmsEndpoint(), names.dmsTask())
        .contains(names.function(), names.dashboard(), names.errorsAlarm())
        .containsAll(names.buckets());
  }
}
