package io.aiplatform.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.testsupport.BackingServices;
import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

// The stream this test makes is not the consumer's: keep the KCL worker out of this context.
@SpringBootTest(properties = "platform.enrichment.kcl.enabled=false")
class HarnessIntegrationTests {

  @DynamicPropertySource
  static void backingServices(DynamicPropertyRegistry registry) {
    BackingServices.registerAws(registry);
  }

  @Autowired AwsClientBuilderConfigurer aws;

  @Test
  void putsAndReadsARecordOnAKinesisStreamInTheEmulator() {
    try (KinesisClient kinesis = aws.configure(KinesisClient.builder()).build()) {
      String stream = "harness-" + UUID.randomUUID();
      kinesis.createStream(b -> b.streamName(stream).shardCount(1));
      kinesis
          .waiter()
          .waitUntilStreamExists(b -> b.streamName(stream))
          .matched()
          .response()
          .ifPresent(
              r -> assertThat(r.streamDescription().streamStatus()).isEqualTo(StreamStatus.ACTIVE));
      String shardId = kinesis.listShards(b -> b.streamName(stream)).shards().get(0).shardId();

      kinesis.putRecord(
          b ->
              b.streamName(stream)
                  .partitionKey("PROD-001")
                  .data(SdkBytes.fromUtf8String("{\"eventId\":\"e-1\"}")));
      String iterator =
          kinesis
              .getShardIterator(
                  b ->
                      b.streamName(stream)
                          .shardId(shardId)
                          .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
              .shardIterator();

      var records = kinesis.getRecords(b -> b.shardIterator(iterator)).records();
      assertThat(records).hasSize(1);
      assertThat(records.get(0).data().asUtf8String()).isEqualTo("{\"eventId\":\"e-1\"}");
    }
  }
}
