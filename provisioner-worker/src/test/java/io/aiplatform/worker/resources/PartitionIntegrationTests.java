package io.aiplatform.worker.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.testsupport.EmulatorClients;
import io.aiplatform.worker.provisioning.Found;
import io.aiplatform.worker.provisioning.RunContext;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * ARNs in the partition the worker runs in. The emulator answers like AWS here: in China and
 * GovCloud regions STS names the caller {@code arn:aws-cn:...} or {@code arn:aws-us-gov:...}, and
 * Glue keeps a resource's tags under its ARN in that partition, so a literal {@code arn:aws:} reads
 * no tags and makes the worker's own database look like someone else's.
 */
class PartitionIntegrationTests {

  @ParameterizedTest
  @CsvSource({"us-east-1, aws", "cn-north-1, aws-cn", "us-gov-west-1, aws-us-gov"})
  void theWorkerReadsItsOwnResourcesTagsByAnArnInItsPartition(String region, String partition) {
    AwsAccount account = new AwsAccount(EmulatorClients.of(StsClient.builder(), region));
    String database = "partition_" + UUID.randomUUID().toString().replace('-', '_');
    Map<String, String> tags = Map.of("platform:system-id", UUID.randomUUID().toString());

    try (GlueClient glue = EmulatorClients.of(GlueClient.builder(), region)) {
      String arn = account.arn("glue", region, "database/" + database);
      GlueDatabaseStep step = new GlueDatabaseStep(glue, database, arn);
      step.create(tags, new RunContext());
      Found<Void> found = step.find(new RunContext()).orElseThrow();

      assertThat(account.partition()).isEqualTo(partition);
      assertThat(found.arn())
          .isEqualTo(
              "arn:"
                  + partition
                  + ":glue:"
                  + region
                  + ":"
                  + account.id()
                  + ":database/"
                  + database);
      assertThat(found.tags()).isEqualTo(tags);
    }
  }
}
