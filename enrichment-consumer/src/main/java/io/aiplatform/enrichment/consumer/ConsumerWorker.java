package io.aiplatform.enrichment.consumer;

import io.aiplatform.enrichment.Backoff;
import io.aiplatform.enrichment.EnrichmentProperties;
import io.aiplatform.enrichment.delivery.FirehoseDelivery;
import io.aiplatform.enrichment.delivery.ShardBuffer;
import io.aiplatform.enrichment.enrich.EventEnricher;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.kinesis.coordinator.Scheduler;

/**
 * One KCL worker: a {@link Scheduler} on its own thread whose shard processors enrich and deliver.
 * Several may run in one JVM (the tests do), each with its own worker id.
 */
final class ConsumerWorker {

  private static final Logger log = LoggerFactory.getLogger(ConsumerWorker.class);

  private final String workerId;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final Scheduler scheduler;
  private final EnrichmentProperties.Kcl kcl;
  private Thread thread;

  ConsumerWorker(
      EnrichmentProperties properties,
      KclClients clients,
      EventEnricher enricher,
      FirehoseDelivery delivery,
      ProgressHealth health,
      ShardGauges gauges,
      Clock clock,
      String workerId) {
    this.workerId = workerId;
    this.kcl = properties.kcl();
    Retrier retrier = new Retrier(Backoff.of(properties.retry()), health, stopping::get);
    BatchPipeline pipeline =
        new BatchPipeline(
            enricher,
            delivery,
            retrier,
            properties.deliveryStream(),
            properties.errorDeliveryStream());
    Duration maxBufferTime = properties.delivery().maxBufferTime();
    this.scheduler =
        SchedulerFactory.create(
            properties,
            clients,
            workerId,
            () ->
                new EnrichingRecordProcessor(
                    pipeline, new ShardBuffer(maxBufferTime, clock), gauges));
  }

  synchronized void start() {
    thread = new Thread(scheduler, "kcl-" + workerId);
    thread.start();
    log.info("KCL worker {} started", workerId);
  }

  synchronized boolean isRunning() {
    return thread != null && thread.isAlive();
  }

  /**
   * Stops gracefully: every shard finishes the batch in hand, delivers its buffered lines,
   * checkpoints and gives up its lease. A shard stuck retrying abandons its lines without
   * checkpointing.
   *
   * @return whether the graceful shutdown finished within its timeout
   */
  synchronized boolean stop() {
    if (thread == null) {
      return true;
    }
    stopping.set(true);
    long timeoutMillis = kcl.gracefulShutdownTimeout().toMillis();
    boolean graceful = awaitGracefulShutdown(scheduler.startGracefulShutdown(), timeoutMillis);
    if (!graceful) {
      scheduler.shutdown();
    }
    try {
      thread.join(timeoutMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
    log.info("KCL worker {} stopped ({})", workerId, graceful ? "graceful" : "forced");
    return graceful;
  }

  private boolean awaitGracefulShutdown(CompletableFuture<Boolean> done, long timeoutMillis) {
    try {
      return Boolean.TRUE.equals(done.get(timeoutMillis, TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      log.warn("KCL worker {}: graceful shutdown did not complete: {}", workerId, e.toString());
      return false;
    }
  }
}
