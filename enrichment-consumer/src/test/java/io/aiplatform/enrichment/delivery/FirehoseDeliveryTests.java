package io.aiplatform.enrichment.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.enrichment.Emulator;
import io.aiplatform.enrichment.PartialFailureInterceptor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.s3.S3Client;

class FirehoseDeliveryTests {

  static FirehoseClient setup;
  static S3Client s3;

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final String stream = "delivery-" + UUID.randomUUID();
  final String bucket = "delivery-" + UUID.randomUUID();

  @BeforeAll
  static void clients() {
    setup = Emulator.configure(FirehoseClient.builder()).build();
    s3 = Emulator.s3();
  }

  @AfterAll
  static void close() {
    setup.close();
    s3.close();
  }

  @Test
  void acceptedRecordsLandInTheDestinationBucketAsLines() {
    Emulator.createDeliveryStream(setup, s3, stream, bucket);
    FirehoseDelivery delivery = new FirehoseDelivery(setup, registry);

    assertThat(delivery.put(stream, lines(3))).isEmpty();

    assertThat(Emulator.lines(s3, bucket)).containsExactly("line-0", "line-1", "line-2");
    assertThat(registry.counter("enrichment.firehose.calls", "stream", stream).count())
        .isEqualTo(1);
  }

  @Test
  void reportsExactlyTheEntriesFirehoseRejectedSoThatOnlyThoseAreRetried() {
    Emulator.createDeliveryStream(setup, s3, stream, bucket);
    PartialFailureInterceptor faults = new PartialFailureInterceptor(3, 1);
    FirehoseDelivery delivery =
        new FirehoseDelivery(
            Emulator.configure(FirehoseClient.builder(), faults).build(), registry);

    List<byte[]> failed = delivery.put(stream, lines(9));

    assertThat(failed)
        .extracting(FirehoseDeliveryTests::text)
        .containsExactly("line-2\n", "line-5\n", "line-8\n");
    assertThat(Emulator.lines(s3, bucket))
        .containsExactly("line-0", "line-1", "line-3", "line-4", "line-6", "line-7");
    assertThat(delivery.put(stream, failed)).isEmpty();
    assertThat(Emulator.lines(s3, bucket)).hasSize(9).doesNotHaveDuplicates();
    assertThat(registry.counter("enrichment.firehose.failed.entries", "stream", stream).count())
        .isEqualTo(3);
  }

  @Test
  void aCallThatFailsAltogetherReportsEveryRecordAsNotAccepted() {
    FirehoseDelivery delivery = new FirehoseDelivery(setup, registry);

    List<byte[]> records = lines(2);
    assertThat(delivery.put("no-such-stream-" + UUID.randomUUID(), records))
        .containsExactlyElementsOf(records);
  }

  private static List<byte[]> lines(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> ("line-" + i + "\n").getBytes(StandardCharsets.UTF_8))
        .toList();
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
