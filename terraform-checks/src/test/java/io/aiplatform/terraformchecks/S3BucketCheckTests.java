package io.aiplatform.terraformchecks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class S3BucketCheckTests {

  private final S3BucketCheck check = new S3BucketCheck();

  @Test
  void everyBucketInTheTreeIsEncryptedPrivateAndVersioned() {
    assertThat(check.violations(Trees.terraform())).isEmpty();
  }

  @Test
  void bucketEncryptedWithS3ManagedKeysIsReported() {
    assertThat(check.violations(Trees.fixture("s3-bucket-without-kms")))
        .singleElement()
        .asString()
        .contains("aws_s3_bucket.data has no SSE-KMS");
  }

  @Test
  void bucketWithOnePublicAccessSettingOffIsReported() {
    assertThat(check.violations(Trees.fixture("s3-bucket-partly-public")))
        .singleElement()
        .asString()
        .contains("aws_s3_bucket.data has no public access block with all four settings");
  }

  @Test
  void bucketWithoutVersioningIsReported() {
    assertThat(check.violations(Trees.fixture("s3-bucket-unversioned")))
        .singleElement()
        .asString()
        .contains("aws_s3_bucket.data has no versioning");
  }
}
