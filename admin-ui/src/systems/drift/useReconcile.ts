import { useEffect, useState } from "react";
import { asProblem, type Api, type Problem } from "../../api/client";
import { reconciliation, type DriftReport, type WithDrift } from "../../api/contract17";
import { useLiveFollow, type FollowTiming } from "../useLiveFollow";

export const NOT_CHECKED: DriftReport = { status: "unknown", checked_at: null, resources: [] };

export function driftOf(system: WithDrift | null): DriftReport {
  return system?.drift ?? NOT_CHECKED;
}

/**
 * Check now / Repair: asks the API for a verify (202), then follows the record (with the page's
 * backoff) until a report newer than the one shown arrives. A verify never changes the system's
 * status, so the report's `checked_at` is what says it is done.
 */
export function useReconcile(
  api: Api,
  systemId: string,
  system: WithDrift | null,
  load: () => Promise<{ system: WithDrift } | null>,
  timing: FollowTiming,
) {
  const [pending, setPending] = useState<{ kind: "check" | "repair"; since: string | null } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const checkedAt = driftOf(system).checked_at;

  useEffect(() => {
    if (pending && checkedAt !== pending.since) {
      setPending(null);
    }
  }, [pending, checkedAt]);

  useLiveFollow(
    pending !== null,
    async () => {
      const loaded = await load();
      return loaded !== null && driftOf(loaded.system).checked_at !== pending?.since;
    },
    timing,
  );

  const request = async (repair: boolean) => {
    const since = checkedAt;
    const { data, error, response } = await reconciliation(api).POST("/admin/systems/{system_id}/reconcile", {
      params: { path: { system_id: systemId }, ...(repair && { query: { repair: true } }) },
    });
    if (data) {
      setProblem(null);
      setPending({ kind: repair ? "repair" : "check", since });
    } else {
      setProblem(asProblem(error, response.status));
    }
  };
  return { checking: pending?.kind ?? null, problem, request };
}
