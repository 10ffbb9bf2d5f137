package io.aiplatform.enrichment.delivery;

import static io.aiplatform.enrichment.delivery.FirehoseBatches.MAX_BYTES_PER_CALL;
import static io.aiplatform.enrichment.delivery.FirehoseBatches.MAX_RECORDS_PER_CALL;
import static io.aiplatform.enrichment.delivery.FirehoseBatches.MAX_RECORD_BYTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class FirehoseBatchesTests {

  @Test
  void fiveHundredRecordsFitOneCallAndTheFiveHundredAndFirstStartsAnother() {
    assertThat(FirehoseBatches.split(records(500, 10))).hasSize(1);
    assertThat(FirehoseBatches.split(records(501, 10)))
        .extracting(List::size)
        .containsExactly(500, 1);
  }

  @Test
  void callsOfExactlyFourMebibytesAreFilledAndOneMoreByteStartsANewCall() {
    // Four records at the per-record limit plus one filling the call to exactly 4 MiB.
    int rest = MAX_BYTES_PER_CALL - 4 * MAX_RECORD_BYTES;
    List<byte[]> exact = records(4, MAX_RECORD_BYTES);
    exact.add(new byte[rest]);
    assertThat(FirehoseBatches.split(exact)).hasSize(1);

    List<byte[]> over = records(4, MAX_RECORD_BYTES);
    over.add(new byte[rest + 1]);
    assertThat(FirehoseBatches.split(over)).extracting(List::size).containsExactly(4, 1);
  }

  @Test
  void aRecordOfExactly1000KibIsAcceptedAndOneByteMoreIsRefused() {
    assertThat(FirehoseBatches.split(List.of(new byte[MAX_RECORD_BYTES]))).hasSize(1);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FirehoseBatches.split(List.of(new byte[MAX_RECORD_BYTES + 1])));
  }

  @Test
  void noRecordsMakeNoCalls() {
    assertThat(FirehoseBatches.split(List.of())).isEmpty();
  }

  @RepeatedTest(20)
  void randomRecordsKeepTheirOrderAndEveryCallRespectsEveryLimit() {
    Random random = new Random();
    List<byte[]> records = new ArrayList<>();
    int count = random.nextInt(3000);
    for (int i = 0; i < count; i++) {
      // Mostly small records with a few near the per-record limit.
      int size =
          random.nextInt(10) == 0 ? random.nextInt(MAX_RECORD_BYTES) + 1 : random.nextInt(64);
      records.add(new byte[size]);
    }
    List<List<byte[]>> calls = FirehoseBatches.split(records);

    assertThat(calls.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(records);
    for (int i = 0; i < calls.size(); i++) {
      List<byte[]> call = calls.get(i);
      assertThat(call).isNotEmpty().hasSizeLessThanOrEqualTo(MAX_RECORDS_PER_CALL);
      assertThat(bytes(call)).isLessThanOrEqualTo(MAX_BYTES_PER_CALL);
      if (i + 1 < calls.size()) {
        // Greedy: a call is only closed when the next record would break a limit.
        byte[] next = calls.get(i + 1).get(0);
        assertThat(
                call.size() == MAX_RECORDS_PER_CALL
                    || bytes(call) + next.length > MAX_BYTES_PER_CALL)
            .isTrue();
      }
    }
  }

  private static List<byte[]> records(int count, int size) {
    return new ArrayList<>(IntStream.range(0, count).mapToObj(i -> new byte[size]).toList());
  }

  private static long bytes(List<byte[]> call) {
    return call.stream().mapToLong(r -> r.length).sum();
  }
}
