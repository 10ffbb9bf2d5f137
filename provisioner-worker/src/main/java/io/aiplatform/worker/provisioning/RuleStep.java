package io.aiplatform.worker.provisioning;

import io.aiplatform.contracts.ResourceResult.ResourceKind;
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
 * with the platform's target when one is configured.
 */
final class RuleStep implements Step {

  /** The id of the one target this rule carries. */
  static final String TARGET_ID = "raw-to-curated";

  private final EventBridgeClient events;
  private final String rule;
  private final String pattern;
  private final String targetArn;
  private DescribeRuleResponse current;

  RuleStep(EventBridgeClient events, String rule, String rawBucket, String targetArn) {
    this.events = events;
    this.rule = rule;
    this.pattern =
        """
        {"source":["aws.s3"],"detail-type":["Object Created"],\
        "detail":{"bucket":{"name":["%s"]}}}"""
            .formatted(rawBucket);
    this.targetArn = targetArn;
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
  public Optional<Found> find() {
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
    return Optional.of(new Found(current.arn(), tags));
  }

  @Override
  public String create(Map<String, String> tags) {
    current = null;
    return events
        .putRule(
            b ->
                b.name(rule)
                    .eventPattern(pattern)
                    .state(RuleState.ENABLED)
                    .description("Object-created events of the raw bucket")
                    .tags(eventTags(tags)))
        .ruleArn();
  }

  @Override
  public void tag(Found found, Map<String, String> tags) {
    events.tagResource(b -> b.resourceARN(found.arn()).tags(eventTags(tags)));
  }

  @Override
  public void converge(Found found) {
    if (current != null
        && (!pattern.equals(current.eventPattern()) || current.state() != RuleState.ENABLED)) {
      events.putRule(b -> b.name(rule).eventPattern(pattern).state(RuleState.ENABLED));
    }
    List<Target> targets = events.listTargetsByRule(b -> b.rule(rule)).targets();
    boolean wanted = targetArn != null && !targetArn.isBlank();
    if (wanted && targets.stream().noneMatch(t -> isOurs(t) && targetArn.equals(t.arn()))) {
      events.putTargets(
          b -> b.rule(rule).targets(Target.builder().id(TARGET_ID).arn(targetArn).build()));
    } else if (!wanted && targets.stream().anyMatch(RuleStep::isOurs)) {
      // The platform dropped its target: the rule must stop delivering to the old one.
      events.removeTargets(b -> b.rule(rule).ids(TARGET_ID));
    }
  }

  @Override
  public void delete(Found found) {
    List<String> ids =
        events.listTargetsByRule(b -> b.rule(rule)).targets().stream().map(Target::id).toList();
    if (!ids.isEmpty()) {
      events.removeTargets(b -> b.rule(rule).ids(ids));
    }
    events.deleteRule(b -> b.name(rule));
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
