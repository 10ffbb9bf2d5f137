package io.aiplatform.worker.resources;

import io.aiplatform.contracts.Infrastructure;
import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ResourceNames;
import io.aiplatform.contracts.SystemSpec;
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
  private final RuntimePlan runtime;
  private final AwsEndpoint endpoint;

  SystemPlan(
      S3Client s3,
      GlueClient glue,
      EventBridgeClient events,
      DatabaseMigrationClient dms,
      AwsAccount account,
      CreateTimeTags createTimeTags,
      WorkerProperties properties,
      JsonMapper json,
      Clock clock,
      RuntimePlan runtime,
      AwsEndpoint endpoint) {
    this.runtime = runtime;
    this.endpoint = endpoint;
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

  /** The plan of one job, for the configuration it asks for. */
  public Plan of(ProvisioningJob job) {
    return plan(job.kind(), job.deleteData(), job.spec());
  }

  /** For an {@code UPDATE}: the plan of the configuration the system runs before the change. */
  public Plan previous(ProvisioningJob job) {
    return plan(ProvisioningJob.Kind.UPDATE, false, job.previousSpec());
  }

  private Plan plan(ProvisioningJob.Kind kind, boolean deleteData, SystemSpec spec) {
    ResourceNames names = ResourceNames.of(properties.resourcePrefix(), spec.systemName());
    boolean replicates = properties.dms().enabled() && !spec.dataSources().isEmpty();
    List<Step<?>> steps = steps(spec, names, replicates);
    steps.addAll(runtime.steps(spec, names, replicates));
    return new Plan(steps, infrastructure(kind, deleteData, spec, names, replicates));
  }

  private List<Step<?>> steps(SystemSpec spec, ResourceNames names, boolean replicates) {
    String systemPrefix = properties.resourcePrefix() + "-" + spec.systemName() + "-";
    WorkerProperties.Buckets buckets = properties.buckets();
    String region = glue.serviceClientConfiguration().region().id();
    List<Step<?>> steps = new ArrayList<>();
    for (String bucket : names.buckets()) {
      BucketSettings settings =
          new BucketSettings(s3, bucket.equals(names.raw()), buckets, !endpoint.emulator());
      steps.add(
          new BucketStep(
              s3, bucket, account.partition(), systemPrefix, settings, createTimeTags, clock));
    }
    String database = names.glueDatabase();
    steps.add(
        new GlueDatabaseStep(glue, database, account.arn("glue", region, "database/" + database)));
    CrawlerStep.Settings crawler =
        new CrawlerStep.Settings(
            database,
            "s3://" + names.curated() + "/",
            properties.glue().crawlerRoleArn(),
            properties.glue().crawlerSchedule());
    steps.add(
        new CrawlerStep(
            glue,
            names.crawler(),
            account.arn("glue", region, "crawler/" + names.crawler()),
            crawler));
    steps.add(
        new RuleStep(events, names.rule(), names.raw(), properties.eventbridge().targetArn()));
    if (replicates) {
      WorkerProperties.Dms settings = properties.dms();
      steps.add(
          new DmsEndpointStep(dms, names.dmsEndpoint(), names.raw(), settings.s3ServiceRoleArn()));
      steps.add(
          new DmsTaskStep(
              dms, names.dmsTask(), names.dmsEndpoint(), settings, spec.dataSources(), json));
    }
    return steps;
  }

  /** After provisioning every resource; after deprovisioning only retained buckets. */
  private Infrastructure infrastructure(
      ProvisioningJob.Kind kind,
      boolean deleteData,
      SystemSpec spec,
      ResourceNames names,
      boolean replicates) {
    Infrastructure.Buckets buckets =
        new Infrastructure.Buckets(names.raw(), names.curated(), names.prod());
    if (kind == ProvisioningJob.Kind.DEPROVISION) {
      return new Infrastructure(deleteData ? null : buckets, null, null, null, List.of());
    }
    return new Infrastructure(
        buckets,
        names.glueDatabase(),
        names.crawler(),
        replicates ? names.dmsTask() : null,
        List.of(names.rule()),
        names.function(),
        runtime.routes(spec),
        names.dashboard());
  }
}
