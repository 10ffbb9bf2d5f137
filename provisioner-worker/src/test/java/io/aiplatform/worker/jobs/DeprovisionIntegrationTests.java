package io.aiplatform.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.contracts.Infrastructure;
import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningResult;
import io.aiplatform.contracts.ProvisioningResult.Outcome;
import io.aiplatform.contracts.ResourceNames;
import io.aiplatform.contracts.ResourceResult;
import io.aiplatform.contracts.ResourceResult.Action;
import io.aiplatform.contracts.ResourceResult.ResourceKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

class DeprovisionIntegrationTests extends WorkerIntegrationTest {

  @Test
  void deprovisioningRetainsTheDataBucketsByDefault() {
    ProvisioningJob provision = provisionJob(List.of("orders"));
    ProvisioningJob deprovision = deprovisionJob(provision, false);
    ResourceNames names = names(provision);

    // Same message group: the queue hands them over in order.
    send(provision);
    send(deprovision);
    assertThat(awaitResults(provision, 1).get(0).outcome()).isEqualTo(Outcome.SUCCEEDED);
    ProvisioningResult result = awaitResults(deprovision, 1).get(0);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.resources())
        .extracting(ResourceResult::name, ResourceResult::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(names.errorsAlarm(), Action.DELETED),
            org.assertj.core.groups.Tuple.tuple(names.dashboard(), Action.DELETED),
            org.assertj.core.groups.Tuple.tuple(names.function(), Action.DELETED),
            org.assertj.core.groups.Tuple.tuple(names.logGroup(), Action.DELETED),
            org.assertj.core.groups.Tuple.tuple(names.dmsTask(), Action.DELETED),
            org.assertj.core.groups.Tuple.tuple(names.dmsEndpoint(), Action.DELETED),
            org.assertj.core.groups.Tuple.tuple(names.rule(), Action.DELETED),
            org.assertj.core.groups.Tuple.tuple(names.crawler(), Action.DELETED),
            org.assertj.core.groups.Tuple.tuple(names.glueDatabase(), Action.DELETED),
            org.assertj.core.groups.Tuple.tuple(names.prod(), Action.RETAINED),
            org.assertj.core.groups.Tuple.tuple(names.curated(), Action.RETAINED),
            org.assertj.core.groups.Tuple.tuple(names.raw(), Action.RETAINED));
    assertThat(existence(provision))
        .containsEntry(names.raw(), true)
        .containsEntry(names.curated(), true)
        .containsEntry(names.prod(), true)
        .containsEntry(names.glueDatabase(), false)
        .containsEntry(names.crawler(), false)
        .containsEntry(names.rule(), false)
        .containsEntry(names.dmsEndpoint(), false)
        .containsEntry(names.dmsTask(), false)
        .containsEntry(names.function(), false)
        .containsEntry(names.logGroup(), false)
        .containsEntry(names.dashboard(), false)
        .containsEntry(names.errorsAlarm(), false);
    assertThat(result.infrastructure().s3Buckets())
        .isEqualTo(new Infrastructure.Buckets(names.raw(), names.curated(), names.prod()));
  }

  @Test
  void deprovisioningWithDeleteDataRemovesEveryObjectVersionAndTheBuckets() {
    ProvisioningJob provision = provisionJob(List.of());
    ResourceNames names = names(provision);
    send(provision);
    assertThat(awaitResults(provision, 1).get(0).outcome()).isEqualTo(Outcome.SUCCEEDED);
    for (String key : List.of("a.json", "b.json", "c/d.json")) {
      for (int version = 1; version <= 3; version++) {
        String body = "{\"v\":" + version + "}";
        s3.putObject(b -> b.bucket(names.raw()).key(key), RequestBody.fromString(body));
      }
    }
    s3.deleteObject(b -> b.bucket(names.raw()).key("a.json"));
    assertThat(s3.listObjectVersions(b -> b.bucket(names.raw())).versions()).hasSize(9);

    ProvisioningJob deprovision = deprovisionJob(provision, true);
    send(deprovision);
    ProvisioningResult result = awaitResults(deprovision, 1).get(0);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.resources())
        .filteredOn(r -> r.kind() == ResourceKind.S3_BUCKET)
        .extracting(ResourceResult::action)
        .containsOnly(Action.DELETED)
        .hasSize(3);
    assertThat(existence(provision)).doesNotContainValue(true);
    assertThat(result.infrastructure().s3Buckets()).isNull();
  }
}
