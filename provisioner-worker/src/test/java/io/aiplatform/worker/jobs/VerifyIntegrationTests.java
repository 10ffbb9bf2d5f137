package io.aiplatform.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.aiplatform.contracts.DriftReport;
import io.aiplatform.contracts.DriftReport.Difference;
import io.aiplatform.contracts.DriftReport.ResourceDrift;
import io.aiplatform.contracts.DriftReport.ResourceStatus;
import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningResult;
import io.aiplatform.contracts.ProvisioningResult.Outcome;
import io.aiplatform.contracts.ResourceNames;
import io.aiplatform.contracts.ResourceResult;
import io.aiplatform.contracts.ResourceResult.Action;
import io.aiplatform.contracts.SystemSpec;
import io.aiplatform.worker.provisioning.Delivery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * Verify jobs against the emulator: resources changed by hand are reported field by field, a repair
 * puts them back, and a resource that another system's tags now claim is never touched.
 */
class VerifyIntegrationTests extends WorkerIntegrationTest {

  private static final String SCHEDULE = "cron(0 */6 * * ? *)";
  private static final String BY_HAND = "cron(0 1 * * ? *)";

  @Autowired JobHandler handler;

  @Test
  void suspendedVersioningADeletedAccessBlockAChangedScheduleAndADeletedRuleAreRepaired() {
    ProvisioningJob provision = provisioned(provisionJob(List.of()));
    ResourceNames names = names(provision);
    s3.putBucketVersioning(
        b ->
            b.bucket(names.raw())
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));
    s3.deletePublicAccessBlock(b -> b.bucket(names.raw()));
    glue.updateCrawler(b -> b.name(names.crawler()).schedule(BY_HAND));
    events.removeTargets(b -> b.rule(names.rule()).ids("raw-to-curated"));
    events.deleteRule(b -> b.name(names.rule()));

    DriftReport found = verify(provision, false).drift();

    assertThat(found.status()).isEqualTo(DriftReport.Status.DRIFTED);
    assertThat(notInSync(found))
        .containsOnly(
            Map.entry(names.raw(), ResourceStatus.DRIFTED),
            Map.entry(names.crawler(), ResourceStatus.DRIFTED),
            Map.entry(names.rule(), ResourceStatus.MISSING));
    assertThat(entry(found, names.raw()).differences())
        .extracting(Difference::field, Difference::actual)
        .containsExactly(tuple("versioning", "Suspended"), tuple("publicAccessBlock", null));
    assertThat(entry(found, names.crawler()).differences())
        .containsExactly(new Difference("schedule", SCHEDULE, BY_HAND));
    // moto does not answer the EventBridge switch: not compared, rather than always drifted.
    assertThat(entry(found, names.raw()).notCompared())
        .containsExactly("notifications.eventBridge");
    assertThat(versioning(names.raw())).isEqualTo(BucketVersioningStatus.SUSPENDED);

    ProvisioningResult repair = verify(provision, true);

    assertThat(repair.outcome()).as(repair.errorSummary()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(repair.drift().status()).isEqualTo(DriftReport.Status.IN_SYNC);
    assertThat(repair.resources())
        .extracting(ResourceResult::name, ResourceResult::action)
        .containsExactly(
            tuple(names.raw(), Action.UPDATED),
            tuple(names.crawler(), Action.UPDATED),
            tuple(names.rule(), Action.CREATED));
    assertThat(versioning(names.raw())).isEqualTo(BucketVersioningStatus.ENABLED);
    assertThat(publicAccessBlock(names.raw()))
        .extracting(
            PublicAccessBlockConfiguration::blockPublicAcls,
            PublicAccessBlockConfiguration::ignorePublicAcls,
            PublicAccessBlockConfiguration::blockPublicPolicy,
            PublicAccessBlockConfiguration::restrictPublicBuckets)
        .containsOnly(true);
    assertThat(schedule(names)).isEqualTo(SCHEDULE);
    assertThat(events.listTargetsByRule(b -> b.rule(names.rule())).targets())
        .extracting(t -> t.arn())
        .containsExactly(ENV.targetArn());
    String ruleArn = events.describeRule(b -> b.name(names.rule())).arn();
    assertThat(events.listTagsForResource(b -> b.resourceARN(ruleArn)).tags())
        .anyMatch(
            t ->
                t.key().equals("platform:system-id")
                    && t.value().equals(provision.systemId().toString()));

    assertThat(verify(provision, false).drift().status()).isEqualTo(DriftReport.Status.IN_SYNC);
  }

