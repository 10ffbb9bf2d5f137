package io.aiplatform.e2e;

import io.aiplatform.testsupport.BackingServices;
import io.aiplatform.testsupport.TestDatabase;
import io.aiplatform.testsupport.faults.FaultProxy;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The whole product as separate processes: the emulator's resources made by {@code local/init.py}
 * (the same init the local stack uses) under a prefix of this run's own, and the three services
 * started from their jars against one PostgreSQL database and one emulator. The worker reaches the
 * emulator through a {@link FaultProxy}, so that tests can refuse, lose or hold its AWS calls, and
 * can be killed and started again.
 */
final class RunningPlatform implements AutoCloseable {

  private static final Path ROOT = Path.of(System.getProperty("e2e.root", "..")).normalize();
  private static final String VERSION = System.getProperty("e2e.version", "0.1.0-SNAPSHOT");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

  final String prefix;
  final DevTokens tokens;
  final Map<String, String> initOutputs;
  final FaultProxy workerAws;
  private static RunningPlatform shared;
  private Path logs;
  private int workerStarts;
  private ServiceProcess api;
  private ServiceProcess worker;
  private ServiceProcess consumer;

  private RunningPlatform(
      String prefix, DevTokens tokens, Map<String, String> initOutputs, FaultProxy workerAws) {
    this.prefix = prefix;
    this.tokens = tokens;
    this.initOutputs = initOutputs;
    this.workerAws = workerAws;
  }

