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
  log_group: "Log group",
  lambda_function: "Lambda function",
  api_integration: "API integration",
  lambda_permission: "Lambda permission",
  api_route: "API route",
  cloudwatch_dashboard: "CloudWatch dashboard",
  cloudwatch_alarm: "CloudWatch alarm",
};

const ACTIONS: Record<string, string> = {
  created: "created",
  existing: "already in place",
  adopted: "adopted",
  deleted: "deleted",
  retained: "kept",
  rolled_back: "rolled back",
  none: "left as it was",
  updated: "updated",
  unchanged: "unchanged",
  restored: "restored to the previous configuration",
};

/** The three kinds of job a system's progress can show. */
type Job = "provision" | "update" | "deprovision";

const WORDS: Record<Job, { request: string; doing: string; did: string; couldNot: string; failed: string }> = {
  provision: { request: "Provisioning requested", doing: "creating", did: "created", couldNot: "create", failed: "Provisioning failed" },
  update: { request: "Change requested", doing: "changing", did: "changed", couldNot: "change", failed: "Update failed" },
  deprovision: { request: "Deletion requested", doing: "removing", did: "removed", couldNot: "remove", failed: "Deletion failed" },
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
  const jobs = current.filter((e) => e.step in WORDS);
  const job = (jobs[jobs.length - 1]?.step ?? (system.status.startsWith("updat") ? "update" : "provision")) as Job;
  const words = WORDS[job];
  const outcome = jobs.find((e) => e.step === job && (e.status === "succeeded" || e.status === "failed"));
  const resources = current.filter((e) => e.resource);
  const reported = resources.length > 0 ? ` (${resources.length} reported)` : "";
  const workLabel = `provisioner-worker is ${words.doing} the resources`;
  const doneLabel = `provisioner-worker ${words.did} the resources`;
  const failedLabel = `provisioner-worker could not ${words.couldNot} the resources`;
  const removing = job === "deprovision";

  if (!outcome && isPending(system.status)) {
    return {
      step: 2,
      total: 3,
      state: "running",
      now: `${workLabel}${reported}`,
      steps: [
        { label: words.request, state: "done" },
        { label: `${workLabel}${reported}`, state: "current" },
        { label: removing ? "Deleted" : "Active", state: "todo" },
      ],
    };
  }
  const failed = outcome?.status === "failed" || system.status.endsWith("failed");
  const inPlace = resources.filter((r) => r.status === "succeeded").length;
  const ended = failed
    ? `${words.failed}: ${outcome?.error ?? system.error_message ?? "no reason given"}`
    : removing
      ? "Deleted"
      : job === "update"
        ? `Active with the new configuration (${inPlace} resources in place)`
        : `Active with ${inPlace} resources in place`;
  return {
    step: 3,
    total: 3,
    state: failed ? "failed" : "succeeded",
    now: ended,
    steps: [
      { label: words.request, state: "done" },
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
  if (e.step === "drift_detected" || e.step === "drift_repaired") {
    return e.step === "drift_detected" ? "Drift detected: the resources in AWS differ from the registration" : "Drift repaired";
  }
  if (e.step === "reconcile_policy") {
    return "Drift policy changed (no resource is touched)";
  }
  const job =
    e.step === "deprovision" ? "Deletion" : e.step === "provision" ? "Provisioning" : e.step === "update" ? "Change" : "Registration";
  const outcome: Record<string, string> = {
    accepted: "accepted",
    requested: "requested",
    succeeded: "succeeded",
    failed: "failed",
  };
  return `${job} ${outcome[e.status] ?? e.status}`;
}
