package io.aiplatform.enrichment.delivery;

import static io.aiplatform.enrichment.delivery.FirehoseBatches.MAX_BYTES_PER_CALL;
import static io.aiplatform.enrichment.delivery.FirehoseBatches.MAX_RECORD_BYTES;
import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.testsupport.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardBufferTests {

  final MutableClock clock = new MutableClock();
  final ShardBuffer buffer = new ShardBuffer(Duration.ofSeconds(5), clock);
  final Firehose firehose = new Firehose();
  int nextLine;

  @Test
  void smallBatchesAreHeldUntilTheyFillACallWhichGoesOutFullAtOnce() {
    append(400, "b1");
    assertThat(buffer.deliverReady(firehose)).isTrue();
    assertThat(firehose.calls).isEmpty();
    assertThat(buffer.checkpointable()).isNull();

    append(400, "b2");
    buffer.deliverReady(firehose);

    assertThat(firehose.calls).extracting(List::size).containsExactly(500);
    assertThat(firehose.lines()).containsExactlyElementsOf(texts(0, 500));
    assertThat(buffer.pendingLines()).isEqualTo(300);
  }

  @Test
  void theCheckpointFollowsTheNewestBatchWhoseLinesAreAllDeliveredNeverAPartlyDeliveredOne() {
    append(400, "b1");
    append(400, "b2");
    buffer.deliverReady(firehose);
    // 500 delivered: b1 (lines 0-399) entirely, b2 (400-799) only in part.
    assertThat(buffer.checkpointable()).isEqualTo(position("b1"));

    append(400, "b3");
    buffer.deliverReady(firehose);
    // 1,000 delivered: b2 complete, b3 (800-1,199) in part.
    assertThat(buffer.checkpointable()).isEqualTo(position("b2"));
    assertThat(buffer.checkpointable()).as("reported once").isNull();
    assertThat(buffer.pendingLines()).isEqualTo(200);
  }

  @Test
  void aBatchLargerThanACallIsNotCheckpointedUntilItsRemainderIsDelivered() {
    append(1_200, "big");
    buffer.deliverReady(firehose);

    assertThat(firehose.calls).extracting(List::size).containsExactly(500, 500);
    assertThat(buffer.checkpointable()).isNull();

    buffer.deliverAll(firehose);
    assertThat(firehose.lines()).containsExactlyElementsOf(texts(0, 1_200));
    assertThat(buffer.checkpointable()).isEqualTo(position("big"));
  }

  @Test
  void theRemainderGoesOutOnceItsOldestLineHasWaitedTheMaximumBufferTime() {
    append(10, "b1");
    clock.advance(Duration.ofSeconds(3));
    append(10, "b2");
    clock.advance(Duration.ofMillis(1_999));
    buffer.deliverReady(firehose);
    assertThat(firehose.calls).isEmpty();

    clock.advance(Duration.ofMillis(1));
    buffer.deliverReady(firehose);

    assertThat(firehose.calls).extracting(List::size).containsExactly(20);
    assertThat(buffer.checkpointable()).isEqualTo(position("b2"));
    assertThat(buffer.pendingLines()).isZero();
  }

  @Test
  void theAgeCountsFromTheOldestLineStillPendingOnceTheFullCallsAreOut() {
    append(450, "b1");
    clock.advance(Duration.ofSeconds(5));
    append(100, "b2");
    buffer.deliverReady(firehose);
    // b1 was due, but the full call took all of it; the 50 lines left are b2's, just appended.
    assertThat(firehose.calls).extracting(List::size).containsExactly(500);
    assertThat(buffer.checkpointable()).isEqualTo(position("b1"));

    clock.advance(Duration.ofMillis(4_999));
    buffer.deliverReady(firehose);
    assertThat(firehose.calls).extracting(List::size).containsExactly(500);

    clock.advance(Duration.ofMillis(1));
    buffer.deliverReady(firehose);
    assertThat(firehose.calls).extracting(List::size).containsExactly(500, 50);
    assertThat(buffer.checkpointable()).isEqualTo(position("b2"));
  }

  @Test
  void aZeroMaximumBufferTimeDeliversEveryBatchAsItArrives() {
    ShardBuffer unbuffered = new ShardBuffer(Duration.ZERO, clock);
    unbuffered.append(lines(0, 3), position("b1"));
    unbuffered.deliverReady(firehose);

    assertThat(firehose.calls).extracting(List::size).containsExactly(3);
    assertThat(unbuffered.checkpointable()).isEqualTo(position("b1"));
  }

  @Test
  void aBatchWithoutLinesIsCheckpointableOnceEverythingBeforeItIsDelivered() {
    append(0, "errors-only-1");
    buffer.deliverReady(firehose);
    assertThat(buffer.checkpointable()).isEqualTo(position("errors-only-1"));

    append(10, "b2");
    append(0, "errors-only-3");
    buffer.deliverReady(firehose);
    assertThat(buffer.checkpointable()).isNull();

    buffer.deliverAll(firehose);
    assertThat(buffer.checkpointable()).isEqualTo(position("errors-only-3"));
    assertThat(firehose.calls).extracting(List::size).containsExactly(10);
  }

  @Test
  void fourMebibytesMakeAFullCallBeforeFiveHundredRecords() {
    // Eight lines of 512 KiB fill a call to exactly 4 MiB: full, so it goes out at once.
    for (int i = 0; i < 8; i++) {
      buffer.append(List.of(new byte[MAX_BYTES_PER_CALL / 8]), position("half-" + i));
    }
    buffer.deliverReady(firehose);
    assertThat(firehose.calls).extracting(List::size).containsExactly(8);
    assertThat(buffer.checkpointable()).isEqualTo(position("half-7"));

    // Five lines of 1,000 KiB: four fit a call, the fifth does not; the four go, the fifth waits.
    for (int i = 0; i < 5; i++) {
      buffer.append(List.of(new byte[MAX_RECORD_BYTES]), position("max-" + i));
    }
    buffer.deliverReady(firehose);
    assertThat(firehose.calls).extracting(List::size).containsExactly(8, 4);
    assertThat(buffer.checkpointable()).isEqualTo(position("max-3"));
    assertThat(buffer.pendingLines()).isEqualTo(1);
  }

  @Test
  void whenTheConsumerStopsMidwayWhatWasNotAcceptedStaysPendingAndUncheckpointed() {
    append(300, "b1");
    append(300, "b2");
    append(500, "b3");
    firehose.stopAfter = 1;

    assertThat(buffer.deliverAll(firehose)).isFalse();

    assertThat(firehose.calls).extracting(List::size).containsExactly(500);
    assertThat(buffer.checkpointable()).isEqualTo(position("b1"));
    assertThat(buffer.pendingLines()).isEqualTo(600);
  }

  @Test
  void aLostLeaseDropsThePendingLinesAndTheirMarks() {
    append(100, "b1");
    buffer.clear();

    assertThat(buffer.pendingLines()).isZero();
    assertThat(buffer.checkpointable()).isNull();
    append(0, "b2");
    assertThat(buffer.checkpointable()).isEqualTo(position("b2"));
  }

  private void append(int count, String batch) {
    buffer.append(lines(nextLine, nextLine + count), position(batch));
    nextLine += count;
  }

  private static ShardBuffer.Position position(String batch) {
    return new ShardBuffer.Position("end-of-" + batch, 0);
  }

  private static List<byte[]> lines(int from, int to) {
    return texts(from, to).stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
  }

  private static List<String> texts(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "line-" + i).toList();
  }

  /** Accepts every call, until told to stop as a stopping consumer would. */
  static final class Firehose implements ShardBuffer.Sender {
    final List<List<byte[]>> calls = new ArrayList<>();
    int stopAfter = Integer.MAX_VALUE;

    @Override
    public boolean send(List<byte[]> call) {
      if (calls.size() >= stopAfter) {
        return false;
      }
      calls.add(List.copyOf(call));
      return true;
    }

    List<String> lines() {
      return calls.stream()
          .flatMap(List::stream)
          .map(b -> new String(b, StandardCharsets.UTF_8))
          .toList();
    }
  }
}