  /** One platform for every test class of this JVM that can share it; stopped at JVM exit. */
  static synchronized RunningPlatform shared() throws Exception {
    if (shared == null) {
      RunningPlatform started = start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::closeQuietly));
      shared = started;
    }
    return shared;
  }

  static RunningPlatform start() throws Exception {
    String prefix = "e2e" + UUID.randomUUID().toString().substring(0, 6);
    return start(prefix, null);
  }

  /**
   * The services on resources made elsewhere (by Terraform): {@code settings} are the services'
   * settings under their README names, as {@code local/init.py} prints its own.
   */
  static RunningPlatform startOn(String prefix, Map<String, String> settings) throws Exception {
    return start(prefix, settings);
  }

  private static RunningPlatform start(String prefix, Map<String, String> settings)
      throws Exception {
    RunningPlatform platform = null;
    try {
      Path work = Files.createDirectories(ROOT.resolve("e2e-tests/target/e2e"));
      DevTokens tokens = DevTokens.generate();
      FaultProxy proxy = FaultProxy.start(BackingServices.awsEndpoint());
      platform =
          new RunningPlatform(prefix, tokens, settings == null ? runInit(prefix) : settings, proxy);
      platform.startServices(work);
      return platform;
    } catch (Exception | Error e) {
      if (platform != null) {
        platform.close();
      }
      throw e;
    }
  }

  String apiUrl() {
    return api.baseUrl();
  }

  /** Base URL of one service by module name (probes and metrics). */
  String url(String module) {
    return switch (module) {
      case "platform-api" -> api.baseUrl();
      case "provisioner-worker" -> worker.baseUrl();
      case "enrichment-consumer" -> consumer.baseUrl();
      default -> throw new IllegalArgumentException(module);
    };
  }

  String deliveryBucket() {
    return initOutputs.get("PLATFORM_DELIVERY_BUCKET");
  }

  String stream() {
    return prefix + "-events";
  }

  private void startServices(Path work) throws IOException {
    logs = work.resolve("logs-" + prefix);
    Path publicKey = tokens.writePublicKey(Files.createDirectories(work.resolve("keys")));
    api = start("platform-api", apiEnv(publicKey), logs);
    worker = startWorker();
    consumer = start("enrichment-consumer", consumerEnv(), logs);
    api.awaitReady(START_TIMEOUT);
    worker.awaitReady(START_TIMEOUT);
    consumer.awaitReady(START_TIMEOUT);
  }

  /** Kills the worker with SIGKILL, as a crash would, and starts a fresh one; waits until ready. */
  void killAndRestartWorker() throws Exception {
    worker.kill();
    worker = startWorker();
    worker.awaitReady(START_TIMEOUT);
  }

  /** Kills the worker with SIGKILL and leaves it down. */
  void killWorker() throws InterruptedException {
    worker.kill();
  }

  /** Starts a worker again after {@link #killWorker()}; waits until it is ready. */
  void restartWorker() throws IOException {
    worker = startWorker();
    worker.awaitReady(START_TIMEOUT);
  }

  private ServiceProcess startWorker() throws IOException {
    workerStarts++;
    String name = workerStarts == 1 ? "provisioner-worker" : "provisioner-worker-" + workerStarts;
    return start("provisioner-worker", name, workerEnv(), logs);
  }

  private static ServiceProcess start(String module, Map<String, String> env, Path logs)
      throws IOException {
    return start(module, module, env, logs);
  }

  private static ServiceProcess start(
      String module, String name, Map<String, String> env, Path logs) throws IOException {
    Path jar = ROOT.resolve(module + "/target/" + module + "-" + VERSION + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run the build through ./mvnw verify");
    }
    return ServiceProcess.start(jar, name, freePort(), env, logs);
  }

  private Map<String, String> awsEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("SPRING_CLOUD_AWS_ENDPOINT", BackingServices.awsEndpoint());
    env.put("SPRING_CLOUD_AWS_REGION_STATIC", BackingServices.REGION);
    env.put("SPRING_CLOUD_AWS_CREDENTIALS_ACCESS_KEY", BackingServices.EMULATOR_CREDENTIAL);
    env.put("SPRING_CLOUD_AWS_CREDENTIALS_SECRET_KEY", BackingServices.EMULATOR_CREDENTIAL);
    env.put("SPRING_CLOUD_AWS_S3_PATH_STYLE_ACCESS_ENABLED", "true");
    env.put("AWS_CBOR_ENABLED", "false");
    return env;
  }

  private Map<String, String> apiEnv(Path publicKey) {
    TestDatabase db = BackingServices.database();
    Map<String, String> env = awsEnv();
    env.put("SPRING_DATASOURCE_URL", db.jdbcUrl());
    env.put("SPRING_DATASOURCE_USERNAME", db.username());
    env.put("SPRING_DATASOURCE_PASSWORD", db.password());
    env.put("PLATFORM_API_RESOURCE_PREFIX", prefix);
    env.put("PLATFORM_API_JOBS_QUEUE", prefix + "-provisioning-jobs.fifo");
    env.put("PLATFORM_API_JOBS_DLQ", prefix + "-provisioning-jobs-dlq.fifo");
    env.put("PLATFORM_API_RESULTS_QUEUE", prefix + "-provisioning-results");
    env.put("PLATFORM_API_SECURITY_PUBLIC_KEY_LOCATION", publicKey.toUri().toString());
    env.put("PLATFORM_API_SECURITY_ISSUER", DevTokens.ISSUER);
    // No test may depend on how fast a loaded emulator answers the pre-checks' read calls (the
    // first registration after start-up, with cold clients, took over 5 s at load 15).
    env.put("PLATFORM_API_PRECHECKS_TIMEOUT", "60s");
    overlay(env, "PLATFORM_API_");
    return env;
  }

  private Map<String, String> workerEnv() {
    Map<String, String> env = awsEnv();
    env.put("SPRING_CLOUD_AWS_ENDPOINT", workerAws.url());
    env.put("PLATFORM_WORKER_RESOURCE_PREFIX", prefix);
    env.put("PLATFORM_WORKER_JOBS_QUEUE", prefix + "-provisioning-jobs.fifo");
    env.put("PLATFORM_WORKER_RESULTS_QUEUE", prefix + "-provisioning-results");
    env.put("PLATFORM_WORKER_POLL_TIMEOUT", "1s");
    env.put("PLATFORM_WORKER_RETRY_BASE_DELAY", "1s");
    // A killed worker's jobs come back this soon.
    env.put("PLATFORM_WORKER_VISIBILITY_EXTENSION", "6s");
    // local/init.py prints the worker's settings under the names the worker reads.
    initOutputs.entrySet().stream()
        .filter(e -> e.getKey().startsWith("PLATFORM_WORKER_"))
        .forEach(e -> env.put(e.getKey(), e.getValue()));
    return env;
  }

  private Map<String, String> consumerEnv() {
    Map<String, String> env = awsEnv();
    env.put("PLATFORM_ENRICHMENT_STREAM_NAME", prefix + "-events");
    env.put("PLATFORM_ENRICHMENT_APPLICATION_NAME", prefix + "-enrichment");
    env.put("PLATFORM_ENRICHMENT_REFERENCE_TABLE", prefix + "-product-reference");
    env.put("PLATFORM_ENRICHMENT_DELIVERY_STREAM", prefix + "-enriched-events");
    env.put("PLATFORM_ENRICHMENT_ERROR_DELIVERY_STREAM", prefix + "-enrichment-errors");
    // Short KCL timers for the emulator (enrichment-consumer's application-local.yaml).
    env.put("SPRING_PROFILES_ACTIVE", "local");
    overlay(env, "PLATFORM_ENRICHMENT_");
    return env;
  }

  /** Settings given by whoever made the resources win over the names derived from the prefix. */
  private void overlay(Map<String, String> env, String settingsPrefix) {
    initOutputs.entrySet().stream()
        .filter(e -> e.getKey().startsWith(settingsPrefix))
        .forEach(e -> env.put(e.getKey(), e.getValue()));
  }

  private static Map<String, String> runInit(String prefix)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder("python3", ROOT.resolve("local/init.py").toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put("AWS_ENDPOINT_URL", BackingServices.awsEndpoint());
    builder.environment().put("AWS_ACCESS_KEY_ID", BackingServices.EMULATOR_CREDENTIAL);
    builder.environment().put("AWS_SECRET_ACCESS_KEY", BackingServices.EMULATOR_CREDENTIAL);
    builder.environment().put("AWS_REGION", BackingServices.REGION);
    builder.environment().put("PLATFORM_PREFIX", prefix);
    Process init = builder.start();
    String out = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!init.waitFor(120, TimeUnit.SECONDS) || init.exitValue() != 0) {
      throw new IllegalStateException("local/init.py failed:\n" + out);
    }
    Map<String, String> outputs = new HashMap<>();
    out.lines()
        .filter(line -> line.contains("="))
        .forEach(
            line ->
                outputs.put(
                    line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
    return outputs;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (ServiceProcess service : new ServiceProcess[] {consumer, worker, api}) {
      if (service != null) {
        service.close();
      }
    }
    workerAws.close();
  }

  private void closeQuietly() {
    try {
      close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
