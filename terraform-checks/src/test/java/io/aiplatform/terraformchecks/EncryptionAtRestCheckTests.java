package io.aiplatform.terraformchecks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EncryptionAtRestCheckTests {

  private final EncryptionAtRestCheck check = new EncryptionAtRestCheck();

  @Test
  void everyQueueStreamTableDeliveryStreamAndLogGroupInTheTreeIsEncrypted() {
    assertThat(check.violations(Trees.terraform())).isEmpty();
  }

  @Test
  void eachUnencryptedKindOfDataStoreIsReported() {
    assertThat(check.violations(Trees.fixture("unencrypted-data")))
        .hasSize(9)
        .anyMatch(v -> v.contains("aws_sqs_queue.jobs is not encrypted"))
        .anyMatch(v -> v.contains("aws_sqs_queue.results is not encrypted"))
        .anyMatch(v -> v.contains("aws_sns_topic.alarms is not encrypted"))
        .anyMatch(v -> v.contains("aws_kinesis_stream.events is not encrypted"))
        .anyMatch(v -> v.contains("aws_dynamodb_table.reference is not encrypted"))
        .anyMatch(v -> v.contains("aws_kinesis_firehose_delivery_stream.enriched is not"))
        .anyMatch(v -> v.contains("aws_cloudwatch_log_group.api is not encrypted"))
        .anyMatch(v -> v.contains("aws_ecr_repository.api is not encrypted"))
        .anyMatch(v -> v.contains("aws_secretsmanager_secret.token is not encrypted"));
  }
}
