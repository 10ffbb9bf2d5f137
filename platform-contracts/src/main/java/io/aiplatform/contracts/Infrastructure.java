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
 * @param lambdaFunction the system's Lambda function ({@code lambda_function} in the API's JSON)
 * @param apiRoutes the system's routes on the platform HTTP API, each {@code METHOD path} ({@code
 *     api_routes}); empty when it has none
 * @param dashboard the system's CloudWatch dashboard
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Infrastructure(
    Buckets s3Buckets,
    String glueDatabase,
    String glueCrawler,
    String dmsTask,
    List<String> eventbridgeRules,
    String lambdaFunction,
    List<String> apiRoutes,
    String dashboard) {

  public Infrastructure {
    eventbridgeRules = eventbridgeRules == null ? List.of() : List.copyOf(eventbridgeRules);
    apiRoutes = apiRoutes == null ? List.of() : List.copyOf(apiRoutes);
  }

  /** The data-lake resources alone, as schema version 1 knew them before the system's runtime. */
  public Infrastructure(
      Buckets s3Buckets,
      String glueDatabase,
      String glueCrawler,
      String dmsTask,
      List<String> eventbridgeRules) {
    this(s3Buckets, glueDatabase, glueCrawler, dmsTask, eventbridgeRules, null, List.of(), null);
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
