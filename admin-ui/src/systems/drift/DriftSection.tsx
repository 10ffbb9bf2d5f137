import type { Ref } from "react";
import type { DriftReport, ResourceDrift } from "../../api/client";
import { formatTime } from "../../ui/format";
import { kindLabel } from "../progress";
import { shown } from "../DetailSections";

const STATUS: Record<string, { label: string; tone: string }> = {
  in_sync: { label: "In sync", tone: "ok" },
  drifted: { label: "Drifted", tone: "failed" },
  missing: { label: "Missing", tone: "failed" },
  unknown: { label: "Not checked yet", tone: "muted" },
};

/** A drift status in words; the colour only repeats them. */
export function DriftBadge({ status }: { status: string }) {
  const s = STATUS[status] ?? { label: status, tone: "muted" };
  return (
    <span className={`badge ${s.tone}`} data-drift={status}>
      {s.label}
    </span>
  );
}

export function driftLabel(status: string): string {
  return STATUS[status]?.label ?? status;
}

interface Props {
  drift: DriftReport;
  /** Whether the system takes a check now (only an active one does). */
  canCheck: boolean;
  /** A check or repair asked for and not reported yet. */
  checking: "check" | "repair" | null;
  onCheck: () => void;
  onRepair: () => void;
  repairButton: Ref<HTMLButtonElement>;
}

/**
 * What the last verify found: the system's drift status, when it was checked, and for each
 * resource that drifted or is missing its differences (field, desired, actual).
 */
export function DriftSection({ drift, canCheck, checking, onCheck, onRepair, repairButton }: Props) {
  const off = drift.resources.filter((r) => r.status !== "in_sync");
  const inSync = drift.resources.length - off.length;
  return (
    <section aria-labelledby="drift-title" className="card">
      <div className="section-head">
        <h2 id="drift-title" tabIndex={-1}>
          Drift
        </h2>
        <DriftBadge status={drift.status} />
      </div>
      <p data-testid="drift-checked">
        {drift.checked_at ? (
          <>
            Last checked <time dateTime={drift.checked_at}>{formatTime(drift.checked_at)}</time>
            {drift.resources.length > 0 && `: ${inSync} of ${drift.resources.length} resources in sync.`}
          </>
        ) : (
          "Not checked yet: the platform compares the resources in AWS with the registration periodically, or now with Check now."
        )}
      </p>
      {off.map((r) => (
        <ResourceDifferences key={`${r.kind}:${r.name}`} resource={r} />
      ))}
      <p className="visually-hidden" aria-live="polite">
        {checking ? (checking === "repair" ? "Repair requested; this page follows it." : "Check requested; this page follows it.") : ""}
      </p>
      {checking && (
        <p className="hint" data-testid="drift-following">
          {checking === "repair" ? "Repairing" : "Checking"}: provisioner-worker is comparing the resources; this page follows it until the result is in.
        </p>
      )}
      {canCheck && (
        <div className="actions">
          <button type="button" className="button" disabled={checking !== null} onClick={onCheck}>
            Check now
          </button>
          {drift.status === "drifted" && (
            <button type="button" className="button primary" ref={repairButton} disabled={checking !== null} onClick={onRepair}>
              Repair…
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function ResourceDifferences({ resource }: { resource: ResourceDrift }) {
  const title = `${kindLabel(resource.kind)} ${resource.name}`;
  return (
    <div className="drifted-resource">
      <h3>
        {title} <DriftBadge status={resource.status} />
        {resource.repaired && <span className="badge ok">Repaired</span>}
      </h3>
      {resource.status === "missing" && resource.differences.length === 0 ? (
        <p>It does not exist in AWS.</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={`Differences of ${title}`}>
          <table className="table stack">
            <caption>Differences of {title}</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Desired</th>
                <th scope="col">Actual</th>
              </tr>
            </thead>
            <tbody>
              {resource.differences.map((d) => (
                <tr key={d.field}>
                  <td data-label="Field">
                    <code>{d.field}</code>
                  </td>
                  <td data-label="Desired">{shown(d.desired, "none")}</td>
                  <td data-label="Actual">{shown(d.actual, "none")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
