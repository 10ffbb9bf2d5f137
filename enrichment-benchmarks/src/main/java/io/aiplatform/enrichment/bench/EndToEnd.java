package io.aiplatform.enrichment.bench;

import io.aiplatform.enrichment.EnrichmentConsumerApplication;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchRequest;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Benchmark (c): events per second through moto, Kinesis to the consumer application (started
 * in-process, exactly as shipped) to Firehose to S3, and the share of that time spent waiting on
 * the emulator. The events are on the stream before the consumer starts; the clock runs from the
 * first GetRecords that returns records to the Firehose call that completes the last event, so
 * KCL's start-up (lease table, first shard sync) is not counted.
 *
 * <p>Usage: {@code EndToEnd ENDPOINT SHARDS PRODUCTS EVENTS [MOTO_PID]}
 */
public final class EndToEnd {

  private static final String MAX_BUFFER_TIME = "0s";

  private EndToEnd() {}

  /** Runs once and exits: the in-process application leaves non-daemon threads behind. */
  public static void main(String[] args) {
    int status = 1;
    try {
      run(args);
      status = 0;
    } catch (Exception e) {
      e.printStackTrace();
    }
    System.exit(status);
  }

  private static void run(String[] args) throws Exception {
    Moto moto = new Moto(args[0]);
    int shards = Integer.parseInt(args[1]);
    int products = Integer.parseInt(args[2]);
    int events = Integer.parseInt(args[3]);
    Long motoPid = args.length > 4 ? Long.valueOf(args[4]) : null;
    String id = UUID.randomUUID().toString().substring(0, 8);
    Names names = new Names(id);

    try (KinesisClient kinesis = moto.configure(KinesisClient.builder()).build();
        DynamoDbClient dynamo = moto.configure(DynamoDbClient.builder()).build();
        FirehoseClient firehose = moto.configure(FirehoseClient.builder()).build();
        S3Client s3 = moto.s3()) {
      createStream(kinesis, names.stream(), shards);
      moto.createReferenceTable(dynamo, names.table(), products);
      moto.createDeliveryStream(firehose, s3, names.delivery(), names.delivery());
      moto.createDeliveryStream(firehose, s3, names.errors(), names.errors());
      long putStart = System.nanoTime();
      put(kinesis, names.stream(), events, products);
      System.out.printf(
          "setup: %,d events of %d bytes put on %d shards in %.1f s%n",
          events, Events.SIZE, shards, (System.nanoTime() - putStart) / 1e9);

      System.out.printf(
          "model: the consumer as shipped, with short KCL timers and max-buffer-time %s%n",
          MAX_BUFFER_TIME);
      Window window = new Window(names.delivery(), events, motoPid);
      SdkCallTimer.start(window::finished);
      long appStart = System.nanoTime();
      ConfigurableApplicationContext app =
          SpringApplication.run(EnrichmentConsumerApplication.class, names.arguments(moto));
      try {
        if (!window.done.await(10, TimeUnit.MINUTES)) {
          throw new IllegalStateException("only " + window.accepted.get() + " events delivered");
        }
      } finally {
        SdkCallTimer.stop();
        app.close();
      }
      long delivered = moto.lines(s3, names.delivery());
      long errors = moto.lines(s3, names.errors());
      window.report(shards, (window.firstRecords - appStart) / 1e9, delivered, errors);
      if (delivered != events || errors != 0) {
        throw new IllegalStateException(delivered + " lines and " + errors + " errors in S3");
      }
    }
  }

