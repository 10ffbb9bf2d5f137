package io.aiplatform.api.registration;

import java.util.List;

/**
 * The AWS resource names a system gets under a prefix (SPEC section 4); the provisioner uses the
 * same rules.
 */
record ResourceNames(String prefix, String systemName) {

  String bucket(String tier) {
    return prefix + "-" + systemName + "-" + tier;
  }

  List<String> buckets() {
    return List.of(bucket("raw"), bucket("curated"), bucket("prod"));
  }

  String glueDatabase() {
    return (prefix + "_" + systemName + "_db").replace('-', '_');
  }

  String glueCrawler() {
    return prefix + "-" + systemName + "-crawler";
  }

  String eventBridgeRule() {
    return prefix + "-" + systemName + "-raw-to-curated";
  }

  String dmsTask() {
    return prefix + "-" + systemName + "-replication";
  }

  /** Every name, longest last. */
  List<String> all() {
    return List.of(
        bucket("raw"),
        bucket("curated"),
        bucket("prod"),
        glueDatabase(),
        glueCrawler(),
        dmsTask(),
        eventBridgeRule());
  }
}
