package io.aiplatform.worker.resources;

import io.aiplatform.contracts.ResourceResult.ResourceKind;
import io.aiplatform.worker.provisioning.Comparison;
import io.aiplatform.worker.provisioning.Found;
import io.aiplatform.worker.provisioning.ResourceExistsException;
import io.aiplatform.worker.provisioning.ResourceSettlingException;
import io.aiplatform.worker.provisioning.RunContext;
import io.aiplatform.worker.provisioning.Step;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.CrawlerRunningException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.S3Target;

/** The Glue crawler over the curated bucket, on a schedule, with the platform's crawler role. */
final class CrawlerStep implements Step<CrawlerStep.Settings> {

  private final GlueClient glue;
  private final String crawler;
  private final String arn;
  private final Settings desired;

  /**
   * The crawler's settings.
   *
   * @param database the Glue database it writes tables to
   * @param path the S3 path it crawls
   * @param role the IAM role it runs as
   * @param schedule its cron schedule
   */
  record Settings(String database, String path, String role, String schedule) {}

  CrawlerStep(GlueClient glue, String crawler, String arn, Settings desired) {
    this.glue = glue;
    this.crawler = crawler;
    this.arn = arn;
    this.desired = desired;
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.GLUE_CRAWLER;
  }

  @Override
  public String name() {
    return crawler;
  }

  @Override
  public Optional<Found<Settings>> find(RunContext context) {
    Settings current;
    try {
      var found = glue.getCrawler(b -> b.name(crawler)).crawler();
      List<String> paths =
          found.targets() == null
              ? List.of()
              : found.targets().s3Targets().stream().map(S3Target::path).toList();
      current =
          new Settings(
              found.databaseName(),
              paths.size() == 1 ? paths.get(0) : String.join(",", paths),
              found.role(),
              found.schedule() == null ? null : found.schedule().scheduleExpression());
    } catch (EntityNotFoundException e) {
      return Optional.empty();
    }
    return Optional.of(new Found<>(arn, glue.getTags(b -> b.resourceArn(arn)).tags(), current));
  }

  @Override
  public Found<Settings> create(Map<String, String> tags, RunContext context) {
    try {
      glue.createCrawler(
          b ->
              b.name(crawler)
                  .role(desired.role())
                  .databaseName(desired.database())
                  .targets(t -> t.s3Targets(S3Target.builder().path(desired.path()).build()))
                  .schedule(desired.schedule())
                  .tags(tags));
    } catch (AlreadyExistsException e) {
      throw new ResourceExistsException(kind().name(), crawler, e);
    }
    return new Found<>(arn, tags, desired);
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
    glue.tagResource(b -> b.resourceArn(arn).tagsToAdd(tags));
  }

  @Override
  public boolean converge(Found<Settings> found, RunContext context) {
    if (desired.equals(found.observed())) {
      return false;
    }
    glue.updateCrawler(
        b ->
            b.name(crawler)
                .role(desired.role())
                .databaseName(desired.database())
                .targets(t -> t.s3Targets(S3Target.builder().path(desired.path()).build()))
                .schedule(desired.schedule()));
    return true;
  }

  @Override
  public Object desired() {
    return desired;
  }

  @Override
  public Comparison compare(Found<Settings> found, RunContext context) {
    Settings now = found.observed();
    return Comparison.builder()
        .field("database", desired.database(), now.database())
        .field("targetPath", desired.path(), now.path())
        .field("role", desired.role(), now.role())
        .field("schedule", desired.schedule(), now.schedule())
        .build();
  }

  @Override
  public void delete(Found<Settings> found, RunContext context) {
    try {
      glue.deleteCrawler(b -> b.name(crawler));
    } catch (EntityNotFoundException e) {
      // Already gone: an earlier attempt's answer was lost.
    } catch (CrawlerRunningException e) {
      throw new ResourceSettlingException(
          "crawler " + crawler + " is running; it is deleted on the next attempt", e);
    }
  }
}
