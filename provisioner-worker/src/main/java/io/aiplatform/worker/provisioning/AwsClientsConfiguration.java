package io.aiplatform.worker.provisioning;

import io.awspring.cloud.autoconfigure.AwsSyncClientCustomizer;
import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS clients the steps use beyond the starters' S3 and SQS clients.
 *
 * <p>Spring Cloud AWS has no starter for Glue, DMS, EventBridge or STS, so these clients go through
 * its {@link AwsClientBuilderConfigurer} to share region, credentials and endpoint with the
 * starters' clients, and through every {@link AwsSyncClientCustomizer} like the S3 client.
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

  @Bean
  GlueClient glueClient() {
    return configure(GlueClient.builder()).build();
  }

  @Bean
  EventBridgeClient eventBridgeClient() {
    return configure(EventBridgeClient.builder()).build();
  }

  @Bean
  DatabaseMigrationClient databaseMigrationClient() {
    return configure(DatabaseMigrationClient.builder()).build();
  }

  @Bean
  StsClient stsClient() {
    return configure(StsClient.builder()).build();
  }

  private <B extends AwsSyncClientBuilder<?, ?> & AwsClientBuilder<B, ?>> B configure(B builder) {
    configurer.configure(builder);
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder;
  }
}
