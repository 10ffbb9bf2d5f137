package io.aiplatform.api.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aiplatform.api.support.Api;
import io.aiplatform.api.support.ApiIntegrationTest;
import io.aiplatform.api.support.FakeWorker;
import io.aiplatform.api.support.JobsOnQueue;
import io.aiplatform.api.support.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A route ({@code METHOD path}) of the platform API belongs to one live system at most. */
class RouteOwnershipIntegrationTests extends ApiIntegrationTest {

  private static final String ROUTE_TAKEN = "https://aiplatform.io/problems/route-taken";

  private final String token = TestTokens.admin();

  @Test
  void aRegistrationOfARouteAnotherSystemOwnsIs409NamingItAndStoresNothing() {
    String route = "/shared-" + UUID.randomUUID();
    String owner = register(uniqueName("owner"), route).json().get("system_id").asString();
    Map<String, Integer> before = counts();
    String name = uniqueName("second");

    Api.Response refused = register(name, route);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("type").asString()).isEqualTo(ROUTE_TAKEN);
    assertThat(refused.json().get("detail").asString()).contains("GET " + route, owner);
    assertThat(refused.json().get("errors").get(0).get("field").asString())
        .isEqualTo("endpoints[1]");
    assertThat(counts()).isEqualTo(before);
    assertThat(JobsOnQueue.mentioning(name)).isEmpty();
  }

  @Test
  void aRouteListedTwiceInOneRequestIs400() {
    String body =
        """
        {"system_name":"%s","endpoints":[{"path":"/twice","method":"GET"},
                                        {"path":"/twice","method":"POST"},
                                        {"path":"/twice","method":"GET"}]}
        """
            .formatted(uniqueName("twice"));

    Api.Response response = api.post("/admin/systems", token, body);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").get(0).get("field").asString())
        .isEqualTo("endpoints[2]");
  }

  @Test
  void aChangeToARouteAnotherSystemOwnsIs409AndChangesNothing() {
    String route = "/taken-" + UUID.randomUUID();
    register(uniqueName("holder"), route);
    String name = uniqueName("changer");
    String id = register(name, "/" + name).json().get("system_id").asString();
    FakeWorker.succeed(FakeWorker.awaitJob(id, 1));
    awaitStatus(id, "active");
    String etag = api.get("/admin/systems/" + id, token).header("ETag");

    Api.Response refused =
        api.patch(
            "/admin/systems/" + id,
            token,
            etag,
            "{\"endpoints\":[{\"path\":\"" + route + "\",\"method\":\"GET\"}]}");

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("type").asString()).isEqualTo(ROUTE_TAKEN);
    assertThat(api.get("/admin/systems/" + id, token).header("ETag")).isEqualTo(etag);
    assertThat(FakeWorker.jobs(id)).hasSize(1);
  }

  @Test
  void ofConcurrentRegistrationsOfOneRouteExactlyOneWinsAndOnlyItsJobIsQueued() throws Exception {
    String route = "/raced-" + UUID.randomUUID();
    int racers = 8;
    CyclicBarrier start = new CyclicBarrier(racers);
    List<String> names = new ArrayList<>();
    List<CompletableFuture<Api.Response>> answers = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    for (int i = 0; i < racers; i++) {
      String name = uniqueName("racer");
      names.add(name);
      answers.add(
          CompletableFuture.supplyAsync(
              () -> {
                arrive(start);
                return register(name, route);
              },
              pool));
    }

    List<Api.Response> responses = answers.stream().map(CompletableFuture::join).toList();
    pool.shutdown();
    assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
    assertThat(responses)
        .filteredOn(r -> r.status() == 409)
        .hasSize(racers - 1)
        .allSatisfy(r -> assertThat(r.json().get("type").asString()).isEqualTo(ROUTE_TAKEN));
    JsonNode won = responses.stream().filter(r -> r.status() == 201).findFirst().get().json();
    String winner = won.get("system_name").asString();
    FakeWorker.awaitJob(won.get("system_id").asString(), 1);
    names.stream()
        .filter(n -> !n.equals(winner))
        .forEach(n -> assertThat(JobsOnQueue.mentioning(n)).as(n).isEmpty());
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM systems WHERE system_name = ANY (?)",
                Integer.class,
                (Object) names.toArray(String[]::new)))
        .isEqualTo(1);
  }

  @Test
  void aRouteIsFreeAgainOnceItsSystemIsDeletedOrAChangeDroppedIt() {
    String route = "/freed-" + UUID.randomUUID();
    String first = register(uniqueName("first"), route).json().get("system_id").asString();
    FakeWorker.succeed(FakeWorker.awaitJob(first, 1));
    awaitStatus(first, "active");
    String etag = api.get("/admin/systems/" + first, token).header("ETag");
    api.patch("/admin/systems/" + first, token, etag, "{\"endpoints\":[]}");
    assertThat(register(uniqueName("early"), route).status()).isEqualTo(409);

    FakeWorker.succeed(FakeWorker.awaitJob(first, 2));
    awaitStatus(first, "active");

    assertThat(register(uniqueName("later"), route).status()).isEqualTo(201);
  }

  /** A registration with {@code POST <path>} and {@code GET <path>}. */
  private Api.Response register(String name, String path) {
    return api.post(
        "/admin/systems",
        token,
        """
        {"system_name":"%s","endpoints":[{"path":"%s","method":"POST"},
                                        {"path":"%s","method":"GET"}]}
        """
            .formatted(name, path, path));
  }

  private Map<String, Integer> counts() {
    return Map.of(
        "systems", count("systems"),
        "system_events", count("system_events"),
        "system_routes", count("system_routes"),
        "event_publication", count("event_publication"));
  }

  private int count(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
  }

  private JsonNode awaitStatus(String id, String status) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> api.get("/admin/systems/" + id, token).json(),
            s -> status.equals(s.get("status").asString()));
  }

  private static void arrive(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
