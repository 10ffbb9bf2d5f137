package io.aiplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.testsupport.faults.Fault;
import io.aiplatform.testsupport.faults.FaultProxy;
import io.aiplatform.testsupport.faults.FaultRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The worker's AWS calls refused and their answers lost by the fault proxy, as AWS does under load:
 * every system still becomes active, with each resource once and tagged as its own.
 */
class WorkerFaultsIntegrationTests extends PlatformIntegrationTest {

  private static final Duration CONVERGE = Duration.ofSeconds(120);
  private static final List<String> TABLES = List.of("orders", "customers");

  @Test
  void aLostAnswerToTheCreateOfEveryKindOfResourceConverges() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    List<String> systems = new ArrayList<>();
    List<FaultRule> rules = new ArrayList<>();
    for (CreateCall create : CreateCall.EVERY_KIND) {
      String system = "lost-" + run + "-" + systems.size();
      rules.add(
          platform.workerAws.on(
              create.operation(), create.name().apply(names(system)), Fault.LOSE_ANSWER));
      systems.add(system);
    }
    String tagged = "lost-" + run + "-tag";
    rules.add(
        platform.workerAws.on("PutBucketTagging", names(tagged).curated(), Fault.LOSE_ANSWER));
    systems.add(tagged);

    assertEveryOneActiveAndOwnedOnce(registerAll(systems));
    assertThat(rules).allSatisfy(rule -> assertThat(rule.fired()).as(rule.toString()).isDone());
  }

  @Test
  void withAFifthOfTheWorkersCallsFailingEverySystemStillBecomesActiveOnce() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    List<String> systems =
        List.of("noisy-" + run + "-a", "noisy-" + run + "-b", "noisy-" + run + "-c");
    // 15 % refused, 5 % answered with a 503 after they took effect; SQS calls included.
    int before = platform.workerAws.calls().size();
    platform.workerAws.randomFaults(42, 0.15, 0.05);
    try {
      assertEveryOneActiveAndOwnedOnce(registerAll(systems));
    } finally {
      platform.workerAws.noRandomFaults();
    }
    List<FaultProxy.Call> calls = platform.workerAws.calls();
    assertThat(calls.subList(before, calls.size()))
        .filteredOn(call -> call.fault() == Fault.REFUSE)
        .hasSizeGreaterThan(5);
    assertThat(calls.subList(before, calls.size()))
        .filteredOn(call -> call.fault() == Fault.LOSE_ANSWER)
        .isNotEmpty();
  }

  private static Map<String, String> registerAll(List<String> systems) throws Exception {
    Map<String, String> ids = new LinkedHashMap<>();
    for (String system : systems) {
      ids.put(system, api.register(system, TABLES));
    }
    return ids;
  }

  private static void assertEveryOneActiveAndOwnedOnce(Map<String, String> ids) throws Exception {
    for (var system : ids.entrySet()) {
      api.awaitStatus(system.getValue(), "active", CONVERGE);
      emulator.assertOwnedOnce(names(system.getKey()), system.getValue(), true);
    }
  }
}
