package io.aiplatform.worker.resources;

import io.aiplatform.contracts.ResourceResult.ResourceKind;
import io.aiplatform.worker.provisioning.Comparison;
import io.aiplatform.worker.provisioning.Found;
import io.aiplatform.worker.provisioning.OwnerTags;
import io.aiplatform.worker.provisioning.RunContext;
import io.aiplatform.worker.provisioning.Step;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DashboardNotFoundErrorException;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The system's CloudWatch dashboard {@code P-S}. Dashboards carry no tags, and PutDashboard
 * overwrites one of the same name, so the step looks first, and the dashboard carries its ownership
 * in its body: its first widget is a text that names the system and the job that made it, written
 * in the same call that makes the dashboard ({@link DashboardBody}).
 */
final class DashboardStep implements Step<String> {

  private static final Pattern TAG = Pattern.compile("(platform:[a-z-]+)=([^\\s`]+)");

  private final CloudWatchClient cloudWatch;
  private final String dashboard;
  private final String arn;
  private final DashboardBody body;
  private final JsonMapper json;

  DashboardStep(
      CloudWatchClient cloudWatch,
      String dashboard,
      String arn,
      DashboardBody body,
      JsonMapper json) {
    this.cloudWatch = cloudWatch;
    this.dashboard = dashboard;
    this.arn = arn;
    this.body = body;
    this.json = json;
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.CLOUDWATCH_DASHBOARD;
  }

  @Override
  public String name() {
    return dashboard;
  }

  @Override
  public Object desired() {
    return body.layout();
  }

  @Override
  public Optional<Found<String>> find(RunContext context) {
    String current;
    String foundArn;
    try {
      var found = cloudWatch.getDashboard(b -> b.dashboardName(dashboard));
      current = found.dashboardBody();
      foundArn = found.dashboardArn() == null ? arn : found.dashboardArn();
    } catch (DashboardNotFoundErrorException | ResourceNotFoundException e) {
      return Optional.empty();
    }
    return Optional.of(new Found<>(foundArn, ownership(current), current));
  }

  @Override
  public Found<String> create(Map<String, String> tags, RunContext context) {
    String rendered = body.render(tags, context);
    cloudWatch.putDashboard(b -> b.dashboardName(dashboard).dashboardBody(rendered));
    return new Found<>(arn, tags, rendered);
  }

  @Override
  public boolean tagsOnCreate() {
    // The ownership text is part of the body PutDashboard writes.
    return true;
  }

  @Override
  public void tag(Found<String> found, Map<String, String> tags) {
    Map<String, String> merged = new LinkedHashMap<>(found.tags());
    merged.putAll(tags);
    String rendered = body.render(merged, null);
    cloudWatch.putDashboard(b -> b.dashboardName(dashboard).dashboardBody(rendered));
  }

  @Override
  public boolean converge(Found<String> found, RunContext context) {
    String rendered = body.render(found.tags(), context);
    if (json.readTree(rendered).equals(json.readTree(found.observed()))) {
      return false;
    }
    cloudWatch.putDashboard(b -> b.dashboardName(dashboard).dashboardBody(rendered));
    return true;
  }

  /**
   * The body as {@link #converge} would write it, compared widget by widget as JSON; a differing
   * widget shows its title (or its JSON where the titles match).
   */
  @Override
  public Comparison compare(Found<String> found, RunContext context) {
    JsonNode desired = json.readTree(body.render(found.tags(), context)).path("widgets");
    JsonNode actual = json.readTree(found.observed()).path("widgets");
    Comparison.Builder comparison = Comparison.builder();
    for (int i = 0; i < Math.max(desired.size(), actual.size()); i++) {
      JsonNode wanted = desired.path(i);
      JsonNode now = actual.path(i);
      if (!wanted.equals(now)) {
        boolean sameTitle = describe(wanted).equals(describe(now));
        comparison.differs(
            "widgets[" + i + "]",
            sameTitle ? brief(wanted) : describe(wanted),
            sameTitle ? brief(now) : describe(now));
      }
    }
    return comparison.build();
  }

  private static String describe(JsonNode widget) {
    if (widget.isMissingNode()) {
      return null;
    }
    String title = widget.path("properties").path("title").asString("");
    return widget.path("type").asString("?") + (title.isEmpty() ? "" : " \"" + title + "\"");
  }

  /** A widget's JSON, cut short: a dashboard's widget can run to kilobytes. */
  private static String brief(JsonNode widget) {
    if (widget.isMissingNode()) {
      return null;
    }
    String text = widget.toString();
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }

  @Override
  public void delete(Found<String> found, RunContext context) {
    try {
      cloudWatch.deleteDashboards(b -> b.dashboardNames(dashboard));
    } catch (DashboardNotFoundErrorException | ResourceNotFoundException e) {
      // Already gone: an earlier attempt's answer was lost.
    }
  }

  /** The tags the body's ownership text names; none when it has no such text. */
  private Map<String, String> ownership(String current) {
    Map<String, String> tags = new LinkedHashMap<>();
    JsonNode first = json.readTree(current).path("widgets").path(0);
    if ("text".equals(first.path("type").asString(""))) {
      Matcher matcher = TAG.matcher(first.path("properties").path("markdown").asString(""));
      while (matcher.find()) {
        tags.put(matcher.group(1), matcher.group(2));
      }
    }
    tags.keySet()
        .retainAll(
            java.util.Set.of(
                OwnerTags.SYSTEM_ID,
                OwnerTags.SYSTEM_NAME,
                OwnerTags.MANAGED_BY,
                OwnerTags.CREATED_BY_JOB));
    return tags;
  }
}
