package io.aiplatform.worker.resources;

import io.aiplatform.contracts.Infrastructure;
import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ResourceNames;
import io.aiplatform.worker.WorkerProperties;
import io.aiplatform.worker.provisioning.Plan;
import io.aiplatform.worker.provisioning.Step;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

/** What a job is about: a system's steps in provisioning order, and its infrastructure after. */
@Component
public class SystemPlan {

  private final S3Client s3;
  private final GlueClient glue;
  private final EventBridgeClient events;
  private final DatabaseMigrationClient dms;
  private final AwsAccount account;
  private final CreateTimeTags createTimeTags;
  private final WorkerProperties properties;
  private final JsonMapper json;
  private final Clock clock;

  SystemPlan(
      S3Client s3,
      GlueClient glue,
      EventBridgeClient events,
      DatabaseMigrationClient dms,
      AwsAccount account,
      CreateTimeTags createTimeTags,
      WorkerProperties properties,
      JsonMapper json,
      Clock clock) {
    this.s3 = s3;
    this.glue = glue;
    this.events = events;
    this.dms = dms;
    this.account = account;
    this.createTimeTags = createTimeTags;
    this.properties = properties;
    this.json = json;
    this.clock = clock;
  }

  /** The plan of one job. */
  public Plan of(ProvisioningJob job) {
    String systemName = job.spec().systemName();
    ResourceNames names = ResourceNames.of(properties.resourcePrefix(), systemName);
    boolean replicates = properties.dms().enabled() && !job.spec().dataSources().isEmpty();
    return new Plan(steps(job, names, replicates), infrastructure(job, names, replicates));
  }

  private List<Step<?>> steps(ProvisioningJob job, ResourceNames names, boolean replicates) {
    String systemPrefix = properties.resourcePrefix() + "-" + job.spec().systemName() + "-";
    WorkerProperties.Buckets buckets = properties.buckets();
    String glueArn =
        "arn:aws:glue:%s:%s:"
            .formatted(glue.serviceClientConfiguration().region().id(), account.id());
    List<Step<?>> steps = new ArrayList<>();
    for (String bucket : names.buckets()) {
      BucketSettings settings = new BucketSettings(s3, bucket.equals(names.raw()), buckets);
      steps.add(new BucketStep(s3, bucket, systemPrefix, settings, createTimeTags, clock));
    }
    String database = names.glueDatabase();
    steps.add(new GlueDatabaseStep(glue, database, glueArn + "database/" + database));
    CrawlerStep.Settings crawler =
        new CrawlerStep.Settings(
            database,
            "s3://" + names.curated() + "/",
            properties.glue().crawlerRoleArn(),
            properties.glue().crawlerSchedule());
    steps.add(
        new CrawlerStep(glue, names.crawler(), glueArn + "crawler/" + names.crawler(), crawler));
    steps.add(
        new RuleStep(events, names.rule(), names.raw(), properties.eventbridge().targetArn()));
    if (replicates) {
      WorkerProperties.Dms settings = properties.dms();
      steps.add(
          new DmsEndpointStep(dms, names.dmsEndpoint(), names.raw(), settings.s3ServiceRoleArn()));
      steps.add(
          new DmsTaskStep(
              dms, names.dmsTask(), names.dmsEndpoint(), settings, job.spec().dataSources(), json));
    }
    return steps;
  }

  /** After provisioning every resource; after deprovisioning only retained buckets. */
  private static Infrastructure infrastructure(
      ProvisioningJob job, ResourceNames names, boolean replicates) {
    Infrastructure.Buckets buckets =
        new Infrastructure.Buckets(names.raw(), names.curated(), names.prod());
    if (job.kind() == ProvisioningJob.Kind.DEPROVISION) {
      return new Infrastructure(job.deleteData() ? null : buckets, null, null, null, List.of());
    }
    return new Infrastructure(
        buckets,
        names.glueDatabase(),
        names.crawler(),
        replicates ? names.dmsTask() : null,
        List.of(names.rule()));
  }
}
