package io.aiplatform.api;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The system clock in microseconds, as PostgreSQL keeps times, so that a time read back (a page
 * cursor) is exactly the time written. Not {@code Clock.tick(..., 1 µs)}: on JDK 17 its {@code
 * millis()} divides by zero for ticks under a millisecond.
 */
final class MicrosecondClock extends Clock {

  private final Clock system = Clock.systemUTC();

  @Override
  public Instant instant() {
    return system.instant().truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public long millis() {
    return system.millis();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(ZoneOffset.UTC) ? this : Clock.fixed(instant(), zone);
  }
}
