package io.aiplatform.testsupport.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * An HTTP proxy in front of the AWS emulator that injects the faults the emulator cannot produce,
 * at the HTTP layer where AWS produces them: a refused call (503, nothing done), a lost answer (the
 * call took effect, the caller hears 503), an answer held back (the call took effect, the caller
 * hears nothing, as when its process dies). Faults come from one-shot rules matching an operation
 * and a string in the request, or at random with a fixed seed. Every call is counted per operation.
 *
 * <p>Run beside a stack ({@link #main}), it is steered over HTTP: {@code GET /fault-proxy/calls}
 * lists the counts, {@code POST /fault-proxy/reset} clears them, {@code POST
 * /fault-proxy/faults?refuse=0.15&lose=0.05&seed=42} starts random faults and {@code
 * refuse=0&lose=0} stops them.
 *
 * <p>Hand-written because no library offers fault injection per AWS operation; it needs only the
 * JDK, so {@link #main} runs it beside the stack for the benchmarks.
 */
public final class FaultProxy implements AutoCloseable {

  private static final Set<String> HOP_BY_HOP =
      Set.of("host", "connection", "content-length", "expect", "upgrade", "transfer-encoding");

  private final URI target;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private volatile RandomFaults random;

  /** One call that went through the proxy, and what the proxy did with it. */
  public record Call(AwsOperation operation, String request, Fault fault) {}

  private record RandomFaults(Random random, double refuse, double lose) {
    synchronized Fault draw() {
      double roll = random.nextDouble();
      return roll < refuse ? Fault.REFUSE : roll < refuse + lose ? Fault.LOSE_ANSWER : null;
    }
  }

  private FaultProxy(URI target, HttpServer server) {
    this.target = target;
    this.server = server;
  }

  /** A proxy on a free loopback port in front of {@code target}. */
  public static FaultProxy start(String target) throws IOException {
    return start(target, 0);
  }

  /** A proxy on {@code port} (0: a free one) in front of {@code target}. */
  public static FaultProxy start(String target, int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
    FaultProxy proxy = new FaultProxy(URI.create(target.replaceFirst("/$", "")), server);
    server.setExecutor(proxy.threads);
    server.createContext("/", proxy::handle);
    server.start();
    return proxy;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * Applies {@code fault} to the next call of {@code operation} whose request has {@code marker}.
   */
  public FaultRule on(String operation, String marker, Fault fault) {
    FaultRule rule = new FaultRule(operation, marker, fault);
    rules.add(rule);
    return rule;
  }

  /** From now on refuses a share of the calls and loses the answer of another share. */
  public void randomFaults(long seed, double refuse, double lose) {
    random = new RandomFaults(new Random(seed), refuse, lose);
  }

  public void noRandomFaults() {
    random = null;
  }

  /** Every call so far, in arrival order. */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Calls so far per operation name. */
  public Map<String, Long> countsByOperation() {
    return calls.stream()
        .collect(
            Collectors.groupingBy(c -> c.operation().name(), TreeMap::new, Collectors.counting()));
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (exchange.getRequestURI().getPath().startsWith("/fault-proxy/")) {
        administer(exchange);
        return;
      }
      byte[] body = readAll(exchange.getRequestBody());
      String method = exchange.getRequestMethod();
      URI uri = exchange.getRequestURI();
      String amzTarget = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      AwsOperation operation = AwsOperation.of(method, uri, amzTarget, body);
      String request = uri + " " + new String(body, StandardCharsets.UTF_8);
      FaultRule rule = ruleFor(operation, request);
      RandomFaults faults = random;
      Fault fault = rule != null ? rule.fault() : faults == null ? null : faults.draw();
      calls.add(new Call(operation, request, fault));
      if (fault == Fault.REFUSE) {
        unavailable(exchange, amzTarget);
        return;
      }
      HttpResponse<byte[]> response = forward(exchange, method, uri, body);
      if (fault == null) {
        relay(exchange, response);
      } else if (fault == Fault.LOSE_ANSWER) {
        unavailable(exchange, amzTarget);
      } else {
        rule.holdUntilReleased();
      }
      if (rule != null) {
        rule.done(request);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private FaultRule ruleFor(AwsOperation operation, String request) {
    return rules.stream().filter(r -> r.take(operation.name(), request)).findFirst().orElse(null);
  }

  private HttpResponse<byte[]> forward(HttpExchange exchange, String method, URI uri, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target.resolve(uri.getRawPath() + query(uri)))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body.length == 0 && !"PUT".equals(method) && !"POST".equals(method)
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
              }
            });
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static void relay(HttpExchange exchange, HttpResponse<byte[]> response)
      throws IOException {
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
              }
            });
    byte[] body = response.body();
    boolean empty = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : body.length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** A 503 in the shape of the request's protocol: JSON for X-Amz-Target calls, XML otherwise. */
  private static void unavailable(HttpExchange exchange, String amzTarget) throws IOException {
    if (amzTarget != null) {
      String json = "{\"__type\":\"ServiceUnavailableException\",\"message\":\"injected\"}";
      exchange.getResponseHeaders().add("x-amzn-ErrorType", "ServiceUnavailableException");
      answer(exchange, 503, "application/x-amz-json-1.1", json.getBytes(StandardCharsets.UTF_8));
    } else {
      String xml =
          "<Error><Code>ServiceUnavailable</Code><Message>injected</Message>"
              + "<RequestId>fault-proxy</RequestId></Error>";
      answer(exchange, 503, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void answer(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private void administer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    Map<String, String> query = new TreeMap<>();
    String raw = exchange.getRequestURI().getQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }
    switch (path) {
      case "/fault-proxy/reset" -> calls.clear();
      case "/fault-proxy/faults" -> {
        double refuse = Double.parseDouble(query.getOrDefault("refuse", "0"));
        double lose = Double.parseDouble(query.getOrDefault("lose", "0"));
        if (refuse == 0 && lose == 0) {
          noRandomFaults();
        } else {
          randomFaults(Long.parseLong(query.getOrDefault("seed", "42")), refuse, lose);
        }
      }
      default -> {}
    }
    answer(exchange, 200, "text/plain", countsText().getBytes(StandardCharsets.UTF_8));
  }

  private String countsText() {
    StringBuilder out = new StringBuilder();
    countsByOperation()
        .forEach((name, count) -> out.append(name).append(' ').append(count).append('\n'));
    out.append("TOTAL ").append(calls.size()).append('\n');
    return out.toString();
  }

  private static String query(URI uri) {
    return uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  @Override
  public void close() {
    rules.forEach(FaultRule::release);
    server.stop(0);
    threads.shutdownNow();
  }

  /**
   * Runs a proxy until killed: {@code FaultProxy TARGET PORT [REFUSE LOSE SEED]}, e.g. {@code
   * FaultProxy http://127.0.0.1:5000 5001 0.15 0.05 42}.
   */
  public static void main(String[] args) throws IOException {
    FaultProxy proxy = start(args[0], Integer.parseInt(args[1]));
    if (args.length >= 5) {
      proxy.randomFaults(
          Long.parseLong(args[4]), Double.parseDouble(args[2]), Double.parseDouble(args[3]));
    }
    System.out.println("fault proxy on " + proxy.url() + " in front of " + args[0]);
  }
}
