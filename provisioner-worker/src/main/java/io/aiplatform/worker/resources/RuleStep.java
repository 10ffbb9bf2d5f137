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
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Tag;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * The EventBridge rule on the default bus that matches object-created events of the raw bucket,
 * with the platform's target when one is configured. PutRule would overwrite a rule of the same
 * name, so the step always looks first.
 */
final class RuleStep implements Step<RuleStep.Observed> {

  /** The id of the one target this rule carries. */
  static final String TARGET_ID = "raw-to-curated";

  private final EventBridgeClient events;
  private final String rule;
  private final String pattern;
  private final String targetArn;

  /**
   * What the rule looks like now.
   *
   * @param pattern its event pattern
   * @param state whether it is enabled
   * @param targets its targets
   */
  record Observed(String pattern, RuleState state, List<Target> targets) {}

  RuleStep(EventBridgeClient events, String rule, String rawBucket, String targetArn) {
    this.events = events;
    this.rule = rule;
    this.pattern =
        """
        {"source":["aws.s3"],"detail-type":["Object Created"],\
        "detail":{"bucket":{"name":["%s"]}}}"""
            .formatted(rawBucket);
    this.targetArn = targetArn == null || targetArn.isBlank() ? null : targetArn;
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.EVENTBRIDGE_RULE;
  }

  @Override
  public String name() {
    return rule;
  }

  @Override
  public Optional<Found<Observed>> find(RunContext context) {
    DescribeRuleResponse current;
    try {
      current = events.describeRule(b -> b.name(rule));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
    Map<String, String> tags = new LinkedHashMap<>();
    events
        .listTagsForResource(b -> b.resourceARN(current.arn()))
        .tags()
        .forEach(t -> tags.put(t.key(), t.value()));
    List<Target> targets = events.listTargetsByRule(b -> b.rule(rule)).targets();
    Observed observed = new Observed(current.eventPattern(), current.state(), targets);
    return Optional.of(new Found<>(current.arn(), tags, observed));
  }

  @Override
  public Found<Observed> create(Map<String, String> tags, RunContext context) {
    String arn =
        events
            .putRule(
                b ->
                    b.name(rule)
                        .eventPattern(pattern)
                        .state(RuleState.ENABLED)
                        .description("Object-created events of the raw bucket")
                        .tags(eventTags(tags)))
            .ruleArn();
    return new Found<>(arn, tags, new Observed(pattern, RuleState.ENABLED, List.of()));
  }

  @Override
  public boolean tagsOnCreate() {
    return true;
  }

  @Override
  public void tag(Found<Observed> found, Map<String, String> tags) {
    events.tagResource(b -> b.resourceARN(found.arn()).tags(eventTags(tags)));
  }

  @Override
  public boolean converge(Found<Observed> found, RunContext context) {
    Observed current = found.observed();
    boolean wrote = false;
    if (!pattern.equals(current.pattern()) || current.state() != RuleState.ENABLED) {
      events.putRule(b -> b.name(rule).eventPattern(pattern).state(RuleState.ENABLED));
      wrote = true;
    }
    boolean ours = current.targets().stream().anyMatch(RuleStep::isOurs);
    if (targetArn != null
        && current.targets().stream().noneMatch(t -> isOurs(t) && targetArn.equals(t.arn()))) {
      events.putTargets(
          b -> b.rule(rule).targets(Target.builder().id(TARGET_ID).arn(targetArn).build()));
      return true;
    } else if (targetArn == null && ours) {
      // The platform dropped its target: the rule must stop delivering to the old one.
      events.removeTargets(b -> b.rule(rule).ids(TARGET_ID));
      return true;
    }
    return wrote;
  }

  /** The pattern and state as {@link #converge} compares them, and the target with our id. */
  @Override
  public Comparison compare(Found<Observed> found, RunContext context) {
    Observed now = found.observed();
    String target =
        now.targets().stream().filter(RuleStep::isOurs).map(Target::arn).findFirst().orElse(null);
    return Comparison.builder()
        .field("pattern", pattern, now.pattern())
        .field("state", RuleState.ENABLED, now.state())
        .field("target", targetArn, target)
        .build();
  }

  @Override
  public void delete(Found<Observed> found, RunContext context) {
    try {
      // Listed now: targets may have changed since the rule was found (converge adds ours).
      List<String> ids =
          events.listTargetsByRule(b -> b.rule(rule)).targets().stream().map(Target::id).toList();
      if (!ids.isEmpty()) {
        events.removeTargets(b -> b.rule(rule).ids(ids));
      }
      events.deleteRule(b -> b.name(rule));
    } catch (ResourceNotFoundException e) {
      // Already gone: an earlier attempt's answer was lost.
    }
  }

  private static boolean isOurs(Target target) {
    return TARGET_ID.equals(target.id());
  }

  private static List<Tag> eventTags(Map<String, String> tags) {
    return tags.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
  }
}
