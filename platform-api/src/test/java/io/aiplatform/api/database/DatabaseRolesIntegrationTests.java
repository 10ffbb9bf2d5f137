package io.aiplatform.api.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aiplatform.api.support.Api;
import io.aiplatform.api.support.TestQueues;
import io.aiplatform.api.support.TestTokens;
import io.aiplatform.testsupport.BackingServices;
import io.aiplatform.testsupport.EmulatorClients;
import io.aiplatform.testsupport.TestDatabase;
import java.sql.Connection;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The database set-up platform-api runs with in AWS (terraform/modules/platform): the application
 * connects as a role of its own through the AWS JDBC wrapper's IAM plugin (a fresh token per
 * connection), while Flyway migrates as the owner whose credentials the wrapper reads from Secrets
 * Manager when it connects. The local cluster trusts every login, so what is proven here is the
 * wiring and the grants, not the token or password checks RDS makes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseRolesIntegrationTests {

  private static final String APP_ROLE =
      "platform_app_" + UUID.randomUUID().toString().substring(0, 8);
  private static final String OWNER_SECRET = "platform-owner-" + UUID.randomUUID();

  @DynamicPropertySource
  static void separateRoles(DynamicPropertyRegistry registry) {
    TestDatabase db = BackingServices.database();
    // The wrapper's own SDK clients use the default credential chain.
    System.setProperty("aws.accessKeyId", BackingServices.EMULATOR_CREDENTIAL);
    System.setProperty("aws.secretAccessKey", BackingServices.EMULATOR_CREDENTIAL);
    createOwnerSecret(db);
    // ApiIntegrationTest's settings but the datasource: its registrations would win over these.
    BackingServices.registerAws(registry);
    TestQueues.createAll();
    registry.add("platform.api.jobs-queue", () -> TestQueues.JOBS);
    registry.add("platform.api.results-queue", () -> TestQueues.RESULTS);
    registry.add("platform.api.jobs-dlq", () -> TestQueues.JOBS_DLQ);
    registry.add("platform.api.security.issuer", () -> TestTokens.ISSUER);
    registry.add(
        "platform.api.security.public-key-location",
        () -> "file:" + TestTokens.publicKeyPem().toAbsolutePath());
    registry.add("platform.api.security.allowed-client-ids", () -> TestTokens.CLIENT);
    registry.add("platform.api.security.read-scope", () -> TestTokens.READ);
    registry.add("platform.api.security.write-scope", () -> TestTokens.WRITE);
    registry.add("spring.cloud.aws.sqs.listener.poll-timeout", () -> "1s");
    String wrapped = db.jdbcUrl().replaceFirst("^jdbc:", "jdbc:aws-wrapper:");
    String join = wrapped.contains("?") ? "&" : "?";
    registry.add(
        "spring.datasource.url", () -> wrapped + join + "wrapperPlugins=iam&iamRegion=us-east-1");
    registry.add("spring.datasource.username", () -> APP_ROLE);
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.datasource.driver-class-name", () -> "software.amazon.jdbc.Driver");
    registry.add(
        "spring.flyway.url",
        () ->
            wrapped
                + join
                + "wrapperPlugins=awsSecretsManager&secretsManagerSecretId="
                + OWNER_SECRET
                + "&secretsManagerRegion=us-east-1&secretsManagerEndpoint="
                + BackingServices.awsEndpoint());
    // Not a role at all: the migration can only log in with the user the secret names.
    registry.add("spring.flyway.user", () -> "nobody-without-the-secret");
    registry.add("spring.flyway.driver-class-name", () -> "software.amazon.jdbc.Driver");
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Flyway flyway;

  @Test
  void theApplicationConnectsAsItsOwnRoleAndServesRequests() {
    assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(APP_ROLE);

    var created =
        new Api(port)
            .post(
                "/admin/systems",
                TestTokens.admin(),
                "{\"system_name\":\"%s\",\"data_sources\":[\"orders\"]}"
                    .formatted("roles-" + UUID.randomUUID().toString().substring(0, 8)));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  @Test
  void migrationsRanAsTheOwnerNamedInTheSecret() throws Exception {
    try (Connection owner = flyway.getConfiguration().getDataSource().getConnection()) {
      var result = owner.createStatement().executeQuery("SELECT current_user");
      result.next();
      assertThat(result.getString(1)).isEqualTo(BackingServices.database().username());
    }
  }

  @Test
  void theApplicationRoleMayNotChangeTheSchemaTheHistoryOrTheAuditLog() {
    assertThatThrownBy(() -> jdbc.execute("CREATE TABLE intruder (id int)"))
        .rootCause()
        .hasMessageContaining("permission denied");
    assertThatThrownBy(() -> jdbc.execute("ALTER TABLE systems ADD COLUMN intruder int"))
        .rootCause()
        .hasMessageContaining("must be owner");
    assertThatThrownBy(
            () -> jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history", Long.class))
        .rootCause()
        .hasMessageContaining("permission denied");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_log"))
        .rootCause()
        .hasMessageContaining("permission denied");
  }

  private static void createOwnerSecret(TestDatabase db) {
    try (SecretsManagerClient secrets = EmulatorClients.of(SecretsManagerClient.builder())) {
      // The shape of an RDS-managed master secret.
      String value =
          "{\"username\":\"%s\",\"password\":\"%s\"}"
              .formatted(
                  db.username(), db.password().isEmpty() ? "trust-ignores-it" : db.password());
      secrets.createSecret(b -> b.name(OWNER_SECRET).secretString(value));
    }
  }
}
