package io.aiplatform.worker.resources;

import io.aiplatform.contracts.ResourceResult.ResourceKind;
import io.aiplatform.worker.provisioning.Comparison;
import io.aiplatform.worker.provisioning.Found;
import io.aiplatform.worker.provisioning.ResourceExistsException;
import io.aiplatform.worker.provisioning.RunContext;
import io.aiplatform.worker.provisioning.Step;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * The function's log group {@code /aws/lambda/P-S-handler}, made before the function so that Lambda
 * never makes it itself (untagged, kept forever, unencrypted): tagged and encrypted with the
 * platform key in the create call, its retention set right after.
 */
final class LogGroupStep implements Step<LogGroupStep.Settings> {

  private final CloudWatchLogsClient logs;
  private final String group;
  private final PlatformKey key;
  private final int retentionDays;
  private final String arn;

  /**
   * The group's settings.
   *
   * @param retentionDays how long it keeps events; {@code null}: forever
   * @param kmsKeyArn the key it is encrypted with
   */
  record Settings(Integer retentionDays, String kmsKeyArn) {}

  LogGroupStep(
      CloudWatchLogsClient logs, String group, String arn, PlatformKey key, int retentionDays) {
    this.logs = logs;
    this.arn = arn;
    this.group = group;
    this.key = key;
    this.retentionDays = retentionDays;
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.LOG_GROUP;
  }

  @Override
  public String name() {
    return group;
  }

  @Override
  public Object desired() {
    return retentionDays;
  }

  @Override
  public Optional<Found<Settings>> find(RunContext context) {
    Optional<LogGroup> found =
        logs.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups().stream()
            .filter(g -> group.equals(g.logGroupName()))
            .findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String foundArn = arn(found.get());
    Map<String, String> tags;
    try {
      tags = logs.listTagsForResource(b -> b.resourceArn(foundArn)).tags();
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
    Settings observed = new Settings(found.get().retentionInDays(), found.get().kmsKeyId());
    return Optional.of(new Found<>(foundArn, tags, observed));
  }

  @Override
  public Found<Settings> create(Map<String, String> tags, RunContext context) {
    String keyArn = key.arn();
    try {
      logs.createLogGroup(b -> b.logGroupName(group).kmsKeyId(keyArn).tags(tags));
    } catch (ResourceAlreadyExistsException e) {
      throw new ResourceExistsException(kind().name(), group, e);
    }
    // CreateLogGroup takes no retention: converging sets it.
    return new Found<>(arn, tags, new Settings(null, keyArn));
  }

  @Override
  public boolean tagsOnCreate() {
    return true;
  }

  @Override
  public boolean createRefusesTakenName() {
    return true;
  }

  @Override
  public void tag(Found<Settings> found, Map<String, String> tags) {
    logs.tagResource(b -> b.resourceArn(found.arn()).tags(tags));
  }

  @Override
  public boolean converge(Found<Settings> found, RunContext context) {
    boolean wrote = false;
    if (!Objects.equals(found.observed().retentionDays(), retentionDays)) {
      logs.putRetentionPolicy(b -> b.logGroupName(group).retentionInDays(retentionDays));
      wrote = true;
    }
    String keyArn = key.arn();
    if (!keyArn.equals(found.observed().kmsKeyArn())) {
      logs.associateKmsKey(b -> b.logGroupName(group).kmsKeyId(keyArn));
      wrote = true;
    }
    return wrote;
  }

  @Override
  public Comparison compare(Found<Settings> found, RunContext context) {
    return Comparison.builder()
        .field("retentionDays", retentionDays, found.observed().retentionDays())
        .field("kmsKey", key.arn(), found.observed().kmsKeyArn())
        .build();
  }

  @Override
  public void delete(Found<Settings> found, RunContext context) {
    try {
      logs.deleteLogGroup(b -> b.logGroupName(group));
    } catch (ResourceNotFoundException e) {
      // Already gone: an earlier attempt's answer was lost.
    }
  }

  /** The group's ARN without the {@code :*} that DescribeLogGroups appends to it. */
  private static String arn(LogGroup group) {
    if (group.logGroupArn() != null) {
      return group.logGroupArn();
    }
    String arn = group.arn();
    return arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn;
  }
}
