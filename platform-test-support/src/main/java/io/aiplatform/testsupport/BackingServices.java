package io.aiplatform.testsupport;

import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL server and AWS emulator the tests run against, resolved once per test JVM.
 *
 * <p>Taken from {@code PLATFORM_TEST_JDBC_URL} and {@code PLATFORM_TEST_AWS_ENDPOINT} (printed by
 * {@code scripts/backing-services.sh start}); when those are unset and a Docker engine answers,
 * Testcontainers supplies both; otherwise every test run stops at once with {@link #HOW_TO_RUN}.
 */
public final class BackingServices {

  /** What to tell someone whose run has no backing services. */
  public static final String HOW_TO_RUN =
      """
      No backing services for the tests: PLATFORM_TEST_JDBC_URL and PLATFORM_TEST_AWS_ENDPOINT \
      are unset and no Docker engine answers.
      Run the tests with ./scripts/test.sh (it starts PostgreSQL and moto_server and stops them \
      afterwards), or start them yourself:
          eval "$(./scripts/backing-services.sh start)"   # later: ./scripts/backing-services.sh stop""";

  /** The access key and secret every emulator accepts; useless against AWS. */
  public static final String EMULATOR_CREDENTIAL = "test";

  /** The region the tests use. */
  public static final String REGION = "us-east-1";

  private static volatile Source source;

  private BackingServices() {}

  /** A database of its own for this test JVM, with Flyway-ready superuser access. */
  public static TestDatabase database() {
    return source().database();
  }

  /** The AWS emulator's endpoint, such as {@code http://127.0.0.1:41234}. */
  public static String awsEndpoint() {
    return source().awsEndpoint();
  }

  /** Registers the datasource properties for a Spring Boot test. */
  public static void registerDatabase(DynamicPropertyRegistry registry) {
    TestDatabase db = database();
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("spring.datasource.username", db::username);
    registry.add("spring.datasource.password", db::password);
  }

  /** Registers the Spring Cloud AWS properties that point every AWS client at the emulator. */
  public static void registerAws(DynamicPropertyRegistry registry) {
    awsProperties().forEach((name, value) -> registry.add(name, () -> value));
  }

  /** The Spring Cloud AWS properties that point every AWS client at the emulator. */
  public static Map<String, String> awsProperties() {
    return Map.of(
        "spring.cloud.aws.endpoint", awsEndpoint(),
        "spring.cloud.aws.region.static", REGION,
        "spring.cloud.aws.credentials.access-key", EMULATOR_CREDENTIAL,
        "spring.cloud.aws.credentials.secret-key", EMULATOR_CREDENTIAL,
        "spring.cloud.aws.s3.path-style-access-enabled", "true");
  }

  static Source source() {
    Source resolved = source;
    if (resolved == null) {
      synchronized (BackingServices.class) {
        if (source == null) {
          source = Source.resolve(System.getenv());
        }
        resolved = source;
      }
    }
    return resolved;
  }
}
