import { useEffect, useRef } from "react";

/** How often a page that follows something pending asks the API again. */
export interface FollowTiming {
  initialMs: number;
  maxMs: number;
}

export const FOLLOW_TIMING: FollowTiming = { initialMs: 1000, maxMs: 15000 };

/** Polls sooner after a change, and backs off (doubling, up to maxMs) while nothing changes. */
export function nextDelay(current: number, changed: boolean, timing: FollowTiming): number {
  return changed ? timing.initialMs : Math.min(current * 2, timing.maxMs);
}

/**
 * While `active`, calls `poll` (which answers whether anything changed) with backoff. Stops as soon
 * as `active` turns false or the page closes; a failed poll counts as no change.
 */
export function useLiveFollow(
  active: boolean,
  poll: () => Promise<boolean>,
  timing: FollowTiming = FOLLOW_TIMING,
): void {
  const latest = useRef(poll);
  latest.current = poll;
  const { initialMs, maxMs } = timing;
  useEffect(() => {
    if (!active) {
      return;
    }
    let delay = initialMs;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      let changed: boolean;
      try {
        changed = await latest.current();
      } catch {
        changed = false;
      }
      if (!cancelled) {
        delay = nextDelay(delay, changed, { initialMs, maxMs });
        timer = setTimeout(tick, delay);
      }
    };
    timer = setTimeout(tick, delay);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [active, initialMs, maxMs]);
}
