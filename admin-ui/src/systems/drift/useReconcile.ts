import { useEffect, useState } from "react";
import { asProblem, type Api, type DriftReport, type Problem, type SystemRecord } from "../../api/client";
import { useLiveFollow, type FollowTiming } from "../useLiveFollow";

export const NOT_CHECKED: DriftReport = { status: "unknown", checked_at: null, resources: [] };

export function driftOf(system: SystemRecord | null): DriftReport {
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
  system: SystemRecord | null,
  load: () => Promise<{ system: SystemRecord } | null>,
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
    const { data, error, response } = await api.POST("/admin/systems/{system_id}/reconcile", {
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
