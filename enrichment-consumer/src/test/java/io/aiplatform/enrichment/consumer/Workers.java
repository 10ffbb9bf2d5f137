package io.aiplatform.enrichment.consumer;

import io.aiplatform.enrichment.Emulator;
import io.aiplatform.enrichment.EnrichmentProperties;
import io.aiplatform.enrichment.delivery.FirehoseDelivery;
import io.aiplatform.enrichment.enrich.EventEnricher;
import io.aiplatform.enrichment.enrich.ReferenceData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;

/**
 * KCL workers built from the module's own classes, without a Spring context, so that one test can
 * run several at once and stop and start them at will. Each has its own clients and metrics.
 */
final class Workers implements AutoCloseable {

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final List<ConsumerWorker> started = new ArrayList<>();

  /** A started worker; faults are injected into its DynamoDB and Firehose clients. */
  Worker start(
      String name,
      EnrichmentProperties properties,
      ExecutionInterceptor dynamoFault,
      ExecutionInterceptor firehoseFault) {
    return start(name, properties, dynamoFault, firehoseFault, Clock.systemUTC());
  }

  /**
   * A started worker whose shard buffers age by {@code clock}; {@code firehoseFault} sees (or
   * fails) its Firehose calls.
   */
  Worker start(
      String name,
      EnrichmentProperties properties,
      ExecutionInterceptor dynamoFault,
      ExecutionInterceptor firehoseFault,
      Clock clock) {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    KclClients kcl = KclClients.build(Emulator::configure, true);
    DynamoDbClient dynamo =
        Emulator.configure(DynamoDbClient.builder(), faults(dynamoFault)).build();
    FirehoseClient firehose =
        Emulator.configure(FirehoseClient.builder(), faults(firehoseFault)).build();
    resources.addAll(List.of(kcl, dynamo, firehose));
    ReferenceData references =
        new ReferenceData(
            dynamo, properties.referenceTable(), properties.cache(), properties.retry(), registry);
    ProgressHealth health = new ProgressHealth(properties.retry().failuresBeforeUnready());
    ConsumerWorker worker =
        new ConsumerWorker(
            properties,
            kcl,
            new EventEnricher(references, properties.referenceField(), Clock.systemUTC(), registry),
            new FirehoseDelivery(firehose, registry),
            health,
            new ShardGauges(registry),
            clock,
            name);
    worker.start();
    started.add(worker);
    return new Worker(worker, registry, health);
  }

  Worker start(String name, EnrichmentProperties properties) {
    return start(name, properties, null, null);
  }

  private static ExecutionInterceptor[] faults(ExecutionInterceptor fault) {
    return fault == null ? new ExecutionInterceptor[0] : new ExecutionInterceptor[] {fault};
  }

  /** Stops whatever is still running, then closes every client. */
  @Override
  public void close() throws Exception {
    for (ConsumerWorker worker : started) {
      worker.stop();
    }
    for (AutoCloseable resource : resources) {
      resource.close();
    }
  }

  /** A running worker and the metrics it recorded. */
  record Worker(ConsumerWorker worker, SimpleMeterRegistry metrics, ProgressHealth health) {
    double received() {
      return metrics.counter("enrichment.events.received").count();
    }
  }
}
