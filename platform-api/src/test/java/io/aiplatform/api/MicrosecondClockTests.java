package io.aiplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The API's clock keeps what PostgreSQL keeps, and still answers in milliseconds. */
class MicrosecondClockTests {

  private final MicrosecondClock clock = new MicrosecondClock();

  @Test
  void instantsCarryNoMoreThanMicroseconds() {
    Instant now = clock.instant();

    assertThat(now.getNano() % 1_000).isZero();
  }

  @Test
  void millisAreTheSystemClocks() {
    long before = System.currentTimeMillis();

    assertThat(clock.millis()).isBetween(before, System.currentTimeMillis());
  }
}
