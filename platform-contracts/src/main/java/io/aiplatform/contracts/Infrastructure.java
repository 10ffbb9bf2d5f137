package io.aiplatform.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A system's resources in the registry's shape (seed 000, "infrastructure"). Absent resources are
 * {@code null}.
 *
 * @param s3Buckets the data buckets
 * @param glueDatabase the Glue database name
 * @param glueCrawler the Glue crawler name
 * @param dmsTask the DMS replication task identifier
 * @param eventbridgeRules the EventBridge rule names
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Infrastructure(
    Buckets s3Buckets,
    String glueDatabase,
    String glueCrawler,
    String dmsTask,
    List<String> eventbridgeRules) {

  public Infrastructure {
    eventbridgeRules = eventbridgeRules == null ? List.of() : List.copyOf(eventbridgeRules);
  }

  /**
   * The three data buckets of a system.
   *
   * @param raw data as it arrives from the sources
   * @param curated validated and cleaned data
   * @param prod production-ready data
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Buckets(String raw, String curated, String prod) {}
}