  @Test
  void aCrawlerNowTaggedForAnotherSystemIsReportedDriftedAndNeverRepaired() {
    ProvisioningJob provision = provisioned(provisionJob(List.of()));
    ResourceNames names = names(provision);
    String other = UUID.randomUUID().toString();
    String crawlerArn = "arn:aws:glue:us-east-1:123456789012:crawler/" + names.crawler();
    glue.tagResource(b -> b.resourceArn(crawlerArn).tagsToAdd(Map.of("platform:system-id", other)));
    glue.updateCrawler(b -> b.name(names.crawler()).schedule(BY_HAND));
    int callsBefore = faults.callsMentioning(names.crawler()).size();

    ProvisioningResult result = verify(provision, true);

    ResourceDrift crawler = entry(result.drift(), names.crawler());
    assertThat(crawler.status()).isEqualTo(ResourceStatus.DRIFTED);
    assertThat(crawler.repaired()).isFalse();
    assertThat(crawler.differences())
        .containsExactly(
            new Difference("tags.platform:system-id", provision.systemId().toString(), other));
    assertThat(result.drift().status()).isEqualTo(DriftReport.Status.DRIFTED);
    assertThat(result.resources()).isEmpty();
    assertThat(schedule(names)).isEqualTo(BY_HAND);
    assertThat(glue.getTags(b -> b.resourceArn(crawlerArn)).tags())
        .containsEntry("platform:system-id", other);
    List<Faults.Call> calls = faults.callsMentioning(names.crawler());
    assertThat(calls.subList(callsBefore, calls.size()))
        .extracting(Faults.Call::operation)
        .allMatch(operation -> operation.startsWith("Get"));
  }

  @Test
  void theRuntimeIsComparedToo_aChangedMemoryAnOpenRouteAndADeletedAlarmAreRepaired() {
    List<SystemSpec.Endpoint> endpoints = List.of(new SystemSpec.Endpoint("/orders", "GET"));
    ProvisioningJob provision =
        provisioned(provisionJob(List.of(), endpoints, new SystemSpec.LambdaConfig(512, 30, null)));
    ResourceNames names = names(provision);
    String route = provision.spec().endpoints().get(0).routeKey();
    lambda.updateFunctionConfiguration(b -> b.functionName(names.function()).memorySize(1024));
    String routeId =
        apiGateway.getRoutes(b -> b.apiId(ENV.apiId())).items().stream()
            .filter(r -> r.routeKey().equals(route))
            .findFirst()
            .orElseThrow()
            .routeId();
    apiGateway.updateRoute(
        b -> b.apiId(ENV.apiId()).routeId(routeId).authorizationType("NONE").authorizerId(""));
    cloudWatch.deleteAlarms(b -> b.alarmNames(names.errorsAlarm()));

    DriftReport found = verify(provision, true).drift();

    assertThat(notInSync(found))
        .containsOnly(
            Map.entry(names.function(), ResourceStatus.DRIFTED),
            Map.entry(route, ResourceStatus.DRIFTED),
            Map.entry(names.errorsAlarm(), ResourceStatus.MISSING));
    assertThat(entry(found, names.function()).differences())
        .containsExactly(new Difference("memory", "512", "1024"));
    assertThat(entry(found, route).differences())
        .extracting(Difference::field)
        .contains("authorizationType");
    assertThat(found.status()).isEqualTo(DriftReport.Status.IN_SYNC);
    assertThat(
            lambda.getFunction(b -> b.functionName(names.function())).configuration().memorySize())
        .isEqualTo(512);
    assertThat(emulator().alarmExists(names.errorsAlarm())).isTrue();
    assertThat(verify(provision, false).drift().status()).isEqualTo(DriftReport.Status.IN_SYNC);
  }

