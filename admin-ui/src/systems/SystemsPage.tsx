import { useCallback, useEffect, useId, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useApp } from "../AppContext";
import { asProblem, isPending, type Problem, type SystemRecord, type SystemStatus } from "../api/client";
import { usePage } from "../ui/usePage";
import { StatusBadge, statusLabel } from "../ui/StatusBadge";
import { ProblemBanner } from "../ui/ProblemBanner";
import { formatTime } from "../ui/format";
import { useLiveFollow, type FollowTiming, FOLLOW_TIMING } from "./useLiveFollow";
import { DriftBadge } from "./drift/DriftSection";

export const STATUSES: SystemStatus[] = [
  "pending_provisioning",
  "active",
  "provisioning_failed",
  "updating",
  "update_failed",
  "deprovisioning",
  "deleted",
  "deprovisioning_failed",
];

interface Props {
  pageSize?: number;
  timing?: FollowTiming;
}

/** Every system, newest first, a page at a time; pending ones are followed live. */
export function SystemsPage({ pageSize = 20, timing = FOLLOW_TIMING }: Props) {
  const { api } = useApp();
  const heading = usePage("Systems");
  const [params, setParams] = useSearchParams();
  const status = (params.get("status") ?? "") as SystemStatus | "";
  const drifted = params.get("drifted") ?? "";
  const driftId = useId();
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [items, setItems] = useState<SystemRecord[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const filterId = useId();
  const cursor = cursors[cursors.length - 1];

  const load = useCallback(async () => {
    const { data, error, response } = await api.GET("/admin/systems", {
      params: { query: { limit: pageSize, status: status || undefined, cursor, ...((drifted === "true" || drifted === "false") && { drifted }) } },
    });
    if (!data) {
      setProblem(asProblem(error, response.status));
      return null;
    }
    setProblem(null);
    setNext(data.next_cursor ?? null);
    return data.items;
  }, [api, pageSize, status, drifted, cursor]);

  useEffect(() => {
    let current = true;
    void load().then((loaded) => current && loaded && setItems(loaded));
    return () => {
      current = false;
    };
  }, [load]);

  useLiveFollow(
    (items ?? []).some((s) => isPending(s.status)),
    async () => {
      const loaded = await load();
      if (!loaded || !items) {
        return false;
      }
      const before = new Map(items.map((s) => [s.system_id, s.status]));
      const changes = loaded.filter((s) => before.get(s.system_id) !== s.status);
      setItems(loaded);
      if (changes.length > 0) {
        setAnnouncement(changes.map((s) => `${s.system_name} is now ${statusLabel(s.status)}`).join(". "));
      }
      return changes.length > 0;
    },
    timing,
  );

  const filter = (name: "status" | "drifted", value: string) => {
    setCursors([undefined]);
    setItems(null);
    const next = new URLSearchParams(params);
    if (value) {
      next.set(name, value);
    } else {
      next.delete(name);
    }
    setParams(next);
  };

  return (
    <>
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          Systems
        </h1>
        <Link className="button primary" to="/systems/new">
          Register a system
        </Link>
      </div>
      <div className="toolbar">
        <label htmlFor={filterId}>Status</label>
        <select id={filterId} value={status} onChange={(e) => filter("status", e.target.value)}>
          <option value="">All statuses</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
        <label htmlFor={driftId}>Drift</label>
        <select id={driftId} value={drifted} onChange={(e) => filter("drifted", e.target.value)}>
          <option value="">Any drift status</option>
          <option value="true">Drifted</option>
          <option value="false">In sync or not checked yet</option>
        </select>
        <button type="button" className="button" onClick={() => void load().then((l) => l && setItems(l))}>
          Refresh
        </button>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <ProblemBanner problem={problem} />
      {items === null ? (
        <p>Loading…</p>
      ) : items.length === 0 ? (
        <p>
          {drifted === "true"
            ? "No system has drifted."
            : status
              ? `No systems are ${statusLabel(status).toLowerCase()}.`
              : drifted
                ? "No systems match."
                : "No systems are registered yet."}
        </p>
      ) : (
        <SystemsTable items={items} />
      )}
      <nav className="pager" aria-label="Pages of systems">
        <button
          type="button"
          className="button"
          disabled={cursors.length < 2}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          Previous page
        </button>
        <span>Page {cursors.length}</span>
        <button
          type="button"
          className="button"
          disabled={!next}
          onClick={() => next && setCursors((c) => [...c, next])}
        >
          Next page
        </button>
      </nav>
    </>
  );
}

function SystemsTable({ items }: { items: SystemRecord[] }) {
  return (
    <div className="table-wrap">
      <table className="table stack">
        <caption className="visually-hidden">Systems, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Status</th>
            <th scope="col">Drift</th>
            <th scope="col">Registered</th>
            <th scope="col">Last change</th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.system_id}>
              <td data-label="Name">
                <Link to={`/systems/${s.system_id}`}>{s.system_name}</Link>
              </td>
              <td data-label="Status">
                <StatusBadge status={s.status} />
              </td>
              <td data-label="Drift">{s.drift ? <DriftBadge status={s.drift.status} /> : "—"}</td>
              <td data-label="Registered">{formatTime(s.created_at)}</td>
              <td data-label="Last change">{formatTime(s.updated_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
