package io.aiplatform.api.prechecks;

import io.awspring.cloud.autoconfigure.AwsSyncClientCustomizer;
import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClientBuilder;

/**
 * The API's read-only AWS clients, used by the checks only. They share region, credentials and
 * endpoint with the SQS client through Spring Cloud AWS's {@link AwsClientBuilderConfigurer} (it
 * has no starter for most of these services), and every {@link AwsSyncClientCustomizer}. Each call
 * is bounded by the checks' timeout and retried by the SDK's standard strategy.
 */
@Configuration(proxyBeanMethods = false)
class PrecheckClients {

  /**
   * Where each partition's S3 bucket quota is kept: AWS documents that commercial Regions' bucket
   * quotas are viewed only from us-east-1, GovCloud's from us-gov-west-1, China's from cn-north-1.
   */
  private static final Map<String, Region> QUOTA_REGIONS =
      Map.of(
          "aws", Region.US_EAST_1,
          "aws-us-gov", Region.US_GOV_WEST_1,
          "aws-cn", Region.CN_NORTH_1);

  /** The clients, in one bean so that nothing outside the checks injects them. */
  record Clients(
      S3Client s3,
      GlueClient glue,
      EventBridgeClient eventBridge,
      LambdaClient lambda,
      ApiGatewayV2Client apiGateway,
      DatabaseMigrationClient dms,
      SecretsManagerClient secrets,
      ServiceQuotasClient quotas)
      implements AutoCloseable {

    @Override
    public void close() {
      s3.close();
      glue.close();
      eventBridge.close();
      lambda.close();
      apiGateway.close();
      dms.close();
      secrets.close();
      quotas.close();
    }
  }

  private final AwsClientBuilderConfigurer configurer;
  private final ObjectProvider<AwsSyncClientCustomizer> customizers;
  private final PrecheckProperties properties;

  PrecheckClients(
      AwsClientBuilderConfigurer configurer,
      ObjectProvider<AwsSyncClientCustomizer> customizers,
      PrecheckProperties properties) {
    this.configurer = configurer;
    this.customizers = customizers;
    this.properties = properties;
  }

  @Bean
  Clients awsReadClients(
      @Value("${spring.cloud.aws.s3.path-style-access-enabled:false}") boolean pathStyle) {
    // HeadBucket must answer 301 for a bucket of another region, not follow it there.
    S3Client s3 =
        configure(S3Client.builder())
            .forcePathStyle(pathStyle)
            .crossRegionAccessEnabled(false)
            .build();
    ServiceQuotasClientBuilder quotas = configure(ServiceQuotasClient.builder());
    Region region = s3.serviceClientConfiguration().region();
    quotas.region(quotaRegion(region));
    return new Clients(
        s3,
        configure(GlueClient.builder()).build(),
        configure(EventBridgeClient.builder()).build(),
        configure(LambdaClient.builder()).build(),
        configure(ApiGatewayV2Client.builder()).build(),
        configure(DatabaseMigrationClient.builder()).build(),
        configure(SecretsManagerClient.builder()).build(),
        quotas.build());
  }

  static Region quotaRegion(Region region) {
    String partition = region.metadata() == null ? "aws" : region.metadata().partition().id();
    return QUOTA_REGIONS.getOrDefault(partition, region);
  }

  private <B extends AwsSyncClientBuilder<?, ?> & AwsClientBuilder<B, ?>> B configure(B builder) {
    configurer.configure(builder);
    ClientOverrideConfiguration current = builder.overrideConfiguration();
    builder.overrideConfiguration(
        current.toBuilder()
            .apiCallTimeout(properties.timeout())
            .retryStrategy(
                AwsRetryStrategy.standardRetryStrategy().toBuilder()
                    .maxAttempts(properties.awsMaxAttempts())
                    .build())
            .build());
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder;
  }
}
