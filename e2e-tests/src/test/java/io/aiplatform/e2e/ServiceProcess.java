package io.aiplatform.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** One service run from its packaged jar as a separate process, as it runs in production. */
final class ServiceProcess implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String name;
  private final int port;
  private final Path log;
  private final Process process;

  private ServiceProcess(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  static ServiceProcess start(Path jar, String name, int port, Map<String, String> env, Path logs)
      throws IOException {
    Files.createDirectories(logs);
    Path log = logs.resolve(name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    javaBinary(),
                    // Three JVMs start at once on a small machine: spend less CPU on the JIT.
                    "-XX:TieredStopAtLevel=1",
                    "-Daws.cborEnabled=false",
                    "-jar",
                    jar.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // The SDK reads AWS_ENDPOINT_URL by itself; the services get the endpoint only as a setting.
    builder.environment().remove("AWS_ENDPOINT_URL");
    builder.environment().putAll(env);
    builder.environment().put("SERVER_PORT", Integer.toString(port));
    return new ServiceProcess(name, port, log, builder.start());
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  void awaitReady(Duration timeout) {
    Awaitility.await(name + " ready (log: " + log + ")")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> alive() && readinessStatus() == 200);
  }

  private boolean alive() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          name + " exited with " + process.exitValue() + "; see " + log);
    }
    return true;
  }

  private int readinessStatus() {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
              .timeout(Duration.ofSeconds(2))
              .build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Kills the service the way a crash does: SIGKILL, no shutdown of any kind. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  /** Stops the service the way ECS does: SIGTERM, then a bounded wait for graceful shutdown. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(45, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
