package io.aiplatform.worker.resources;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

/**
 * What a system's two alarms watch: any error of its function in five minutes, and any 5xx answer
 * of its routes in five minutes. CloudWatch lets one alarm sum at most ten metrics, so the 5xx
 * alarm watches the system's first ten routes (in the order of {@code endpoints}); the dashboard
 * shows them all.
 */
final class SystemAlarms {

  /** CloudWatch's limit of metrics in one metric math alarm. */
  static final int MAX_ROUTES = 10;

  private static final int PERIOD = 300;

  private SystemAlarms() {}

  static AlarmStep.Definition errors(String function, List<String> actions) {
    MetricDataQuery errors =
        MetricDataQuery.builder()
            .id("errors")
            .returnData(true)
            .metricStat(
                s ->
                    s.metric(
                            m ->
                                m.namespace("AWS/Lambda")
                                    .metricName("Errors")
                                    .dimensions(dimension("FunctionName", function)))
                        .period(PERIOD)
                        .stat("Sum"))
            .build();
    return new AlarmStep.Definition(
        "Errors of " + function + " (provisioner-worker)", List.of(errors), 1, 1, actions);
  }

  static AlarmStep.Definition serverErrors(
      String apiId, String stage, List<String> routes, List<String> actions) {
    List<MetricDataQuery> metrics = new ArrayList<>();
    List<String> watched = routes.subList(0, Math.min(routes.size(), MAX_ROUTES));
    for (int i = 0; i < watched.size(); i++) {
      String route = watched.get(i);
      metrics.add(
          MetricDataQuery.builder()
              .id("route" + i)
              .returnData(false)
              .metricStat(
                  s ->
                      s.metric(
                              m ->
                                  m.namespace("AWS/ApiGateway")
                                      .metricName("5xx")
                                      .dimensions(
                                          dimension("ApiId", apiId),
                                          dimension("Stage", stage),
                                          dimension("Route", route)))
                          .period(PERIOD)
                          .stat("Sum"))
              .build());
    }
    metrics.add(
        MetricDataQuery.builder()
            .id("total")
            .expression("SUM(METRICS())")
            .label("5xx answers")
            .returnData(true)
            .build());
    return new AlarmStep.Definition(
        "5xx answers of the system's routes (provisioner-worker)", metrics, 1, 1, actions);
  }

  private static Dimension dimension(String name, String value) {
    return Dimension.builder().name(name).value(value).build();
  }
}
