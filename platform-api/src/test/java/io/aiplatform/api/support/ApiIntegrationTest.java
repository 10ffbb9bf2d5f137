package io.aiplatform.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.testsupport.BackingServices;
import io.awspring.cloud.autoconfigure.AwsSyncClientCustomizer;
import io.awspring.cloud.autoconfigure.sqs.SqsAsyncClientCustomizer;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;

/**
 * The one Spring context of the module's integration tests: the whole application on a random port,
 * against this JVM's PostgreSQL database, the emulator's SQS with queues of its own, and a key pair
 * generated at run time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ApiIntegrationTest.Faults.class)
public abstract class ApiIntegrationTest {

  /**
   * The settings of the tests' application, as a map: for a second instance of the API on the same
   * database and queues (two instances sharing work).
   */
  public static java.util.Map<String, Object> settings() {
    java.util.Map<String, Object> all = new java.util.LinkedHashMap<>();
    backingServices((name, value) -> all.put(name, value.get()));
    return all;
  }

  @DynamicPropertySource
  static void backingServices(DynamicPropertyRegistry registry) {
    BackingServices.registerDatabase(registry);
    BackingServices.registerAws(registry);
    TestQueues.createAll();
    registry.add("platform.api.jobs-queue", () -> TestQueues.JOBS);
    registry.add("platform.api.results-queue", () -> TestQueues.RESULTS);
    registry.add("platform.api.jobs-dlq", () -> TestQueues.JOBS_DLQ);
    registry.add("platform.api.outbox.resubmit-interval", () -> "1s");
    registry.add("platform.api.outbox.resubmit-older-than", () -> "2s");
    registry.add("platform.api.cors-allowed-origins", () -> "https://admin.test.local");
    registry.add("platform.api.pending-check-interval", () -> "1s");
    // The emulator on a loaded 2-core machine can take seconds for a burst of read calls; no
    // test may depend on how fast it answers (the outage test fails the calls themselves).
    registry.add("platform.api.prechecks.timeout", () -> "60s");
    // The sweep's own tests drive it with a clock of their own; left to itself it would send
    // verifies in the middle of other tests.
    registry.add("platform.api.reconcile.interval", () -> "24h");
    registry.add("platform.api.security.issuer", () -> TestTokens.ISSUER);
    registry.add(
        "platform.api.security.public-key-location",
        () -> "file:" + TestTokens.publicKeyPem().toAbsolutePath());
    registry.add(
        "platform.api.security.allowed-client-ids", () -> TestTokens.CLIENT + ",platform-cli");
    registry.add("platform.api.security.read-scope", () -> TestTokens.READ);
    registry.add("platform.api.security.write-scope", () -> TestTokens.WRITE);
    // Each context shutdown would otherwise wait out a 10 s long poll.
    registry.add("spring.cloud.aws.sqs.listener.poll-timeout", () -> "1s");
  }

  /** Fault injection shared by the context. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Faults {
    @Bean
    SqsOutage sqsOutage() {
      return new SqsOutage();
    }

    @Bean
    AwsReadFaults awsReadFaults() {
      return new AwsReadFaults();
    }

    /** Reaches the pre-checks' clients only: the API builds no other synchronous AWS client. */
    @Bean
    AwsSyncClientCustomizer awsReadFaultsInterceptor(AwsReadFaults faults) {
      return builder -> {
        var sdk = (SdkClientBuilder<?, ?>) builder;
        sdk.overrideConfiguration(
            sdk.overrideConfiguration().toBuilder().addExecutionInterceptor(faults).build());
      };
    }

    @Bean
    SqsAsyncClientCustomizer sqsOutageInterceptor(SqsOutage outage) {
      return builder ->
          builder.overrideConfiguration(
              builder.overrideConfiguration().toBuilder().addExecutionInterceptor(outage).build());
    }
  }

  @LocalServerPort protected int port;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired protected SqsOutage sqsOutage;
  @Autowired protected AwsReadFaults awsReadFaults;
  protected Api api;

  @BeforeEach
  void api() {
    api = new Api(port);
    sqsOutage.end();
    awsReadFaults.clear();
  }

  /** No system of that name is stored, and no job or event mentions it. */
  protected void assertNothingStoredOrQueued(String name) {
    assertThat(systemsNamed(name)).isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?",
                Long.class,
                "%" + name + "%"))
        .isZero();
    JobsOnQueue.poll();
    assertThat(JobsOnQueue.mentioning(name)).isEmpty();
  }

  /** How many systems of that name are stored. */
  protected long systemsNamed(String name) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM systems WHERE system_name = ?", Long.class, name);
  }

  /** A system name no other test uses. */
  protected static String uniqueName(String base) {
    return base + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * A valid registration body for the name (seed 000's example). Its routes start with the name,
   * since a route belongs to one system only.
   */
  protected static String registration(String name) {
    return """
        {"system_name":"%1$s","description":"AI system for inventory optimization",
         "data_sources":["inventory","orders","products"],
         "endpoints":[{"path":"/%1$s/optimize","method":"POST"},
                      {"path":"/%1$s/recommendations","method":"GET"}],
         "lambda_config":{"memory":2048,"timeout":600,"runtime":"python3.11"}}
        """
        .formatted(name);
  }
}
