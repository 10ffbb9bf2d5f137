package io.aiplatform.api.reconcile;

import io.aiplatform.api.reconcile.VerifyTargets.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * When each active system is verified: once per interval, at a point of the interval that depends
 * on its id, so that a thousand systems are spread over the interval instead of verified at once. A
 * system keeps its point from turn to turn; one that has not been placed yet, or that missed a
 * whole interval (every API instance was down), is placed again rather than verified at once, so a
 * restart does not verify everything in its first minute. A verify still unanswered skips the
 * system's turn until it is older than the verify timeout (then it is taken as lost).
 */
final class VerifySchedule {

  /** What to do with a due system: its next turn, and whether to verify it now. */
  record Decision(Instant next, boolean verify) {}

  private final Duration interval;
  private final Duration verifyTimeout;

  VerifySchedule(Duration interval, Duration verifyTimeout) {
    this.interval = interval;
    this.verifyTimeout = verifyTimeout;
  }

  Decision decide(Target target, Instant now) {
    Instant due = target.nextVerifyAt();
    if (due == null || due.isBefore(now.minus(interval))) {
      return new Decision(now.plus(offset(target.systemId())), false);
    }
    Instant next = due.plus(interval);
    return new Decision(next, !outstanding(target, now));
  }

  /** Whether a verify sent for the system is still expected to be answered. */
  boolean outstanding(Target target, Instant now) {
    return target.verifyJobId() != null
        && target.verifyRequestedAt() != null
        && target.verifyRequestedAt().isAfter(now.minus(verifyTimeout));
  }

  /** The system's point in the interval: random ids spread evenly over it. */
  Duration offset(UUID systemId) {
    long millis = Math.max(1, interval.toMillis());
    return Duration.ofMillis(Math.floorMod(systemId.getLeastSignificantBits(), millis));
  }

  /** How often the sweep looks for due systems: a thirtieth of the interval, 1 s to 30 s. */
  Duration tick() {
    long millis = Math.min(30_000L, Math.max(1_000L, interval.toMillis() / 30));
    return Duration.ofMillis(millis);
  }
}
