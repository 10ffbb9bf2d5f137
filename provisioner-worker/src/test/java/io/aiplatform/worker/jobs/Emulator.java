package io.aiplatform.worker.jobs;

import io.aiplatform.contracts.ResourceNames;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.Filter;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** Reads straight from the emulator which of a system's resources exist. */
record Emulator(
    S3Client s3,
    GlueClient glue,
    EventBridgeClient events,
    DatabaseMigrationClient dms,
    LambdaClient lambda,
    CloudWatchLogsClient logs,
    CloudWatchClient cloudWatch) {

  /** Every resource name a system without endpoints may get, mapped to whether it exists. */
  Map<String, Boolean> existence(ResourceNames names) {
    Map<String, Boolean> exists = new LinkedHashMap<>();
    exists.put(names.raw(), bucketExists(names.raw()));
    exists.put(names.curated(), bucketExists(names.curated()));
    exists.put(names.prod(), bucketExists(names.prod()));
    exists.put(names.glueDatabase(), databaseExists(names.glueDatabase()));
    exists.put(names.crawler(), crawlerExists(names.crawler()));
    exists.put(names.rule(), ruleExists(names.rule()));
    exists.put(names.dmsEndpoint(), endpointCount(names.dmsEndpoint()) > 0);
    exists.put(names.dmsTask(), taskCount(names.dmsTask()) > 0);
    exists.put(names.logGroup(), logGroupExists(names.logGroup()));
    exists.put(names.function(), functionExists(names.function()));
    exists.put(names.dashboard(), dashboardExists(names.dashboard()));
    exists.put(names.errorsAlarm(), alarmExists(names.errorsAlarm()));
    return exists;
  }

  boolean logGroupExists(String group) {
    return logs.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups().stream()
        .anyMatch(g -> g.logGroupName().equals(group));
  }

  boolean functionExists(String function) {
    try {
      lambda.getFunction(b -> b.functionName(function));
      return true;
    } catch (software.amazon.awssdk.services.lambda.model.ResourceNotFoundException e) {
      return false;
    }
  }

  boolean dashboardExists(String dashboard) {
    return cloudWatch
        .listDashboards(b -> b.dashboardNamePrefix(dashboard))
        .dashboardEntries()
        .stream()
        .anyMatch(d -> d.dashboardName().equals(dashboard));
  }

  boolean alarmExists(String alarm) {
    return !cloudWatch.describeAlarms(b -> b.alarmNames(alarm)).metricAlarms().isEmpty();
  }

  boolean bucketExists(String bucket) {
    try {
      s3.headBucket(b -> b.bucket(bucket));
      return true;
    } catch (NoSuchBucketException e) {
      return false;
    }
  }

  boolean databaseExists(String database) {
    try {
      glue.getDatabase(b -> b.name(database));
      return true;
    } catch (EntityNotFoundException e) {
      return false;
    }
  }

  boolean crawlerExists(String crawler) {
    try {
      glue.getCrawler(b -> b.name(crawler));
      return true;
    } catch (EntityNotFoundException e) {
      return false;
    }
  }

  boolean ruleExists(String rule) {
    return events.listRules(b -> b.namePrefix(rule)).rules().stream()
        .anyMatch(r -> r.name().equals(rule));
  }

  int endpointCount(String endpoint) {
    try {
      return dms.describeEndpoints(
              b -> b.filters(Filter.builder().name("endpoint-id").values(endpoint).build()))
          .endpoints()
          .size();
    } catch (software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException e) {
      return 0;
    }
  }

  int taskCount(String task) {
    try {
      return dms.describeReplicationTasks(
              b -> b.filters(Filter.builder().name("replication-task-id").values(task).build()))
          .replicationTasks()
          .size();
    } catch (software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException e) {
      return 0;
    }
  }
}
