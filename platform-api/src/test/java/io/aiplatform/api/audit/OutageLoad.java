package io.aiplatform.api.audit;

import io.aiplatform.api.support.Api;
import io.aiplatform.api.support.TestQueues;
import io.aiplatform.api.support.TestTokens;
import io.aiplatform.testsupport.BackingServices;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * Clients that keep registering, listing, reading and being refused while a test breaks the
 * database, recording every answer with its request id and how long it took.
 */
final class OutageLoad implements AutoCloseable {

  private static final int CLIENTS = 6;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** One answer the API gave. */
  record Answer(
      String requestId,
      String kind,
      int status,
      String type,
      String retryAfter,
      Duration took,
      String systemId) {}

  private final String base;
  private final String token = TestTokens.admin();
  private final List<Answer> answers = new CopyOnWriteArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean();
  private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);

  OutageLoad(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** The API's settings besides the database: emulator, queues of its own, test tokens. */
  static Map<String, Object> settings() {
    Map<String, Object> settings = new HashMap<>(BackingServices.awsProperties());
    settings.putAll(TestQueues.createOwn("outage-" + UUID.randomUUID().toString().substring(0, 8)));
    settings.put("platform.api.security.issuer", TestTokens.ISSUER);
    settings.put(
        "platform.api.security.public-key-location",
        "file:" + TestTokens.publicKeyPem().toAbsolutePath());
    settings.put("platform.api.security.allowed-client-ids", TestTokens.CLIENT);
    settings.put("platform.api.security.read-scope", TestTokens.READ);
    settings.put("platform.api.security.write-scope", TestTokens.WRITE);
    settings.put("spring.cloud.aws.sqs.listener.poll-timeout", "1s");
    return settings;
  }

  /** Keeps the clients going until the answers so far satisfy the condition. */
  void runUntil(Predicate<List<Answer>> condition) {
    if (running.compareAndSet(false, true)) {
      for (int i = 0; i < CLIENTS; i++) {
        int client = i;
        clients.submit(() -> loop(client));
      }
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> condition.test(List.copyOf(answers)));
  }

  int answered() {
    return answers.size();
  }

  /** Stops the clients and returns every answer, in the order they arrived. */
  List<Answer> stop() {
    running.set(false);
    clients.shutdown();
    try {
      clients.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new ArrayList<>(answers);
  }

  @Override
  public void close() {
    running.set(false);
    clients.shutdownNow();
  }

  private void loop(int client) {
    for (int n = client; running.get(); n++) {
      answers.add(
          switch (n % 5) {
            case 0 -> send("register", post(registration()));
            case 1 -> send("list", get("/admin/systems?limit=5").header("Authorization", bearer()));
            case 2 ->
                send(
                    "read",
                    get("/admin/systems/" + UUID.randomUUID()).header("Authorization", bearer()));
            case 3 -> send("audit", get("/admin/audit?limit=1").header("Authorization", bearer()));
            default -> send("refused", get("/admin/systems"));
          });
    }
  }

  private Answer send(String kind, HttpRequest.Builder request) {
    String requestId = kind + "-" + UUID.randomUUID();
    long start = System.nanoTime();
    try {
      HttpResponse<String> response =
          HTTP.send(
              request.header("X-Request-Id", requestId).timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      var body = response.body().isEmpty() ? null : Api.json().readTree(response.body());
      return new Answer(
          requestId,
          kind,
          response.statusCode(),
          body == null ? null : body.path("type").asString(null),
          response.headers().firstValue("Retry-After").orElse(null),
          took,
          body == null ? null : body.path("system_id").asString(null));
    } catch (IOException e) {
      // No answer at all (status 0): the test fails on it, with what happened.
      return new Answer(
          requestId,
          kind,
          0,
          e.toString(),
          null,
          Duration.ofNanos(System.nanoTime() - start),
          null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).GET();
  }

  private HttpRequest.Builder post(String body) {
    return HttpRequest.newBuilder(URI.create(base + "/admin/systems"))
        .header("Authorization", bearer())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private String bearer() {
    return "Bearer " + token;
  }

  private static String registration() {
    return "{\"system_name\":\"outage-%s\",\"data_sources\":[\"orders\"]}"
        .formatted(UUID.randomUUID().toString().substring(0, 8));
  }
}
