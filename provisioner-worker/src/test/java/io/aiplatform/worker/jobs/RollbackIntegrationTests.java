package io.aiplatform.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningResult;
import io.aiplatform.contracts.ProvisioningResult.Outcome;
import io.aiplatform.contracts.ResourceNames;
import io.aiplatform.contracts.ResourceResult;
import io.aiplatform.contracts.ResourceResult.Action;
import io.aiplatform.contracts.ResourceResult.Status;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Exception;

class RollbackIntegrationTests extends WorkerIntegrationTest {

  @Test
  void aBucketNameTakenByAnUntaggedBucketFailsTheJobAndLeavesThatBucketAlone() {
    ProvisioningJob job = provisionJob(List.of("orders"));
    ResourceNames names = names(job);
    s3.createBucket(b -> b.bucket(names.prod()));
    s3.putObject(b -> b.bucket(names.prod()).key("theirs.txt"), RequestBody.fromString("theirs"));

    send(job);
    ProvisioningResult result = awaitResults(job, 1).get(0);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.errorSummary())
        .startsWith("S3_BUCKET " + names.prod() + " failed: ForeignResource");
    assertThat(result.resources())
        .extracting(ResourceResult::name, ResourceResult::action, ResourceResult::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(names.raw(), Action.ROLLED_BACK, Status.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple(
                names.curated(), Action.ROLLED_BACK, Status.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple(names.prod(), Action.NONE, Status.FAILED));
    assertThat(existence(job))
        .containsEntry(names.prod(), true)
        .containsEntry(names.raw(), false)
        .containsEntry(names.curated(), false);
    assertThat(existence(job).values().stream().filter(e -> e)).hasSize(1);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(names.prod()).key("theirs.txt")).asUtf8String())
        .isEqualTo("theirs");
    assertThatThrownBy(() -> s3.getBucketTagging(b -> b.bucket(names.prod())))
        .isInstanceOfSatisfying(
            S3Exception.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchTagSet"));
    assertThat(result.infrastructure()).isNull();
  }

  @ParameterizedTest(name = "{0} of the {1} fails with {3}")
  @CsvSource({
    "CreateBucket, curated, 403, AccessDenied, 1",
    "PutBucketTagging, curated, 403, AccessDenied, 2",
    "PutBucketEncryption, prod, 400, KMS.NotFoundException, 3",
    "CreateDatabase, glueDatabase, 400, AccessDeniedException, 3",
    "CreateCrawler, crawler, 400, ResourceNumberLimitExceededException, 4",
    "PutRule, rule, 400, LimitExceededException, 5",
    "CreateEndpoint, dmsEndpoint, 400, InvalidParameterValueException, 6",
    "CreateReplicationTask, dmsTask, 400, AccessDeniedFault, 7",
    "CreateLogGroup, logGroup, 400, AccessDeniedException, 8",
    "CreateFunction, function, 400, InvalidParameterValueException, 9",
    "PutDashboard, dashboard, 400, InvalidParameterInput, 10",
    "PutMetricAlarm, errorsAlarm, 400, LimitExceeded, 11",
  })
  void aPermanentFailureAtAStepRollsBackEverythingTheJobCreated(
      String operation, String resource, int status, String code, int createdBefore) {
    ProvisioningJob job = provisionJob(List.of("orders"));
    ResourceNames names = names(job);
    String failing = NAME_OF.get(resource).apply(names);
    faults.fail(operation, failing, 1, status, code);

    send(job);
    ProvisioningResult result = awaitResults(job, 1).get(0);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.errorSummary())
        .contains(failing + " failed: " + code)
        .contains("injected-" + code + "-request");
    ResourceResult failed =
        result.resources().stream().filter(r -> r.name().equals(failing)).findFirst().orElseThrow();
    assertThat(failed.error().code()).isEqualTo(code);
    assertThat(failed.error().requestId()).isEqualTo("injected-" + code + "-request");
    assertThat(result.resources())
        .filteredOn(r -> r.action() == Action.ROLLED_BACK && r.status() == Status.SUCCEEDED)
        .hasSize(createdBefore);
    assertThat(existence(job)).doesNotContainValue(true);
  }

  private static final Map<String, Function<ResourceNames, String>> NAME_OF =
      Map.ofEntries(
          Map.entry("curated", ResourceNames::curated),
          Map.entry("prod", ResourceNames::prod),
          Map.entry("glueDatabase", ResourceNames::glueDatabase),
          Map.entry("crawler", ResourceNames::crawler),
          Map.entry("rule", ResourceNames::rule),
          Map.entry("dmsEndpoint", ResourceNames::dmsEndpoint),
          Map.entry("dmsTask", ResourceNames::dmsTask),
          Map.entry("logGroup", ResourceNames::logGroup),
          Map.entry("function", ResourceNames::function),
          Map.entry("dashboard", ResourceNames::dashboard),
          Map.entry("errorsAlarm", ResourceNames::errorsAlarm));
}
