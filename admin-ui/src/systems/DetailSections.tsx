import type { FieldChange, SystemRecord, TimelineEntry } from "../api/client";
import { formatTime } from "../ui/format";
import { policyLabel } from "../register/policy";
import { actionLabel, describeEvent, kindLabel, type Progress } from "./progress";

export function ProgressSection({ progress, following }: { progress: Progress; following: boolean }) {
  return (
    <section aria-labelledby="progress-title" className="card">
      <h2 id="progress-title">Progress</h2>
      <p className={`progress-now ${progress.state}`} data-testid="progress">
        Step {progress.step} of {progress.total}: {progress.now}
      </p>
      <ol className="steps">
        {progress.steps.map((s, i) => (
          <li key={i} className={s.state} aria-current={s.state === "current" ? "step" : undefined}>
            <span className="visually-hidden">{stepState(s.state)}: </span>
            {s.label}
          </li>
        ))}
      </ol>
      {following && <p className="hint">This page follows the system until the job ends.</p>}
    </section>
  );
}

function stepState(state: string): string {
  return { done: "Done", current: "Running now", todo: "Not yet", failed: "Failed" }[state] ?? state;
}

export function RecordSection({ system }: { system: SystemRecord }) {
  const lambda = system.lambda_config;
  return (
    <section aria-labelledby="record-title" className="card">
      <h2 id="record-title">Registration</h2>
      <dl className="record">
        <dt>System id</dt>
        <dd>
          <code>{system.system_id}</code>
        </dd>
        <dt>Description</dt>
        <dd>{system.description || "—"}</dd>
        <dt>Data sources</dt>
        <dd>{system.data_sources.length ? system.data_sources.join(", ") : "—"}</dd>
        <dt>Endpoints</dt>
        <dd>
          {system.endpoints.length ? (
            <ul className="plain">
              {system.endpoints.map((e) => (
                <li key={`${e.method} ${e.path}`}>
                  <code>
                    {e.method} {e.path}
                  </code>
                </li>
              ))}
            </ul>
          ) : (
            "—"
          )}
        </dd>
        <dt>Lambda function</dt>
        <dd>
          {lambda
            ? [lambda.memory && `${lambda.memory} MiB`, lambda.timeout && `${lambda.timeout} s`, lambda.runtime]
                .filter(Boolean)
                .join(", ") || "platform defaults"
            : "platform defaults"}
        </dd>
        <dt>Drift policy</dt>
        <dd data-testid="reconcile-policy">
          {system.reconcile_policy
            ? `${policyLabel(system.reconcile_policy)} (this system's own setting)`
            : "Platform default (the platform's PLATFORM_API_RECONCILE_POLICY applies)"}
        </dd>
        <dt>Registered</dt>
        <dd>{formatTime(system.created_at)}</dd>
        <dt>Last change</dt>
        <dd>{formatTime(system.updated_at)}</dd>
        <dt>Generation</dt>
        <dd>{system.generation}</dd>
      </dl>
    </section>
  );
}

export function ResourcesSection({ system }: { system: SystemRecord }) {
  const infra = system.infrastructure;
  const names: Array<[string, string | null | undefined]> = [
    ["Raw bucket", infra.s3_buckets.raw],
    ["Curated bucket", infra.s3_buckets.curated],
    ["Prod bucket", infra.s3_buckets.prod],
    ["Glue database", infra.glue_database],
    ["Glue crawler", infra.glue_crawler],
    ["EventBridge rules", infra.eventbridge_rules.join(", ") || null],
    ["DMS task", infra.dms_task],
  ];
  return (
    <section aria-labelledby="resources-title" className="card">
      <h2 id="resources-title">Infrastructure</h2>
      {system.resources.length === 0 ? (
        <p>No resource has been reported yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table stack">
            <caption>What the last job did to each resource</caption>
            <thead>
              <tr>
                <th scope="col">Resource</th>
                <th scope="col">Name</th>
                <th scope="col">Action</th>
                <th scope="col">Status</th>
                <th scope="col">Error</th>
              </tr>
            </thead>
            <tbody>
              {system.resources.map((r) => (
                <tr key={`${r.kind}:${r.name}`}>
                  <td data-label="Resource">{kindLabel(r.kind)}</td>
                  <td data-label="Name">
                    <code>{r.name}</code>
                  </td>
                  <td data-label="Action">{actionLabel(r.action)}</td>
                  <td data-label="Status">
                    <span className={`badge ${r.status === "failed" ? "failed" : "ok"}`}>{r.status}</span>
                  </td>
                  <td data-label="Error">{r.error ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>Names</h3>
      <dl className="record">
        {names
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label} className="pair">
              <dt>{label}</dt>
              <dd>
                <code>{value}</code>
              </dd>
            </div>
          ))}
      </dl>
    </section>
  );
}

export function TimelineSection({ events }: { events: TimelineEntry[] }) {
  return (
    <section aria-labelledby="timeline-title" className="card">
      <h2 id="timeline-title">Timeline</h2>
      <ol className="timeline">
        {events.map((e, i) => (
          <li key={i} className={e.status === "failed" ? "failed" : undefined}>
            <time dateTime={e.at}>{formatTime(e.at)}</time> <span className="muted">(generation {e.generation})</span>{" "}
            {describeEvent(e)}
            {e.error && <div className="event-error">{e.error}</div>}
            {e.changes && e.changes.length > 0 && <ChangesTable changes={e.changes} at={e.at} />}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A change's diff of the configuration: each field, before and after. */
function ChangesTable({ changes, at }: { changes: FieldChange[]; at: string }) {
  return (
    <div className="table-wrap">
      <table className="table stack diff">
        <caption>What the change of {formatTime(at)} changes</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.field}>
              <td data-label="Field">
                <code>{c.field}</code>
              </td>
              <td data-label="Before">{shown(c.before, "none")}</td>
              <td data-label="After">{shown(c.after, "removed")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A configuration value as a person reads it: lists and endpoints as words, not JSON. */
export function shown(value: unknown, absent: string): string {
  if (value === null || value === undefined) {
    return absent;
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? "none" : value.map((v) => shown(v, absent)).join(", ");
  }
  if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.method === "string" && typeof o.path === "string") {
      return `${o.method} ${o.path}`;
    }
    return Object.entries(o)
      .map(([k, v]) => `${k}: ${shown(v, absent)}`)
      .join(", ");
  }
  return String(value);
}
