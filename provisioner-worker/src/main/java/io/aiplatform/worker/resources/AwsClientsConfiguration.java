package io.aiplatform.worker.resources;

import io.aiplatform.worker.WorkerProperties;
import io.awspring.cloud.autoconfigure.AwsAsyncClientCustomizer;
import io.awspring.cloud.autoconfigure.AwsSyncClientCustomizer;
import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS clients the steps use beyond the starters' S3 and SQS clients, and the retry strategy of
 * every client.
 *
 * <p>Spring Cloud AWS has no starter for Glue, DMS, EventBridge, Lambda, API Gateway, CloudWatch,
 * KMS or STS, so these clients go through its {@link AwsClientBuilderConfigurer} to share region,
 * credentials and endpoint with the starters' clients, and through every {@link
 * AwsSyncClientCustomizer} like the S3 client.
 */
@Configuration(proxyBeanMethods = false)
class AwsClientsConfiguration {

  private final AwsClientBuilderConfigurer configurer;
  private final ObjectProvider<AwsSyncClientCustomizer> customizers;

  AwsClientsConfiguration(
      AwsClientBuilderConfigurer configurer, ObjectProvider<AwsSyncClientCustomizer> customizers) {
    this.configurer = configurer;
    this.customizers = customizers;
  }

  /**
   * The SDK's standard retry strategy with the worker's number of attempts, on every client: a call
   * the SDK retries costs milliseconds, a job-level retry costs its queue delay.
   */
  @Bean
  @Order(0)
  AwsSyncClientCustomizer retryingSyncClients(WorkerProperties properties) {
    return builder -> retries((SdkClientBuilder<?, ?>) builder, properties.awsMaxAttempts());
  }

  @Bean
  @Order(0)
  AwsAsyncClientCustomizer retryingAsyncClients(WorkerProperties properties) {
    return builder -> retries((SdkClientBuilder<?, ?>) builder, properties.awsMaxAttempts());
  }

  @Bean
  GlueClient glueClient() {
    return configure(GlueClient.builder()).build();
  }

  @Bean
  EventBridgeClient eventBridgeClient() {
    return configure(EventBridgeClient.builder()).build();
  }

  @Bean
  DatabaseMigrationClient databaseMigrationClient(
      @Value("${spring.cloud.aws.endpoint:}") String endpoint) {
    DatabaseMigrationClientBuilder builder = configure(DatabaseMigrationClient.builder());
    if (outsideAws(endpoint)) {
      builder.overrideConfiguration(
          builder.overrideConfiguration().toBuilder()
              .addExecutionInterceptor(new EmulatorDmsDates())
              .build());
    }
    return builder.build();
  }

  @Bean
  DynamoDbClient dynamoDbClient() {
    return configure(DynamoDbClient.builder()).build();
  }

  @Bean
  LambdaClient lambdaClient() {
    return configure(LambdaClient.builder()).build();
  }

  @Bean
  ApiGatewayV2Client apiGatewayV2Client() {
    return configure(ApiGatewayV2Client.builder()).build();
  }

  @Bean
  CloudWatchClient cloudWatchClient() {
    return configure(CloudWatchClient.builder()).build();
  }

  @Bean
  CloudWatchLogsClient cloudWatchLogsClient() {
    return configure(CloudWatchLogsClient.builder()).build();
  }

  @Bean
  KmsClient kmsClient() {
    return configure(KmsClient.builder()).build();
  }

  @Bean
  StsClient stsClient() {
    return configure(StsClient.builder()).build();
  }

  /** Whether the endpoint override points at an emulator rather than at AWS itself. */
  static boolean outsideAws(String endpoint) {
    if (endpoint == null || endpoint.isBlank()) {
      return false;
    }
    String host = URI.create(endpoint).getHost();
    return host != null && !host.endsWith(".amazonaws.com") && !host.endsWith(".amazonaws.com.cn");
  }

  private static void retries(SdkClientBuilder<?, ?> builder, int maxAttempts) {
    ClientOverrideConfiguration current = builder.overrideConfiguration();
    builder.overrideConfiguration(
        current.toBuilder()
            .retryStrategy(
                AwsRetryStrategy.standardRetryStrategy().toBuilder()
                    .maxAttempts(maxAttempts)
                    .build())
            .build());
  }

  private <B extends AwsSyncClientBuilder<?, ?> & AwsClientBuilder<B, ?>> B configure(B builder) {
    configurer.configure(builder);
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder;
  }
}
