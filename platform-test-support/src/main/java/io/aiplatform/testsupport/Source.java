package io.aiplatform.testsupport;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Where the backing services come from: the environment, or Testcontainers. */
final class Source {

  static final String JDBC_URL = "PLATFORM_TEST_JDBC_URL";
  static final String DB_USER = "PLATFORM_TEST_DB_USER";
  static final String DB_PASSWORD = "PLATFORM_TEST_DB_PASSWORD";
  static final String AWS_ENDPOINT = "PLATFORM_TEST_AWS_ENDPOINT";

  private final TestDatabase admin;
  private final String awsEndpoint;
  private TestDatabase database;

  private Source(TestDatabase admin, String awsEndpoint) {
    this.admin = admin;
    this.awsEndpoint = awsEndpoint;
  }

  static Source resolve(Map<String, String> env) {
    String jdbcUrl = env.get(JDBC_URL);
    String endpoint = env.get(AWS_ENDPOINT);
    if (isSet(jdbcUrl) && isSet(endpoint)) {
      return new Source(
          new TestDatabase(
              jdbcUrl, env.getOrDefault(DB_USER, "postgres"), env.getOrDefault(DB_PASSWORD, "")),
          stripTrailingSlash(endpoint));
    }
    if (isSet(jdbcUrl) || isSet(endpoint)) {
      throw new IllegalStateException(
          "Set both "
              + JDBC_URL
              + " and "
              + AWS_ENDPOINT
              + ", or neither.\n"
              + BackingServices.HOW_TO_RUN);
    }
    if (Containers.dockerAvailable()) {
      return new Source(Containers.postgres(), Containers.awsEmulator());
    }
    throw new IllegalStateException(BackingServices.HOW_TO_RUN);
  }

  String awsEndpoint() {
    return awsEndpoint;
  }

  synchronized TestDatabase database() {
    if (database == null) {
      database = createDatabase();
    }
    return database;
  }

  /** Checks that both services answer, so that a dead server fails the run in one line. */
  void verifyReachable() {
    try (Connection ignored = connect(admin)) {
      // connected
    } catch (SQLException e) {
      throw unreachable("PostgreSQL at " + admin.jdbcUrl(), e::getMessage);
    }
    try {
      URI uri = URI.create(awsEndpoint + "/moto-api/");
      var connection = uri.toURL().openConnection();
      connection.setConnectTimeout(3000);
      connection.setReadTimeout(3000);
      connection.getInputStream().close();
    } catch (Exception e) {
      throw unreachable("the AWS emulator at " + awsEndpoint, e::toString);
    }
  }

  private TestDatabase createDatabase() {
    String name = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection connection = connect(admin);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name.toLowerCase(Locale.ROOT));
    } catch (SQLException e) {
      throw unreachable("PostgreSQL at " + admin.jdbcUrl(), e::getMessage);
    }
    String url = admin.jdbcUrl().replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
    return new TestDatabase(url, admin.username(), admin.password());
  }

  private static Connection connect(TestDatabase db) throws SQLException {
    return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
  }

  private static IllegalStateException unreachable(String what, Supplier<String> cause) {
    return new IllegalStateException(
        "Cannot reach "
            + what
            + " ("
            + cause.get()
            + ").\nIs the server from scripts/backing-services.sh still running?\n"
            + BackingServices.HOW_TO_RUN);
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  private static String stripTrailingSlash(String endpoint) {
    return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
  }
}
