package io.aiplatform.api.prechecks;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.api.support.Api;
import io.aiplatform.api.support.ApiIntegrationTest;
import io.aiplatform.api.support.TestTokens;
import io.aiplatform.api.web.ProblemTypes;
import io.aiplatform.testsupport.BackingServices;
import io.aiplatform.testsupport.EmulatorClients;
import io.aiplatform.testsupport.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.DmsSslModeValue;
import software.amazon.awssdk.services.databasemigration.model.ReplicationEndpointTypeValue;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.JsonNode;

/**
 * The checks of the DMS source when the platform replicates: the source endpoint (made in the
 * emulator, as Terraform makes it: PostgreSQL, its database, a Secrets Manager secret with host,
 * port, user and password) points at a schema of this JVM's PostgreSQL, and the API reads that
 * schema's tables through the endpoint's secret.
 */
class DmsSourceChecksIntegrationTests extends ApiIntegrationTest {

  private static final String DRY_RUN = "/admin/systems?dry_run=true";
  private static final String SCHEMA = "source_" + UUID.randomUUID().toString().substring(0, 8);
  private static final String SECRET = "dms-source-" + SCHEMA;

  private final String admin = TestTokens.admin();

  @DynamicPropertySource
  static void replicatingPlatform(DynamicPropertyRegistry registry) {
    TestDatabase database = BackingServices.database();
    execute(
        database,
        "CREATE SCHEMA " + SCHEMA,
        "CREATE TABLE " + SCHEMA + ".inventory (id int)",
        "CREATE TABLE " + SCHEMA + ".orders (id int)",
        "CREATE TABLE " + SCHEMA + ".products (id int)",
        "CREATE VIEW "
            + SCHEMA
            + ".order_totals AS SELECT count(*) AS n FROM "
            + SCHEMA
            + ".orders");
    URI server = URI.create(database.jdbcUrl().substring("jdbc:".length()));
    String secretArn;
    try (SecretsManagerClient secrets = EmulatorClients.of(SecretsManagerClient.builder())) {
      secretArn =
          secrets
              .createSecret(b -> b.name(SECRET).secretString(secret(database, server.getPort())))
              .arn();
    }
    String endpointArn;
    try (DatabaseMigrationClient dms = EmulatorClients.of(DatabaseMigrationClient.builder())) {
      endpointArn =
          dms.createEndpoint(
                  b ->
                      b.endpointIdentifier(SCHEMA.replace('_', '-') + "-source")
                          .endpointType(ReplicationEndpointTypeValue.SOURCE)
                          .engineName("postgres")
                          .databaseName(server.getPath().substring(1))
                          .sslMode(DmsSslModeValue.NONE)
                          .postgreSQLSettings(
                              s ->
                                  s.secretsManagerSecretId(secretArn)
                                      .secretsManagerAccessRoleArn(
                                          "arn:aws:iam::123456789012:role/dms-source-secret")))
              .endpoint()
              .endpointArn();
    }
    registry.add("platform.api.prechecks.dms-source-endpoint-arn", () -> endpointArn);
    registry.add("platform.api.prechecks.dms-source-schema", () -> SCHEMA);
  }

  @Test
  void tablesThatExistPassAndTheTaskIsPlanned() {
    String name = uniqueName("replicated");

    JsonNode body = api.post(DRY_RUN, admin, registration(name)).json();

    assertThat(body.get("would_succeed").asBoolean()).as(body.toString()).isTrue();
    assertThat(Checks.named(body, "dms-source-table"))
        .extracting(c -> c.get("resource").asString())
        .containsExactlyInAnyOrder(SCHEMA + ".inventory", SCHEMA + ".orders", SCHEMA + ".products");
    assertThat(Checks.named(body, "dms-source-endpoint").get(0).get("passed").asBoolean()).isTrue();
    assertThat(body.get("plan").findValuesAsString("kind")).contains("dms_replication_task");
    assertNothingStoredOrQueued(name);
  }

  @Test
  void aMissingTableAndAViewAreEachNamedAndTheRegistrationIsRefused() {
    String name = uniqueName("unsourced");
    String body = withDataSources(name, "orders", "shipments", "order_totals");

    JsonNode dry = api.post(DRY_RUN, admin, body).json();
    Api.Response real = api.post("/admin/systems", admin, body);

    assertThat(dry.get("would_succeed").asBoolean()).isFalse();
    assertThat(Checks.failed(dry))
        .extracting(c -> c.get("check").asString() + " " + c.get("resource").asString())
        .containsExactlyInAnyOrder(
            "dms-source-table " + SCHEMA + ".shipments",
            "dms-source-table " + SCHEMA + ".order_totals");
    assertThat(Checks.failed(dry).get(0).get("detail").asString()).contains("no table", SCHEMA);
    assertThat(real.status()).as(real.body()).isEqualTo(409);
    JsonNode problem = real.json();
    assertThat(problem.get("type").asString()).isEqualTo(ProblemTypes.PRECONDITION_FAILED);
    assertThat(problem.get("checks").findValuesAsString("resource"))
        .containsExactlyInAnyOrder(SCHEMA + ".shipments", SCHEMA + ".order_totals");
    assertNothingStoredOrQueued(name);
  }

  @Test
  void whenTheSourceDatabaseCannotBeReachedTheRegistrationIsRefusedWith503AndNothingIsStored() {
    String name = uniqueName("unreachable");
    TestDatabase database = BackingServices.database();
    URI server = URI.create(database.jdbcUrl().substring("jdbc:".length()));
    putSecret(secret(database, closedPort()));
    try {
      Api.Response response = api.post("/admin/systems", admin, registration(name));

      assertThat(response.status()).as(response.body()).isEqualTo(503);
      assertThat(response.json().get("type").asString()).isEqualTo(ProblemTypes.UNAVAILABLE);
      assertThat(response.json().get("detail").asString()).contains("DMS source database");
      assertNothingStoredOrQueued(name);
    } finally {
      putSecret(secret(database, server.getPort()));
    }
  }

  private static String withDataSources(String name, String... tables) {
    String list = "[\"" + String.join("\",\"", tables) + "\"]";
    return registration(name).replace("[\"inventory\",\"orders\",\"products\"]", list);
  }

  /** The secret as DMS reads it; the port is a string, as RDS writes its managed secrets. */
  private static String secret(TestDatabase database, int port) {
    URI server = URI.create(database.jdbcUrl().substring("jdbc:".length()));
    return """
        {"host":"%s","port":"%d","username":"%s","password":"%s"}
        """
        .formatted(server.getHost(), port, database.username(), database.password());
  }

  private static void putSecret(String value) {
    try (SecretsManagerClient secrets = EmulatorClients.of(SecretsManagerClient.builder())) {
      secrets.putSecretValue(b -> b.secretId(SECRET).secretString(value));
    }
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void execute(TestDatabase database, String... statements) {
    try (Connection connection =
            DriverManager.getConnection(
                database.jdbcUrl(), database.username(), database.password());
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
