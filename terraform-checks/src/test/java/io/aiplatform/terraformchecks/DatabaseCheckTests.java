package io.aiplatform.terraformchecks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseCheckTests {

  private final DatabaseCheck check = new DatabaseCheck();

  @Test
  void theDatabaseInTheTreeIsPrivateAndEncrypted() {
    assertThat(check.violations(Trees.terraform())).isEmpty();
    assertThat(Trees.terraform())
        .as("the tree has a database for this check to look at")
        .anyMatch(m -> !m.blocksOfType("resource", "aws_db_instance").isEmpty());
  }

  @Test
  void publiclyAccessibleDatabaseIsReported() {
    assertThat(check.violations(Trees.fixture("public-database")))
        .singleElement()
        .asString()
        .contains("aws_db_instance.this must set publicly_accessible = false");
  }

  @Test
  void unencryptedDatabaseIsReported() {
    assertThat(check.violations(Trees.fixture("unencrypted-database")))
        .singleElement()
        .asString()
        .contains("aws_db_instance.this must set storage_encrypted = true");
  }
}
