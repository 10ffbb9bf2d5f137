package io.aiplatform.worker.provisioning;

import io.aiplatform.contracts.Infrastructure;
import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.worker.WorkerProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

/** Which steps a system has, in provisioning order, and what its infrastructure looks like. */
@Component
class SystemPlan {

  private final S3Client s3;
  private final GlueClient glue;
  private final EventBridgeClient events;
  private final DatabaseMigrationClient dms;
  private final AwsAccount account;
  private final WorkerProperties properties;
  private final JsonMapper json;

  SystemPlan(
      S3Client s3,
      GlueClient glue,
      EventBridgeClient events,
      DatabaseMigrationClient dms,
      AwsAccount account,
      WorkerProperties properties,
      JsonMapper json) {
    this.s3 = s3;
    this.glue = glue;
    this.events = events;
    this.dms = dms;
    this.account = account;
    this.properties = properties;
    this.json = json;
  }

  ResourceNames names(ProvisioningJob job) {
    return ResourceNames.of(properties.resourcePrefix(), job.spec().systemName());
  }

  /** DMS replication only when the platform configured it and the system has tables. */
  boolean replicates(ProvisioningJob job) {
    return properties.dms().enabled() && !job.spec().dataSources().isEmpty();
  }

  List<Step> steps(ProvisioningJob job) {
    ResourceNames names = names(job);
    WorkerProperties.Buckets buckets = properties.buckets();
    String region = glue.serviceClientConfiguration().region().id();
    String glueArn = "arn:aws:glue:%s:%s:".formatted(region, account.id());
    List<Step> steps = new ArrayList<>();
    steps.add(new BucketStep(s3, names.raw(), true, buckets));
    steps.add(new BucketStep(s3, names.curated(), false, buckets));
    steps.add(new BucketStep(s3, names.prod(), false, buckets));
    steps.add(
        new GlueDatabaseStep(
            glue, names.glueDatabase(), glueArn + "database/" + names.glueDatabase()));
    steps.add(
        new CrawlerStep(
            glue,
            names.crawler(),
            glueArn + "crawler/" + names.crawler(),
            new CrawlerStep.Desired(
                names.glueDatabase(),
                names.curated(),
                properties.glue().crawlerRoleArn(),
                properties.glue().crawlerSchedule())));
    steps.add(
        new RuleStep(events, names.rule(), names.raw(), properties.eventbridge().targetArn()));
    if (replicates(job)) {
      WorkerProperties.Dms settings = properties.dms();
      DmsEndpointStep endpoint =
          new DmsEndpointStep(dms, names.dmsEndpoint(), names.raw(), settings.s3ServiceRoleArn());
      steps.add(endpoint);
      steps.add(
          new DmsTaskStep(
              dms, names.dmsTask(), endpoint, settings, job.spec().dataSources(), json));
    }
    return steps;
  }

  /** The system's resources after a successful provisioning. */
  Infrastructure provisioned(ProvisioningJob job) {
    ResourceNames names = names(job);
    return new Infrastructure(
        new Infrastructure.Buckets(names.raw(), names.curated(), names.prod()),
        names.glueDatabase(),
        names.crawler(),
        replicates(job) ? names.dmsTask() : null,
        List.of(names.rule()));
  }

  /** What is left after a successful deprovisioning: the buckets, unless data was deleted. */
  Infrastructure deprovisioned(ProvisioningJob job) {
    ResourceNames names = names(job);
    Infrastructure.Buckets buckets =
        job.deleteData()
            ? null
            : new Infrastructure.Buckets(names.raw(), names.curated(), names.prod());
    return new Infrastructure(buckets, null, null, null, List.of());
  }
}
