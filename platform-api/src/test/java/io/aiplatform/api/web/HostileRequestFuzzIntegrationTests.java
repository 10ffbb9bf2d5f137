package io.aiplatform.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.api.support.ApiIntegrationTest;
import io.aiplatform.api.support.RawHttp;
import io.aiplatform.api.support.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A few hundred generated hostile requests, from a fixed seed, to every endpoint: none may be
 * answered 5xx, and every refusal must be {@code application/problem+json} of a documented type.
 * The generator is {@link HostileRequests}; a failure names the request, so it can be replayed.
 */
class HostileRequestFuzzIntegrationTests extends ApiIntegrationTest {

  private static final long SEED = Long.getLong("fuzz.seed", 13);
  private static final int REQUESTS = Integer.getInteger("fuzz.requests", 400);
  private static final Set<String> DOCUMENTED_TYPES =
      Set.of(
          ProblemTypes.VALIDATION,
          ProblemTypes.MALFORMED,
          ProblemTypes.PAYLOAD_TOO_LARGE,
          ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
          ProblemTypes.NOT_ACCEPTABLE,
          ProblemTypes.NOT_FOUND,
          ProblemTypes.METHOD_NOT_ALLOWED,
          ProblemTypes.DUPLICATE_NAME,
          ProblemTypes.ROUTE_TAKEN,
          ProblemTypes.PRECONDITION_REQUIRED,
          ProblemTypes.PRECONDITION_FAILED,
          ProblemTypes.INVALID_STATE,
          ProblemTypes.IDEMPOTENCY_KEY_REUSED,
          ProblemTypes.UNAUTHORIZED,
          ProblemTypes.FORBIDDEN);

  @Test
  void noGeneratedRequestGetsA5xxAndEveryRefusalIsADocumentedProblem() {
    String existing =
        api.post("/admin/systems", TestTokens.admin(), registration(uniqueName("fuzz-target")))
            .json()
            .get("system_id")
            .asString();
    HostileRequests generator = new HostileRequests(new Random(SEED), existing);
    RawHttp http = new RawHttp(port);
    List<String> failures = new ArrayList<>();
    Map<Integer, Integer> byStatus = new TreeMap<>();

    for (int i = 0; i < REQUESTS; i++) {
      HostileRequests.Generated request = generator.next();
      RawHttp.Response response = http.send(request.bytes());
      byStatus.merge(response.status(), 1, Integer::sum);
      String problem = problemWith(request.method(), response);
      if (problem != null) {
        failures.add("#" + i + " " + request.summary() + " -> " + problem);
      }
    }

    System.out.println(
        "Fuzz (seed " + SEED + ", " + REQUESTS + " requests), by status: " + byStatus);
    assertThat(failures).isEmpty();
    assertThat(byStatus.keySet()).as("the generator reaches past validation").contains(200, 400);
  }

  /** What is wrong with the answer, or null when it is acceptable. */
  private static String problemWith(String method, RawHttp.Response response) {
    int status = response.status();
    if (status >= 500) {
      return status + " " + response.text();
    }
    if (status < 400) {
      return null;
    }
    if (!response.isProblem()) {
      return status + " not problem+json: " + response.header("Content-Type");
    }
    if (method.equals("HEAD")) {
      return null; // the same answer as GET, without its body
    }
    String type = response.json().path("type").asString("");
    if (!DOCUMENTED_TYPES.contains(type) || response.json().path("status").asInt() != status) {
      return status + " undocumented problem: " + response.text();
    }
    return null;
  }
}
