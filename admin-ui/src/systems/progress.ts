import type { SystemRecord, TimelineEntry } from "../api/client";
import { isPending } from "../api/client";

/** The current job of a system as steps a person can follow. */
export interface Progress {
  step: number;
  total: number;
  /** What is happening now (running) or how it ended. */
  now: string;
  state: "running" | "succeeded" | "failed";
  steps: Array<{ label: string; state: "done" | "current" | "todo" | "failed" }>;
}

const KINDS: Record<string, string> = {
  s3_bucket: "S3 bucket",
  glue_database: "Glue database",
  glue_crawler: "Glue crawler",
  eventbridge_rule: "EventBridge rule",
  dms_endpoint: "DMS endpoint",
  dms_replication_task: "DMS replication task",
};

const ACTIONS: Record<string, string> = {
  created: "created",
  existing: "already in place",
  adopted: "adopted",
  deleted: "deleted",
  retained: "kept",
  rolled_back: "rolled back",
  none: "left as it was",
};

export function kindLabel(kind: string): string {
  return KINDS[kind] ?? kind.replace(/_/g, " ");
}

export function actionLabel(action: string | undefined): string {
  return action ? (ACTIONS[action] ?? action.replace(/_/g, " ")) : "";
}

/**
 * Step n of 3 of the system's current job (its generation): the request, the worker converging
 * the resources (with each resource it has reported), the outcome.
 */
export function progressOf(system: SystemRecord, events: TimelineEntry[]): Progress {
  const current = events.filter((e) => e.generation === system.generation);
  const jobs = current.filter((e) => e.step === "provision" || e.step === "deprovision");
  const removing = (jobs[jobs.length - 1]?.step ?? "provision") === "deprovision";
  const outcome = jobs.find((e) => e.status === "succeeded" || e.status === "failed");
  const resources = current.filter((e) => e.resource);
  const request = removing ? "Deletion requested" : "Provisioning requested";
  const reported = resources.length > 0 ? ` (${resources.length} reported)` : "";
  const workLabel = `provisioner-worker is ${removing ? "removing" : "creating"} the resources`;
  const doneLabel = `provisioner-worker ${removing ? "removed" : "created"} the resources`;
  const failedLabel = `provisioner-worker could not ${removing ? "remove" : "create"} the resources`;

  if (!outcome && isPending(system.status)) {
    return {
      step: 2,
      total: 3,
      state: "running",
      now: `${workLabel}${reported}`,
      steps: [
        { label: request, state: "done" },
        { label: `${workLabel}${reported}`, state: "current" },
        { label: removing ? "Deleted" : "Active", state: "todo" },
      ],
    };
  }
  const failed = outcome?.status === "failed" || system.status.endsWith("failed");
  const ended = failed
    ? `${removing ? "Deletion" : "Provisioning"} failed: ${outcome?.error ?? system.error_message ?? "no reason given"}`
    : removing
      ? "Deleted"
      : `Active with ${resources.filter((r) => r.status === "succeeded").length} resources in place`;
  return {
    step: 3,
    total: 3,
    state: failed ? "failed" : "succeeded",
    now: ended,
    steps: [
      { label: request, state: "done" },
      { label: `${failed ? failedLabel : doneLabel}${reported}`, state: failed ? "failed" : "done" },
      { label: ended, state: failed ? "failed" : "done" },
    ],
  };
}

/** One timeline entry as a sentence. */
export function describeEvent(e: TimelineEntry): string {
  if (e.resource) {
    const what = `${kindLabel(e.step)} ${e.resource} ${actionLabel(e.action)}`.trim();
    return e.status === "failed" ? `${what} — failed` : what;
  }
  const job = e.step === "deprovision" ? "Deletion" : e.step === "provision" ? "Provisioning" : "Registration";
  const outcome: Record<string, string> = {
    accepted: "accepted",
    requested: "requested",
    succeeded: "succeeded",
    failed: "failed",
  };
  return `${job} ${outcome[e.status] ?? e.status}`;
}
