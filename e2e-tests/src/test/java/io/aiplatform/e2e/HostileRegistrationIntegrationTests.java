package io.aiplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A registration whose description holds an unpaired surrogate, sent in the middle of a burst of
 * good ones: it is refused at validation, so it never reaches the jobs queue, where (in the
 * emulator) every receive that included it failed and stalled the other systems' jobs. Every good
 * registration of the burst reaches {@code active}.
 */
class HostileRegistrationIntegrationTests extends PlatformIntegrationTest {

  private static final Duration PROVISIONING = Duration.ofSeconds(180);
  private static final int BURST = 8;
  private static final JsonMapper JSON = PlatformApi.JSON;

  @Test
  void aLoneSurrogateIsRefusedAndEveryGoodRegistrationBesideItBecomesActive() throws Exception {
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < BURST; i++) {
      bodies.add(registration("burst", "fine"));
    }
    int hostile = BURST / 2;
    bodies.add(hostile, registration("surrogate", "x\\ud800y"));

    List<HttpResponse<String>> answers = sendAtOnce(bodies);

    HttpResponse<String> refused = answers.get(hostile);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    JsonNode problem = JSON.readTree(refused.body());
    assertThat(problem.get("type").asString())
        .isEqualTo("https://aiplatform.io/problems/validation");
    assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("description");
    List<String> registered = new ArrayList<>();
    for (int i = 0; i < answers.size(); i++) {
      if (i != hostile) {
        assertThat(answers.get(i).statusCode()).as(answers.get(i).body()).isEqualTo(201);
        registered.add(JSON.readTree(answers.get(i).body()).get("system_id").asString());
      }
    }
    for (String id : registered) {
      api.awaitStatus(id, "active", PROVISIONING);
    }
  }

  /** A registration body; the description is JSON text, escapes and all. */
  private static String registration(String base, String description) {
    String name = base + "-" + UUID.randomUUID().toString().substring(0, 8);
    return "{\"system_name\":\"%s\",\"description\":\"%s\"}".formatted(name, description);
  }

  /** All at once, answers in the order of the bodies. */
  private static List<HttpResponse<String>> sendAtOnce(List<String> bodies) throws Exception {
    List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
    for (String body : bodies) {
      calls.add(() -> api.call("POST", "/admin/systems", body));
    }
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : pool.invokeAll(calls)) {
        answers.add(answer.get());
      }
      return answers;
    } finally {
      pool.shutdown();
    }
  }
}
