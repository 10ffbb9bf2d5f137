import { useEffect, useId, useRef } from "react";
import type { DriftReport } from "../../api/client";
import { kindLabel } from "../progress";

interface Props {
  systemName: string;
  drift: DriftReport;
  onCancel: () => void;
  onRepair: () => void;
}

/** A repair changes resources in AWS: it asks first, naming what it will converge. */
export function RepairDialog({ systemName, drift, onCancel, onRepair }: Props) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const off = drift.resources.filter((r) => r.status !== "in_sync");
  return (
    <div className="overlay" onKeyDown={(e) => e.key === "Escape" && onCancel()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} aria-describedby={`${id}-what`}>
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          Repair {systemName}?
        </h2>
        <p id={`${id}-what`}>
          provisioner-worker sets these resources back to what the registration says, once, whatever the
          system's reconcile policy. A resource that is no longer the platform's (its tags say so) is
          reported, never changed.
        </p>
        <ul>
          {off.map((r) => (
            <li key={`${r.kind}:${r.name}`}>
              {kindLabel(r.kind)} <code>{r.name}</code>: {r.status === "missing" ? "created again" : `${r.differences.length} difference(s) converged`}
            </li>
          ))}
        </ul>
        <div className="actions">
          <button type="button" className="button primary" onClick={onRepair}>
            Repair the resources
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
