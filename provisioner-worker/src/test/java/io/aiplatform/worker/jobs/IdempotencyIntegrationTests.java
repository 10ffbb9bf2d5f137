package io.aiplatform.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.contracts.ProvisioningJob;
import io.aiplatform.contracts.ProvisioningResult;
import io.aiplatform.contracts.ProvisioningResult.Outcome;
import io.aiplatform.contracts.ResourceNames;
import io.aiplatform.contracts.ResourceResult;
import io.aiplatform.contracts.ResourceResult.Action;
import io.aiplatform.worker.provisioning.Delivery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.databasemigration.model.Filter;

class IdempotencyIntegrationTests extends WorkerIntegrationTest {

  @Autowired JobHandler handler;

  @Test
  void theSameJobDeliveredThreeTimesConvergesOnOneSetOfResources() {
    ProvisioningJob job = provisionJob(List.of("orders"));
    ResourceNames names = names(job);

    // Distinct deduplication ids: SQS would otherwise swallow the repeats as duplicates.
    send(job, "first");
    send(job, "second");
    send(job, "third");
    List<ProvisioningResult> results = awaitResults(job, 3);

    assertThat(results).extracting(ProvisioningResult::outcome).containsOnly(Outcome.SUCCEEDED);
    assertThat(actions(results.get(0))).containsOnly(Action.CREATED).hasSize(12);
    assertThat(actions(results.get(1))).containsOnly(Action.EXISTING).hasSize(12);
    assertThat(actions(results.get(2))).containsOnly(Action.EXISTING).hasSize(12);
    assertThat(results)
        .extracting(ProvisioningResult::infrastructure)
        .containsOnly(results.get(0).infrastructure());
    assertOneSetOfResources(names);
  }

  @Test
  void concurrentDeliveriesOfOneJobCreateEachResourceOnce() throws Exception {
    ProvisioningJob job = provisionJob(List.of("orders", "returns"));
    ExecutorService pool = Executors.newFixedThreadPool(3);
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<ProvisioningResult>> deliveries;
    try {
      deliveries =
          IntStream.range(0, 3)
              .mapToObj(
                  i ->
                      CompletableFuture.supplyAsync(
                          () -> {
                            await(start);
                            return handler.handle(job, new Delivery(1, false));
                          },
                          pool))
              .toList();
      start.countDown();
      CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new)).join();
    } finally {
      pool.shutdown();
    }

    List<ProvisioningResult> results = deliveries.stream().map(CompletableFuture::join).toList();
    assertThat(results).extracting(ProvisioningResult::outcome).containsOnly(Outcome.SUCCEEDED);
    Map<String, Long> createdPerResource = new LinkedHashMap<>();
    results.stream()
        .flatMap(r -> r.resources().stream())
        .filter(r -> r.action() == Action.CREATED)
        .forEach(r -> createdPerResource.merge(r.name(), 1L, Long::sum));
    assertThat(createdPerResource).hasSize(12).containsOnlyKeys(existence(job).keySet());
    assertThat(createdPerResource.values()).containsOnly(1L);
    assertOneSetOfResources(names(job));
  }

  private void assertOneSetOfResources(ResourceNames names) {
    assertThat(emulator().existence(names))
        .containsOnly(
            Map.entry(names.raw(), true),
            Map.entry(names.curated(), true),
            Map.entry(names.prod(), true),
            Map.entry(names.glueDatabase(), true),
            Map.entry(names.crawler(), true),
            Map.entry(names.rule(), true),
            Map.entry(names.dmsEndpoint(), true),
            Map.entry(names.dmsTask(), true),
            Map.entry(names.logGroup(), true),
            Map.entry(names.function(), true),
            Map.entry(names.dashboard(), true),
            Map.entry(names.errorsAlarm(), true));
    assertThat(emulator().endpointCount(names.dmsEndpoint())).isEqualTo(1);
    assertThat(emulator().taskCount(names.dmsTask())).isEqualTo(1);
    assertThat(events.listTargetsByRule(b -> b.rule(names.rule())).targets()).hasSize(1);
    assertThat(
            dms.describeEndpoints(
                    b -> b.filters(Filter.builder().name("endpoint-type").values("target").build()))
                .endpoints())
        .filteredOn(e -> e.s3Settings() != null && names.raw().equals(e.s3Settings().bucketName()))
        .hasSize(1);
  }

  private static List<Action> actions(ProvisioningResult result) {
    return result.resources().stream().map(ResourceResult::action).toList();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
