package io.aiplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.contracts.ResourceNames;
import io.aiplatform.testsupport.faults.Fault;
import io.aiplatform.testsupport.faults.FaultRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The worker killed with SIGKILL at the worst moments, as {@code e2e-tests} runs it: right after a
 * call took effect in the emulator and before the worker heard the answer. One kill covers every
 * point at once: each system of the test is held at its own point, then the worker dies and a new
 * one takes over.
 */
class WorkerCrashIntegrationTests extends PlatformIntegrationTest {

  private static final Duration CONVERGE = Duration.ofSeconds(120);
  private static final List<String> TABLES = List.of("orders", "customers");

  @Test
  void aWorkerKilledRightAfterAnyCreateAndInsideARollbackAndADeprovisioningConverges()
      throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    // Deprovisioning with data: the raw bucket is emptied, then the worker dies before deleting it.
    String deleted = "crash-" + run + "-del";
    String deletedId = api.register(deleted, TABLES);
    api.awaitStatus(deletedId, "active", CONVERGE);
    ResourceNames deletedNames = names(deleted);
    for (int version = 0; version < 3; version++) {
      emulator.s3.putObject(
          b -> b.bucket(deletedNames.raw()).key("orders.csv"), RequestBody.fromString("v"));
    }
    // Rollback: the errors alarm's name is taken by another system's alarm. (A taken bucket name
    // would now be refused by the registration's pre-checks; alarms are not pre-checked, and the
    // alarm comes after every bucket, so the rollback has all of them to remove.)
    String failing = "crash-" + run + "-rb";
    ResourceNames failingNames = names(failing);
    String otherSystem = UUID.randomUUID().toString();
    emulator.cloudWatch.putMetricAlarm(
        b ->
            b.alarmName(failingNames.errorsAlarm())
                .namespace("AWS/Lambda")
                .metricName("Errors")
                .statistic("Sum")
                .period(60)
                .evaluationPeriods(1)
                .threshold(1.0)
                .comparisonOperator("GreaterThanOrEqualToThreshold")
                .tags(t -> t.key("platform:system-id").value(otherSystem)));

    List<FaultRule> holds = new ArrayList<>();
    Map<String, String> created = new LinkedHashMap<>();
    int point = 0;
    for (CreateCall create : CreateCall.EVERY_KIND) {
      String system = "crash-" + run + "-" + point++;
      holds.add(hold(create.operation(), create.name().apply(names(system))));
      created.put(system, null);
    }
    holds.add(hold("DeleteBucket", failingNames.curated()));
    holds.add(hold("DeleteObjects", deletedNames.raw()));
    for (String system : created.keySet()) {
      created.put(system, api.register(system, TABLES));
    }
    String failingId = api.register(failing, TABLES);
    assertThat(
            api.call("DELETE", "/admin/systems/" + deletedId + "?delete_data=true", null)
                .statusCode())
        .isEqualTo(202);

    CompletableFuture.allOf(holds.stream().map(FaultRule::fired).toArray(CompletableFuture[]::new))
        .get(CONVERGE.toSeconds(), TimeUnit.SECONDS);
    platform.killWorker();
    holds.forEach(FaultRule::release);
    platform.restartWorker();

    for (var system : created.entrySet()) {
      api.awaitStatus(system.getValue(), "active", CONVERGE);
      emulator.assertOwnedOnce(names(system.getKey()), system.getValue(), true);
    }
    api.awaitStatus(deletedId, "deleted", CONVERGE);
    emulator.assertBucketsGone(deletedNames);
    var failed = api.awaitStatus(failingId, "provisioning_failed", CONVERGE);
    assertThat(failed.toString()).contains("ForeignResource");
    var theirs = emulator.cloudWatch.describeAlarms(b -> b.alarmNames(failingNames.errorsAlarm()));
    assertThat(theirs.metricAlarms()).hasSize(1);
    assertThat(
            emulator
                .cloudWatch
                .listTagsForResource(b -> b.resourceARN(theirs.metricAlarms().get(0).alarmArn()))
                .tags())
        .anyMatch(t -> t.key().equals("platform:system-id") && t.value().equals(otherSystem));
    for (String bucket : failingNames.buckets()) {
      assertThat(emulator.s3.listBuckets().buckets()).noneMatch(b -> b.name().equals(bucket));
    }
  }

  private static FaultRule hold(String operation, String name) {
    return platform.workerAws.on(operation, name, Fault.HOLD_ANSWER);
  }
}
