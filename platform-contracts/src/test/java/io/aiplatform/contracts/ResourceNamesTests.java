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
  }

  @Test
  void allListsEveryNameIncludingTheDmsOnes() {
    assertThat(names.all())
        .hasSize(8)
        .contains(names.dmsEndpoint(), names.dmsTask())
        .containsAll(names.buckets());
  }
}
