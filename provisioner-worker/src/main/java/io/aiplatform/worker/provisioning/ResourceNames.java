package io.aiplatform.worker.provisioning;

/**
 * The names of one system's resources under the platform's prefix (seed 000's naming).
 *
 * @param raw the raw data bucket
 * @param curated the curated data bucket
 * @param prod the production data bucket
 * @param glueDatabase the Glue database; Glue wants underscores, not hyphens
 * @param crawler the Glue crawler
 * @param rule the EventBridge rule
 * @param dmsEndpoint the per-system DMS S3 target endpoint
 * @param dmsTask the DMS replication task
 */
record ResourceNames(
    String raw,
    String curated,
    String prod,
    String glueDatabase,
    String crawler,
    String rule,
    String dmsEndpoint,
    String dmsTask) {

  static ResourceNames of(String prefix, String systemName) {
    String base = prefix + "-" + systemName;
    return new ResourceNames(
        base + "-raw",
        base + "-curated",
        base + "-prod",
        base.replace('-', '_') + "_db",
        base + "-crawler",
        base + "-raw-to-curated",
        base + "-raw-target",
        base + "-replication");
  }
}
