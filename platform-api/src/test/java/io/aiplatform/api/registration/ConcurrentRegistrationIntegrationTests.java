package io.aiplatform.api.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.api.support.Api;
import io.aiplatform.api.support.ApiIntegrationTest;
import io.aiplatform.api.support.TestTokens;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Racing requests never register a system twice. */
class ConcurrentRegistrationIntegrationTests extends ApiIntegrationTest {

  private static final int RACERS = 6;

  @Test
  void racingRegistrationsOfOneNameRegisterItOnce() throws Exception {
    String name = uniqueName("race");
    String token = TestTokens.admin();

    List<Api.Response> responses =
        race(() -> api.post("/admin/systems", token, registration(name)));

    assertThat(responses).extracting(Api.Response::status).containsOnly(201, 409);
    assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
    assertThat(systemsNamed(name)).isEqualTo(1);
  }

  @Test
  void racingRetriesWithOneIdempotencyKeyRegisterOnceAndAgreeOnTheSystem() throws Exception {
    String name = uniqueName("race-key");
    String token = TestTokens.admin();
    String key = UUID.randomUUID().toString();

    List<Api.Response> responses =
        race(
            () ->
                api.send(
                    api.request("/admin/systems", token)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(registration(name)))));

    // A request that found the key claimed by one still in flight is told to send it again (409);
    // one that came after the first committed gets its answer replayed (201). Whether any 409
    // occurs depends on timing, so it is allowed, not required.
    assertThat(responses).extracting(Api.Response::status).isSubsetOf(201, 409);
    assertThat(
            responses.stream()
                .filter(r -> r.status() == 201)
                .map(r -> r.json().get("system_id").asString())
                .distinct())
        .hasSize(1);
    assertThat(systemsNamed(name)).isEqualTo(1);
  }

  private static List<Api.Response> race(Callable<Api.Response> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    try {
      List<Future<Api.Response>> futures =
          IntStream.range(0, RACERS).mapToObj(i -> pool.submit(call)).toList();
      var responses = new java.util.ArrayList<Api.Response>();
      for (Future<Api.Response> f : futures) {
        responses.add(f.get());
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }
}
