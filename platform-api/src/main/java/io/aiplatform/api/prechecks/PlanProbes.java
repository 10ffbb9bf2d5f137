package io.aiplatform.api.prechecks;

import io.aiplatform.api.prechecks.Assessment.Action;
import io.aiplatform.api.prechecks.Assessment.PlannedResource;
import io.aiplatform.api.prechecks.AwsLookups.BucketOwner;
import io.aiplatform.api.prechecks.Probe.Finding;
import io.aiplatform.contracts.ResourceNames;
import io.aiplatform.contracts.SystemSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The probes of one registration: a name check for each resource whose name someone else could hold
 * (the buckets, the Glue database and crawler, the rule, the function, the routes, the DMS task),
 * plus the bucket quota and the DMS source. Names come from {@link ResourceNames}, the rule the
 * worker creates them by.
 */
final class PlanProbes {

  private final AwsLookups aws;
  private final PrecheckProperties properties;
  private final List<Probe> probes = new ArrayList<>();

  private PlanProbes(AwsLookups aws, PrecheckProperties properties) {
    this.aws = aws;
    this.properties = properties;
  }

  static List<Probe> of(
      AwsLookups aws, PrecheckProperties properties, ResourceNames names, SystemSpec spec) {
    PlanProbes plan = new PlanProbes(aws, properties);
    plan.buckets(names);
    plan.catalog(names);
    plan.function(names, spec);
    plan.routes(names, spec);
    plan.replication(names, spec);
    return List.copyOf(plan.probes);
  }

  private void buckets(ResourceNames names) {
    Map<String, String> roles = Map.of(names.raw(), "raw", names.curated(), "curated");
    for (String bucket : names.buckets()) {
      Map<String, Object> settings = new LinkedHashMap<>();
      settings.put("role", roles.getOrDefault(bucket, "prod"));
      settings.put("versioning", "enabled");
      settings.put("encryption", "aws:kms");
      settings.put("public_access", "blocked");
      if (bucket.equals(names.raw())) {
        settings.put("eventbridge_notifications", true);
      }
      add("bucket-name-free", "s3_bucket", bucket, settings, () -> bucketFinding(bucket));
    }
    probes.add(new Probe("bucket-quota", "s3 general purpose buckets", null, () -> quota(names)));
  }

  private void catalog(ResourceNames names) {
    named(
        "glue-database-free",
        "glue_database",
        names.glueDatabase(),
        Map.of(),
        () -> aws.glueDatabase(names.glueDatabase()));
    named(
        "glue-crawler-free",
        "glue_crawler",
        names.crawler(),
        Map.of("database", names.glueDatabase(), "target", "s3://" + names.curated() + "/"),
        () -> aws.crawler(names.crawler()));
    named(
        "eventbridge-rule-free",
        "eventbridge_rule",
        names.rule(),
        Map.of("source_bucket", names.raw(), "events", "Object Created"),
        () -> aws.rule(names.rule()));
  }

  private void function(ResourceNames names, SystemSpec spec) {
    Map<String, Object> settings = new LinkedHashMap<>();
    if (spec.lambdaConfig() != null) {
      putIfSet(settings, "memory", spec.lambdaConfig().memory());
      putIfSet(settings, "timeout", spec.lambdaConfig().timeout());
      putIfSet(settings, "runtime", spec.lambdaConfig().runtime());
    }
    named(
        "lambda-function-free",
        "lambda_function",
        names.function(),
        settings,
        () -> aws.function(names.function()));
  }

  private void routes(ResourceNames names, SystemSpec spec) {
    if (!properties.checksRoutes() || spec.endpoints().isEmpty()) {
      return;
    }
    Supplier<Set<String>> existing = Once.of(() -> aws.routes(properties.apiId()));
    for (SystemSpec.Endpoint endpoint : spec.endpoints()) {
      String key = endpoint.routeKey();
      named(
          "api-route-free",
          "api_route",
          key,
          Map.of("integration", names.function(), "authorizer", "platform-jwt"),
          () -> existing.get().contains(key));
    }
  }

  private void replication(ResourceNames names, SystemSpec spec) {
    if (!properties.replicates() || spec.dataSources().isEmpty()) {
      return;
    }
    named(
        "dms-task-free",
        "dms_replication_task",
        names.dmsTask(),
        Map.of(
            "tables", spec.dataSources(),
            "migration_type", "full-load-and-cdc",
            "target_bucket", names.raw()),
        () -> aws.dmsTask(names.dmsTask()));
    probes.addAll(DmsSourceProbes.of(aws, properties, spec.dataSources()));
  }

  private void named(
      String check,
      String kind,
      String name,
      Map<String, Object> settings,
      BooleanSupplier exists) {
    add(
        check,
        kind,
        name,
        settings,
        () ->
            exists.getAsBoolean()
                ? Finding.taken(
                    "a "
                        + kind.replace('_', ' ')
                        + " of that name exists; a new system owns no resource yet, so the"
                        + " worker would refuse it")
                : Finding.free());
  }

  private void add(
      String check, String kind, String name, Map<String, Object> settings, Supplier<Finding> f) {
    probes.add(new Probe(check, name, new PlannedResource(kind, name, Action.CREATE, settings), f));
  }

  private Finding bucketFinding(String bucket) {
    BucketOwner owner = aws.bucket(bucket);
    return switch (owner) {
      case NOBODY -> Finding.free();
      case THIS_ACCOUNT ->
          Finding.taken(
              "a bucket of this account has the name (HeadBucket 200) and is not this system's:"
                  + " a new system owns no resource yet");
      case OTHER_ACCOUNT -> Finding.taken("another AWS account owns the bucket (HeadBucket 403)");
      case OTHER_REGION ->
          Finding.taken("a bucket of that name exists in another region (HeadBucket 301)");
    };
  }

  private Finding quota(ResourceNames names) {
    var applied = aws.bucketQuota();
    int quota = applied.orElse(properties.bucketQuota());
    String source = applied.isPresent() ? "Service Quotas" : "PLATFORM_API_PRECHECKS_BUCKET_QUOTA";
    int count = aws.bucketCount();
    int needed = names.buckets().size();
    String detail =
        count + " buckets of " + quota + " (" + source + "); the system needs " + needed + " more";
    return new Finding(count + needed <= quota, detail);
  }

  private static void putIfSet(Map<String, Object> settings, String key, Object value) {
    if (value != null) {
      settings.put(key, value);
    }
  }
}
