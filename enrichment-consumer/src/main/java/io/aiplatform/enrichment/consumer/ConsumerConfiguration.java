package io.aiplatform.enrichment.consumer;

import io.aiplatform.enrichment.EnrichmentProperties;
import io.aiplatform.enrichment.delivery.FirehoseDelivery;
import io.aiplatform.enrichment.enrich.EventEnricher;
import io.aiplatform.enrichment.enrich.ReferenceData;
import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.awspring.cloud.autoconfigure.core.AwsProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;

/**
 * Wires the consumer. Every AWS client goes through Spring Cloud AWS's builder configurer, so the
 * {@code spring.cloud.aws.*} region, credentials and endpoint apply to all of them.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

  @Bean(destroyMethod = "close")
  KclClients kclClients(AwsClientBuilderConfigurer aws, AwsProperties awsProperties) {
    // An endpoint override means an emulator, which speaks HTTP/1.1 only.
    return KclClients.build(aws::configure, awsProperties.getEndpoint() != null);
  }

  @Bean(destroyMethod = "close")
  DynamoDbClient referenceDynamoDbClient(AwsClientBuilderConfigurer aws) {
    return aws.configure(DynamoDbClient.builder()).build();
  }

  @Bean(destroyMethod = "close")
  FirehoseClient firehoseClient(AwsClientBuilderConfigurer aws) {
    return aws.configure(FirehoseClient.builder()).build();
  }

  @Bean
  EventEnricher eventEnricher(
      DynamoDbClient dynamo, EnrichmentProperties properties, MeterRegistry registry) {
    ReferenceData references =
        new ReferenceData(
            dynamo, properties.referenceTable(), properties.cache(), properties.retry(), registry);
    return new EventEnricher(references, properties.referenceField(), Clock.systemUTC(), registry);
  }

  @Bean
  FirehoseDelivery firehoseDelivery(FirehoseClient firehose, MeterRegistry registry) {
    return new FirehoseDelivery(firehose, registry);
  }

  /** Contributes {@code delivery} to the health endpoint and to the readiness group. */
  @Bean
  ProgressHealth deliveryHealthIndicator(EnrichmentProperties properties) {
    return new ProgressHealth(properties.retry().failuresBeforeUnready());
  }

  /** Contributes {@code kcl} to the health endpoint and to the readiness group. */
  @Bean
  SchedulerHealth kclHealthIndicator(ObjectProvider<ConsumerLifecycle> lifecycle) {
    return new SchedulerHealth(lifecycle);
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "platform.enrichment.kcl.enabled", matchIfMissing = true)
  ConsumerLifecycle consumerLifecycle(
      EnrichmentProperties properties,
      KclClients clients,
      EventEnricher enricher,
      FirehoseDelivery delivery,
      ProgressHealth health,
      MeterRegistry registry) {
    ShardGauges gauges = new ShardGauges(registry);
    return new ConsumerLifecycle(
        () ->
            new ConsumerWorker(
                properties,
                clients,
                enricher,
                delivery,
                health,
                gauges,
                Clock.systemUTC(),
                workerId()));
  }

  private static String workerId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host + "-" + UUID.randomUUID();
  }
}
