package io.aiplatform.api.prechecks;

import io.aiplatform.testsupport.EmulatorClients;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Resources made by hand in the emulator, as someone other than the platform would. */
final class EmulatorResources {

  private EmulatorResources() {}

  static void create(String bucket) {
    try (S3Client s3 = EmulatorClients.of(S3Client.builder().forcePathStyle(true))) {
      s3.createBucket(b -> b.bucket(bucket));
    }
  }

  static void glueDatabase(String name) {
    try (GlueClient glue = EmulatorClients.of(GlueClient.builder())) {
      glue.createDatabase(b -> b.databaseInput(d -> d.name(name)));
    }
  }
}