  private static void createStream(KinesisClient kinesis, String stream, int shards)
      throws InterruptedException {
    kinesis.createStream(b -> b.streamName(stream).shardCount(shards));
    for (int i = 0; i < 300; i++) {
      StreamStatus status =
          kinesis
              .describeStreamSummary(b -> b.streamName(stream))
              .streamDescriptionSummary()
              .streamStatus();
      if (status == StreamStatus.ACTIVE) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    throw new IllegalStateException("stream " + stream + " did not become active");
  }

  private static void put(KinesisClient kinesis, String stream, int events, int products) {
    Events generator = new Events(3);
    java.util.Random random = new java.util.Random(5);
    for (int from = 0; from < events; from += 500) {
      List<PutRecordsRequestEntry> entries = new ArrayList<>();
      for (int i = from; i < Math.min(events, from + 500); i++) {
        byte[] data = generator.event(i, Events.productId(random.nextInt(products)));
        entries.add(
            PutRecordsRequestEntry.builder()
                .partitionKey(UUID.randomUUID().toString())
                .data(SdkBytes.fromByteArray(data))
                .build());
      }
      Integer failed =
          kinesis.putRecords(b -> b.streamName(stream).records(entries)).failedRecordCount();
      if (failed != null && failed > 0) {
        throw new IllegalStateException("moto refused " + failed + " records");
      }
    }
  }

  /** The names of one run's resources and the consumer settings that point at them. */
  private record Names(String id) {
    String stream() {
      return "bench-events-" + id;
    }

    String table() {
      return "bench-reference-" + id;
    }

    String delivery() {
      return "bench-enriched-" + id;
    }

    String errors() {
      return "bench-errors-" + id;
    }

    String[] arguments(Moto moto) {
      Map<String, String> settings = new java.util.TreeMap<>(KclTimers.SETTINGS);
      settings.put("platform.enrichment.stream-name", stream());
      settings.put("platform.enrichment.application-name", "bench-enrichment-" + id);
      settings.put("platform.enrichment.reference-table", table());
      settings.put("platform.enrichment.delivery-stream", delivery());
      settings.put("platform.enrichment.error-delivery-stream", errors());
      settings.put("spring.cloud.aws.endpoint", moto.endpoint());
      settings.put("spring.cloud.aws.region.static", Moto.REGION);
      settings.put("spring.cloud.aws.credentials.access-key", "test");
      settings.put("spring.cloud.aws.credentials.secret-key", "test");
      settings.put("spring.cloud.aws.s3.path-style-access-enabled", "true");
      // Throughput under sustained load: full PutRecordBatch calls leave at once whatever the
      // buffer time, and only the remainder after the last event waits for it. With the default
      // 5 s that one tail wait would be a third of this finite run's window, so it is turned off.
      settings.put("platform.enrichment.delivery.max-buffer-time", MAX_BUFFER_TIME);
      settings.put("server.port", "0");
      settings.put("logging.level.root", "WARN");
      return settings.entrySet().stream()
          .map(e -> "--" + e.getKey() + "=" + e.getValue())
          .toArray(String[]::new);
    }
  }

  /** Watches the calls: when the first records arrive, and when the last event is delivered. */
  private static final class Window {
    final CountDownLatch done = new CountDownLatch(1);
    final AtomicLong accepted = new AtomicLong();
    private final String deliveryStream;
    private final long events;
    private final Long motoPid;
    volatile long firstRecords;
    private long jvmCpuAtStart;
    private long motoCpuAtStart;
    private Snapshot end;

    Window(String deliveryStream, long events, Long motoPid) {
      this.deliveryStream = deliveryStream;
      this.events = events;
      this.motoPid = motoPid;
    }

    synchronized void finished(String operation, Context.AfterExecution context) {
      if (firstRecords == 0
          && context.response() instanceof GetRecordsResponse response
          && !response.records().isEmpty()) {
        SdkCallTimer.start(this::finished);
        firstRecords = System.nanoTime();
        jvmCpuAtStart = jvmCpuNanos();
        motoCpuAtStart = motoCpuNanos();
      } else if (firstRecords != 0
          && end == null
          && context.request() instanceof PutRecordBatchRequest request
          && request.deliveryStreamName().equals(deliveryStream)) {
        PutRecordBatchResponse response = (PutRecordBatchResponse) context.response();
        int failed = response.failedPutCount() == null ? 0 : response.failedPutCount();
        if (accepted.addAndGet(request.records().size() - failed) >= events) {
          end =
              new Snapshot(
                  System.nanoTime() - firstRecords,
                  jvmCpuNanos() - jvmCpuAtStart,
                  motoCpuNanos() - motoCpuAtStart,
                  SdkCallTimer.byOperation(),
                  SdkCallTimer.processingThreadNanos(),
                  SdkCallTimer.busyNanos());
          done.countDown();
        }
      }
    }

    void report(int shards, double startupSeconds, long delivered, long errors) {
      Snapshot s = end;
      double seconds = s.nanos() / 1e9;
      s.calls()
          .forEach(
              (op, v) ->
                  System.out.printf(
                      "  %-24s %,7d calls  %,9.0f ms inside  %7.2f per 1,000 events%n",
                      op, v[0], v[1] / 1e6, 1000.0 * v[0] / events));
      long[] batchGets = s.calls().getOrDefault("BatchGetItem", new long[2]);
      long[] puts = s.calls().getOrDefault("PutRecordBatch", new long[2]);
      System.out.printf(
          "RESULT shards=%d events=%d seconds=%.2f eventsPerSecond=%.0f"
              + " processingWaitShare=%.2f anyCallInFlightShare=%.2f jvmCpuCores=%.2f"
              + " motoCpuCores=%s firehosePer1000=%.2f dynamoPer1000=%.2f kclStartupSeconds=%.1f"
              + " s3Lines=%d s3Errors=%d%n",
          shards,
          events,
          seconds,
          events / seconds,
          s.processingNanos() / (double) (shards * s.nanos()),
          s.busyNanos() / (double) s.nanos(),
          s.jvmCpuNanos() / (double) s.nanos(),
          motoPid == null ? "n/a" : "%.2f".formatted(s.motoCpuNanos() / (double) s.nanos()),
          1000.0 * puts[0] / events,
          1000.0 * batchGets[0] / events,
          startupSeconds,
          delivered,
          errors);
    }

    private static long jvmCpuNanos() {
      return ((com.sun.management.OperatingSystemMXBean)
              ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }

    /** utime + stime of moto_server from /proc (clock ticks of 10 ms, Linux's USER_HZ). */
    private long motoCpuNanos() {
      if (motoPid == null) {
        return 0;
      }
      try {
        String stat = Files.readString(Path.of("/proc/" + motoPid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
      } catch (java.io.IOException e) {
        return 0;
      }
    }
  }

  private record Snapshot(
      long nanos,
      long jvmCpuNanos,
      long motoCpuNanos,
      Map<String, long[]> calls,
      long processingNanos,
      long busyNanos) {}
}
