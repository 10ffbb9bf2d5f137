package io.aiplatform.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.testsupport.BackingServices;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

@SpringBootTest
class HarnessIntegrationTests {

  @DynamicPropertySource
  static void backingServices(DynamicPropertyRegistry registry) {
    BackingServices.registerAws(registry);
  }

  @Autowired S3Client s3;

  @Test
  void createsAndReadsABucketInTheEmulator() {
    String bucket = "harness-" + UUID.randomUUID();

    s3.createBucket(b -> b.bucket(bucket));
    s3.putObject(b -> b.bucket(bucket).key("hello.txt"), RequestBody.fromString("hello"));

    assertThat(s3.listBuckets().buckets()).anyMatch(b -> b.name().equals(bucket));
    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("hello.txt")).asUtf8String())
        .isEqualTo("hello");
  }
}
