package io.aiplatform.worker.resources;

import io.aiplatform.contracts.ResourceResult.ResourceKind;
import io.aiplatform.worker.provisioning.OwnerTags;
import io.aiplatform.worker.provisioning.RunContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.Filter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of a system's dashboard: who owns it, then the function's invocations, errors, duration
 * and throttles, the 4xx and 5xx answers of each route, the crawler's last runs (from its log
 * group), and DMS latency when the system replicates.
 */
final class DashboardBody {

  /**
   * What of a system's configuration decides the dashboard.
   *
   * @param routes the system's route keys
   * @param replicates whether it has a DMS task
   */
  record Layout(List<String> routes, boolean replicates) {}

  /**
   * Where the dashboard's metrics come from.
   *
   * @param region the region of every metric
   * @param function the system's function
   * @param crawler the system's crawler
   * @param apiId the platform HTTP API
   * @param stage the API's stage
   * @param dmsTask the system's DMS task, when it replicates
   * @param replicationInstanceArn the platform's DMS replication instance
   */
  record Sources(
      String region,
      String function,
      String crawler,
      String apiId,
      String stage,
      String dmsTask,
      String replicationInstanceArn) {}

  private final Layout layout;
  private final Sources sources;
  private final DatabaseMigrationClient dms;
  private final JsonMapper json;

  DashboardBody(Layout layout, Sources sources, DatabaseMigrationClient dms, JsonMapper json) {
    this.layout = layout;
    this.sources = sources;
    this.dms = dms;
    this.json = json;
  }

  Layout layout() {
    return layout;
  }

  /** The body owned as these tags say; {@code context} may know the DMS task's ARN. */
  String render(Map<String, String> tags, RunContext context) {
    List<Object> widgets = new ArrayList<>();
    widgets.add(widget("text", 0, 24, 2, Map.of("markdown", ownership(tags))));
    widgets.add(
        metrics(
            2,
            "Function " + sources.function(),
            List.of(
                lambda("Invocations", "Sum"),
                lambda("Errors", "Sum"),
                lambda("Throttles", "Sum"),
                lambda("Duration", "Average"))));
    if (!layout.routes().isEmpty()) {
      List<Object> answers = new ArrayList<>();
      for (String route : layout.routes()) {
        answers.add(route("4xx", route));
        answers.add(route("5xx", route));
      }
      widgets.add(metrics(8, "4xx and 5xx per route", answers));
    }
    String query =
        ("SOURCE '/aws-glue/crawlers' | fields @timestamp, @message | filter @logStream = '%s'"
                + " | sort @timestamp desc | limit 20")
            .formatted(sources.crawler());
    widgets.add(
        widget(
            "log",
            14,
            24,
            6,
            Map.of(
                "query",
                query,
                "region",
                sources.region(),
                "title",
                "Crawler " + sources.crawler() + ": last runs",
                "view",
                "table")));
    if (layout.replicates()) {
      widgets.add(metrics(20, "Replication latency", replication(context)));
    }
    return json.writeValueAsString(Map.of("widgets", widgets));
  }

  private static String ownership(Map<String, String> tags) {
    StringBuilder marker = new StringBuilder();
    for (String key :
        List.of(
            OwnerTags.SYSTEM_ID,
            OwnerTags.SYSTEM_NAME,
            OwnerTags.MANAGED_BY,
            OwnerTags.CREATED_BY_JOB)) {
      if (tags.containsKey(key)) {
        marker.append(marker.isEmpty() ? "" : " ").append(key).append('=').append(tags.get(key));
      }
    }
    return "## System %s\nManaged by provisioner-worker; edits are overwritten. `%s`"
        .formatted(tags.getOrDefault(OwnerTags.SYSTEM_NAME, "?"), marker);
  }

  private List<Object> lambda(String metric, String stat) {
    return List.of("AWS/Lambda", metric, "FunctionName", sources.function(), Map.of("stat", stat));
  }

  private List<Object> route(String metric, String route) {
    return List.of(
        "AWS/ApiGateway",
        metric,
        "ApiId",
        sources.apiId(),
        "Stage",
        sources.stage(),
        "Route",
        route,
        Map.of("stat", "Sum", "label", metric + " " + route));
  }

  /**
   * DMS names its metrics' dimensions by the resource ids that end the instance's and task's ARNs.
   */
  private List<Object> replication(RunContext context) {
    String instance = lastSegment(sources.replicationInstanceArn());
    String task =
        Optional.ofNullable(context)
            .flatMap(c -> c.knownArn(ResourceKind.DMS_REPLICATION_TASK, sources.dmsTask()))
            .or(this::describeTask)
            .map(DashboardBody::lastSegment)
            .orElse(sources.dmsTask());
    List<Object> metrics = new ArrayList<>();
    for (String metric : List.of("CDCLatencySource", "CDCLatencyTarget")) {
      metrics.add(
          List.of(
              "AWS/DMS",
              metric,
              "ReplicationInstanceIdentifier",
              instance,
              "ReplicationTaskIdentifier",
              task,
              Map.of("stat", "Average")));
    }
    return metrics;
  }

  private Optional<String> describeTask() {
    Filter byId = Filter.builder().name("replication-task-id").values(sources.dmsTask()).build();
    try {
      return dms.describeReplicationTasks(b -> b.filters(byId)).replicationTasks().stream()
          .map(t -> t.replicationTaskArn())
          .findFirst();
    } catch (software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  private Map<String, Object> metrics(int y, String title, List<Object> metrics) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("metrics", metrics);
    properties.put("region", sources.region());
    properties.put("title", title);
    properties.put("view", "timeSeries");
    properties.put("period", 300);
    return widget("metric", y, 24, 6, properties);
  }

  private static Map<String, Object> widget(
      String type, int y, int width, int height, Map<String, Object> properties) {
    Map<String, Object> widget = new LinkedHashMap<>();
    widget.put("type", type);
    widget.put("x", 0);
    widget.put("y", y);
    widget.put("width", width);
    widget.put("height", height);
    widget.put("properties", properties);
    return widget;
  }

  private static String lastSegment(String arn) {
    return arn.substring(arn.lastIndexOf(':') + 1);
  }
}