  @Test
  void verifyingAReplicatingSystemWithEndpointsFindsItInSyncWithReadCallsOnly() {
    List<SystemSpec.Endpoint> endpoints =
        List.of(
            new SystemSpec.Endpoint("/orders", "GET"), new SystemSpec.Endpoint("/orders", "POST"));
    ProvisioningJob provision =
        provisioned(provisionJob(List.of("orders", "customers"), endpoints, null));
    int before = faults.callsOnThisThread().size();

    // On this thread, so that the interceptor's calls of this thread are exactly the job's.
    ProvisioningResult result = handler.handle(verifyJob(provision, false), new Delivery(1, false));

    List<Faults.Call> calls = faults.callsOnThisThread();
    calls = calls.subList(before, calls.size());
    assertThat(result.outcome()).as(result.errorSummary()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(notInSync(result.drift())).isEmpty();
    assertThat(result.drift().resources()).hasSize(17);
    assertThat(calls)
        .extracting(Faults.Call::operation)
        .allMatch(op -> op.startsWith("Get") || op.startsWith("List") || op.startsWith("Describe"));
    Map<String, Long> byOperation =
        calls.stream()
            .collect(
                Collectors.groupingBy(
                    c -> c.service() + ":" + c.operation(), TreeMap::new, Collectors.counting()));
    System.out.printf(
        "VERIFY read calls per system (%d resources: 3 buckets, Glue, rule, DMS endpoint and task,"
            + " log group, function, integration, permission, 2 routes, dashboard, 2 alarms): %d%n"
            + "  by operation: %s%n",
        result.drift().resources().size(), calls.size(), byOperation);
    assertThat(calls).hasSizeLessThanOrEqualTo(40);
  }

  private ProvisioningJob provisioned(ProvisioningJob provision) {
    send(provision);
    ProvisioningResult result = awaitResults(provision, 1).get(0);
    assertThat(result.outcome()).as(result.errorSummary()).isEqualTo(Outcome.SUCCEEDED);
    return provision;
  }

  /** Sends a verify job through the queue, as platform-api does, and waits for its result. */
  private ProvisioningResult verify(ProvisioningJob provisioned, boolean repair) {
    ProvisioningJob verify = verifyJob(provisioned, repair);
    send(verify);
    ProvisioningResult result = awaitResults(verify, 1).get(0);
    assertThat(result.kind()).isEqualTo(ProvisioningJob.Kind.VERIFY);
    assertThat(result.infrastructure()).isNull();
    return result;
  }

  private static ProvisioningJob verifyJob(ProvisioningJob provisioned, boolean repair) {
    return new ProvisioningJob(
        ProvisioningJob.SCHEMA_VERSION,
        UUID.randomUUID(),
        provisioned.systemId(),
        ProvisioningJob.Kind.VERIFY,
        provisioned.generation(),
        provisioned.spec(),
        false,
        "it",
        Instant.now(),
        null,
        repair);
  }

  private static Map<String, ResourceStatus> notInSync(DriftReport report) {
    return report.resources().stream()
        .filter(r -> r.status() != ResourceStatus.IN_SYNC)
        .collect(Collectors.toMap(ResourceDrift::name, ResourceDrift::status));
  }

  private static ResourceDrift entry(DriftReport report, String name) {
    return report.resources().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  private BucketVersioningStatus versioning(String bucket) {
    return s3.getBucketVersioning(b -> b.bucket(bucket)).status();
  }

  private PublicAccessBlockConfiguration publicAccessBlock(String bucket) {
    return s3.getPublicAccessBlock(b -> b.bucket(bucket)).publicAccessBlockConfiguration();
  }

  private String schedule(ResourceNames names) {
    return glue.getCrawler(b -> b.name(names.crawler())).crawler().schedule().scheduleExpression();
  }
}
