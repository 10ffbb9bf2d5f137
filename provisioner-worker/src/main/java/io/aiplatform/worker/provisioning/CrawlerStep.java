package io.aiplatform.worker.provisioning;

import io.aiplatform.contracts.ResourceResult.ResourceKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.S3Target;

/** The Glue crawler over the curated bucket, on a schedule, with the platform's crawler role. */
final class CrawlerStep implements Step {

  private final GlueClient glue;
  private final String crawler;
  private final String arn;
  private final String database;
  private final String path;
  private final String role;
  private final String schedule;
  private Crawler current;

  CrawlerStep(GlueClient glue, String crawler, String arn, Desired desired) {
    this.glue = glue;
    this.crawler = crawler;
    this.arn = arn;
    this.database = desired.database();
    this.path = "s3://" + desired.curatedBucket() + "/";
    this.role = desired.role();
    this.schedule = desired.schedule();
  }

  /**
   * What the crawler should look like.
   *
   * @param database the Glue database it writes tables to
   * @param curatedBucket the bucket it crawls
   * @param role the IAM role it runs as
   * @param schedule its cron schedule
   */
  record Desired(String database, String curatedBucket, String role, String schedule) {}

  @Override
  public ResourceKind kind() {
    return ResourceKind.GLUE_CRAWLER;
  }

  @Override
  public String name() {
    return crawler;
  }

  @Override
  public Optional<Found> find() {
    try {
      current = glue.getCrawler(b -> b.name(crawler)).crawler();
    } catch (EntityNotFoundException e) {
      return Optional.empty();
    }
    return Optional.of(new Found(arn, glue.getTags(b -> b.resourceArn(arn)).tags()));
  }

  @Override
  public String create(Map<String, String> tags) {
    glue.createCrawler(
        b ->
            b.name(crawler)
                .role(role)
                .databaseName(database)
                .targets(t -> t.s3Targets(target()))
                .schedule(schedule)
                .tags(tags));
    current = null;
    return arn;
  }

  @Override
  public void tag(Found found, Map<String, String> tags) {
    glue.tagResource(b -> b.resourceArn(arn).tagsToAdd(tags));
  }

  @Override
  public void converge(Found found) {
    if (current == null || matches(current)) {
      return;
    }
    glue.updateCrawler(
        b ->
            b.name(crawler)
                .role(role)
                .databaseName(database)
                .targets(t -> t.s3Targets(target()))
                .schedule(schedule));
  }

  @Override
  public void delete(Found found) {
    glue.deleteCrawler(b -> b.name(crawler));
  }

  private boolean matches(Crawler existing) {
    List<String> paths =
        existing.targets() == null
            ? List.of()
            : existing.targets().s3Targets().stream().map(S3Target::path).toList();
    return role.equals(existing.role())
        && database.equals(existing.databaseName())
        && paths.equals(List.of(path))
        && existing.schedule() != null
        && schedule.equals(existing.schedule().scheduleExpression());
  }

  private S3Target target() {
    return S3Target.builder().path(path).build();
  }
}
