import { forwardRef } from "react";
import type { Check, DryRun, ReconcilePolicy } from "../api/client";
import { policyLabel } from "./policy";
import { kindLabel } from "../systems/progress";

const ACTIONS: Record<string, { label: string; tone: string; says: string }> = {
  create: { label: "Create", tone: "ok", says: "created new" },
  adopt: { label: "Adopt", tone: "busy", says: "already exists as the platform's and is taken over" },
  conflict: { label: "Conflict", tone: "failed", says: "exists and is not the platform's" },
};

interface Props {
  plan: DryRun;
  /** The drift policy the previewed registration asks for (null: the platform's). */
  policy: ReconcilePolicy;
  /** The form changed since the plan was made. */
  stale: boolean;
}

/** A dry run's answer: whether the registration would succeed, what it would do, what was checked. */
export const PlanPreview = forwardRef<HTMLHeadingElement, Props>(function PlanPreview({ plan, policy, stale }, heading) {
  const failed = plan.checks.filter((c) => !c.passed);
  return (
    <section aria-labelledby="plan-title" className="card">
      <h2 id="plan-title" ref={heading} tabIndex={-1}>
        Plan preview
      </h2>
      <div className={`notice ${plan.would_succeed ? "ok" : "error"}`} data-testid="plan-verdict">
        {plan.would_succeed
          ? "The registration would succeed: every check passed. Nothing was created or stored."
          : `The registration would be refused: ${failed.length} check${failed.length === 1 ? "" : "s"} failed. Nothing was created or stored.`}
      </div>
      <p data-testid="plan-policy">
        Drift policy: {policyLabel(policy)}
        {policy === null && " (the platform's setting applies)"}.
      </p>
      {stale && <p className="hint">The form has changed since this plan was made: preview it again.</p>}
      <div className="table-wrap" tabIndex={0} role="region" aria-label="The plan">
        <table className="table stack">
          <caption>What the registration would do to each resource</caption>
          <thead>
            <tr>
              <th scope="col">Resource</th>
              <th scope="col">Name</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {plan.plan.map((p) => {
              const action = ACTIONS[p.action] ?? { label: p.action, tone: "muted", says: p.action };
              return (
                <tr key={`${p.kind}:${p.name}`}>
                  <td data-label="Resource">{kindLabel(p.kind)}</td>
                  <td data-label="Name">
                    <code>{p.name}</code>
                  </td>
                  <td data-label="Action">
                    <span className={`badge ${action.tone}`} title={action.says}>
                      {action.label}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="The checks">
        <table className="table stack">
          <caption>Checks against AWS (read calls only)</caption>
          <thead>
            <tr>
              <th scope="col">Check</th>
              <th scope="col">Resource</th>
              <th scope="col">Result</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {plan.checks.map((c) => (
              <tr key={`${c.check}:${c.resource}`}>
                <td data-label="Check">{c.check}</td>
                <td data-label="Resource">
                  <code>{c.resource}</code>
                </td>
                <td data-label="Result">
                  <span className={`badge ${c.passed ? "ok" : "failed"}`}>{c.passed ? "Passed" : "Failed"}</span>
                </td>
                <td data-label="Detail">{c.detail || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
});

/** A failed check in one line, for the error summary of a refused registration. */
export function describeCheck(c: Check): string {
  return `Check failed: ${c.check} (${c.resource})${c.detail ? `: ${c.detail}` : ""}`;
}
