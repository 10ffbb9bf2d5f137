package io.aiplatform.enrichment.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class ProgressHealthTests {

  final ProgressHealth health = new ProgressHealth(3);

  @Test
  void staysUpThroughFailuresBelowTheThreshold() {
    health.failed("shard-1", 1, "boom");
    health.failed("shard-1", 2, "boom");

    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void goesDownWhenAShardReachesTheThresholdAndNamesIt() {
    health.failed("shard-1", 3, "Firehose did not accept 5 records");

    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.health().getDetails().get("stuckShards").toString())
        .contains("shard-1")
        .contains("Firehose did not accept 5 records");
  }

  @Test
  void comesBackUpWhenTheStuckShardSucceeds() {
    health.failed("shard-1", 5, "boom");
    health.failed("shard-2", 5, "boom");
    health.succeeded("shard-1");
    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);

    health.succeeded("shard-2");
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
  }
}
