package io.aiplatform.worker.resources;

import io.aiplatform.contracts.ResourceResult.ResourceKind;
import io.aiplatform.worker.provisioning.Comparison;
import io.aiplatform.worker.provisioning.Found;
import io.aiplatform.worker.provisioning.RunContext;
import io.aiplatform.worker.provisioning.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/**
 * One CloudWatch alarm of the system, notifying the platform's alarm topic when one is configured.
 * PutMetricAlarm takes the tags when it creates the alarm, but it also overwrites an alarm of the
 * same name, so the step looks first.
 */
final class AlarmStep implements Step<AlarmStep.Definition> {

  private final CloudWatchClient cloudWatch;
  private final String alarm;
  private final String arn;
  private final Definition desired;

  /**
   * What the alarm watches and whom it tells; compared as a whole.
   *
   * @param description what it means
   * @param metrics the metric queries; the one returning data is what the alarm watches
   * @param threshold the value at which it fires
   * @param evaluationPeriods how many periods the value must be at the threshold
   * @param actions the topics notified when it fires and when it recovers
   */
  record Definition(
      String description,
      List<MetricDataQuery> metrics,
      double threshold,
      int evaluationPeriods,
      List<String> actions) {

    Definition {
      metrics = List.copyOf(metrics);
      actions = List.copyOf(actions);
    }

    static Definition of(MetricAlarm alarm) {
      return new Definition(
          alarm.alarmDescription(),
          alarm.metrics(),
          alarm.threshold() == null ? 0 : alarm.threshold(),
          alarm.evaluationPeriods() == null ? 0 : alarm.evaluationPeriods(),
          alarm.alarmActions());
    }

    void applyTo(String name, PutMetricAlarmRequest.Builder request) {
      request
          .alarmName(name)
          .alarmDescription(description)
          .metrics(metrics)
          .threshold(threshold)
          .evaluationPeriods(evaluationPeriods)
          .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
          .treatMissingData("notBreaching")
          .actionsEnabled(true)
          .alarmActions(actions)
          .okActions(actions);
    }
  }

  AlarmStep(CloudWatchClient cloudWatch, String alarm, String arn, Definition desired) {
    this.cloudWatch = cloudWatch;
    this.alarm = alarm;
    this.arn = arn;
    this.desired = desired;
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.CLOUDWATCH_ALARM;
  }

  @Override
  public String name() {
    return alarm;
  }

  @Override
  public Object desired() {
    return desired;
  }

  @Override
  public Optional<Found<Definition>> find(RunContext context) {
    Optional<MetricAlarm> found =
        cloudWatch.describeAlarms(b -> b.alarmNames(alarm)).metricAlarms().stream()
            .filter(a -> alarm.equals(a.alarmName()))
            .findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String foundArn = found.get().alarmArn();
    Map<String, String> tags = new LinkedHashMap<>();
    cloudWatch
        .listTagsForResource(b -> b.resourceARN(foundArn))
        .tags()
        .forEach(t -> tags.put(t.key(), t.value()));
    return Optional.of(new Found<>(foundArn, tags, Definition.of(found.get())));
  }

  @Override
  public Found<Definition> create(Map<String, String> tags, RunContext context) {
    cloudWatch.putMetricAlarm(
        b -> {
          desired.applyTo(alarm, b);
          b.tags(tags.entrySet().stream().map(AlarmStep::tag).toList());
        });
    return new Found<>(arn, tags, desired);
  }

  @Override
  public boolean tagsOnCreate() {
    return true;
  }

  @Override
  public void tag(Found<Definition> found, Map<String, String> tags) {
    cloudWatch.tagResource(
        b ->
            b.resourceARN(found.arn()).tags(tags.entrySet().stream().map(AlarmStep::tag).toList()));
  }

  @Override
  public boolean converge(Found<Definition> found, RunContext context) {
    if (desired.equals(found.observed())) {
      return false;
    }
    cloudWatch.putMetricAlarm(b -> desired.applyTo(alarm, b));
    return true;
  }

  @Override
  public Comparison compare(Found<Definition> found, RunContext context) {
    Definition now = found.observed();
    return Comparison.builder()
        .field("description", desired.description(), now.description())
        .field("metrics", desired.metrics(), now.metrics())
        .field("threshold", desired.threshold(), now.threshold())
        .field("evaluationPeriods", desired.evaluationPeriods(), now.evaluationPeriods())
        .field("actions", desired.actions(), now.actions())
        .build();
  }

  @Override
  public void delete(Found<Definition> found, RunContext context) {
    // Deleting an alarm that is gone is not an error.
    cloudWatch.deleteAlarms(b -> b.alarmNames(alarm));
  }

  private static Tag tag(Map.Entry<String, String> entry) {
    return Tag.builder().key(entry.getKey()).value(entry.getValue()).build();
  }
}
