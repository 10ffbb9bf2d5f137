package io.aiplatform.testsupport;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * AWS clients of the emulator for a test's own use (to set up or inspect what the application under
 * test sees), outside the application's context.
 */
public final class EmulatorClients {

  private EmulatorClients() {}

  /** A client of the emulator in the tests' region, such as {@code of(S3Client.builder())}. */
  public static <B extends AwsClientBuilder<B, C>, C> C of(B builder) {
    return of(builder, BackingServices.REGION);
  }

  /** A client of the emulator in another region (the emulator keeps each region apart). */
  public static <B extends AwsClientBuilder<B, C>, C> C of(B builder, String region) {
    return builder
        .endpointOverride(URI.create(BackingServices.awsEndpoint()))
        .region(Region.of(region))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    BackingServices.EMULATOR_CREDENTIAL, BackingServices.EMULATOR_CREDENTIAL)))
        .build();
  }
}
