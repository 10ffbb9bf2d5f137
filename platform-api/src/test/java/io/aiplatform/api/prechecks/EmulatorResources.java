package io.aiplatform.api.prechecks;

import io.aiplatform.testsupport.BackingServices;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Resources made by hand in the emulator, as someone other than the platform would. */
final class EmulatorResources {

  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(
          AwsBasicCredentials.create(
              BackingServices.EMULATOR_CREDENTIAL, BackingServices.EMULATOR_CREDENTIAL));

  private EmulatorResources() {}

  static void create(String bucket) {
    try (S3Client s3 =
        S3Client.builder()
            .endpointOverride(URI.create(BackingServices.awsEndpoint()))
            .region(Region.of(BackingServices.REGION))
            .credentialsProvider(CREDENTIALS)
            .forcePathStyle(true)
            .build()) {
      s3.createBucket(b -> b.bucket(bucket));
    }
  }

  static void glueDatabase(String name) {
    try (GlueClient glue =
        GlueClient.builder()
            .endpointOverride(URI.create(BackingServices.awsEndpoint()))
            .region(Region.of(BackingServices.REGION))
            .credentialsProvider(CREDENTIALS)
            .build()) {
      glue.createDatabase(b -> b.databaseInput(d -> d.name(name)));
    }
  }
}
