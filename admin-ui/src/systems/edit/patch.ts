import type { SystemChange, SystemRecord } from "../../api/client";
import { toRequest, type Draft } from "../../register/draft";
import { choiceOf } from "../../register/policy";

/** The form's draft of a record's configuration as it is now. */
export function draftOf(system: SystemRecord): Draft {
  const lambda = system.lambda_config;
  return {
    name: system.system_name,
    description: system.description ?? "",
    dataSources: [...system.data_sources],
    endpoints: system.endpoints.map((e) => ({ path: e.path, method: e.method })),
    memory: lambda?.memory != null ? String(lambda.memory) : "",
    timeout: lambda?.timeout != null ? String(lambda.timeout) : "",
    runtime: lambda?.runtime ?? "",
    reconcilePolicy: choiceOf(system.reconcile_policy),
  };
}

/**
 * The JSON merge patch (RFC 7396) that turns `base` into what the draft says: only the members
 * that differ; a cleared description or Lambda setting is `null` (removed), and so is a policy set
 * back to the platform default; lists are sent whole.
 * Empty when nothing changed.
 */
export function toPatch(base: SystemRecord, draft: Draft): SystemChange {
  const wanted = toRequest(draft);
  const patch: SystemChange = {};
  const description = wanted.description ?? null;
  if (description !== (base.description ?? null)) {
    patch.description = description;
  }
  const sources = wanted.data_sources ?? [];
  if (JSON.stringify(sources) !== JSON.stringify(base.data_sources)) {
    patch.data_sources = sources;
  }
  const endpoints = wanted.endpoints ?? [];
  const key = (list: ReadonlyArray<{ method: string; path: string }>) => JSON.stringify(list.map((e) => `${e.method} ${e.path}`));
  if (key(endpoints) !== key(base.endpoints)) {
    patch.endpoints = endpoints;
  }
  const lambda = lambdaPatch(base.lambda_config ?? null, wanted.lambda_config ?? null);
  if (lambda !== undefined) {
    patch.lambda_config = lambda;
  }
  const policy = wanted.reconcile_policy ?? null;
  if (policy !== (base.reconcile_policy ?? null)) {
    patch.reconcile_policy = policy;
  }
  return patch;
}

type Lambda = NonNullable<SystemChange["lambda_config"]>;
const MEMBERS = ["memory", "timeout", "runtime"] as const;

/** undefined: unchanged; null: remove the whole override; else the members that change. */
function lambdaPatch(before: Lambda | null, after: Lambda | null): Lambda | null | undefined {
  const changed = MEMBERS.filter((m) => (before?.[m] ?? null) !== (after?.[m] ?? null));
  if (changed.length === 0) {
    return undefined;
  }
  if (after === null) {
    return null;
  }
  return Object.fromEntries(changed.map((m) => [m, after[m] ?? null])) as Lambda;
}

/** The fields whose values differ between two versions of a record, in the API's naming. */
export function changedFields(before: SystemRecord, after: SystemRecord): string[] {
  const patch = toPatch(before, draftOf(after));
  return Object.entries(patch).flatMap(([field, value]) =>
    field === "lambda_config" && value !== null && typeof value === "object" ? Object.keys(value).map((m) => `lambda_config.${m}`) : [field],
  );
}

const DRAFT_FIELDS = ["description", "dataSources", "endpoints", "memory", "timeout", "runtime", "reconcilePolicy"] as const;

/**
 * The draft moved onto a newer version of the record (after a 412): what the admin left alone
 * takes the newer value, what the admin edited keeps the admin's value.
 */
export function rebase(draft: Draft, before: SystemRecord, after: SystemRecord): Draft {
  const old = draftOf(before);
  const fresh = draftOf(after);
  const next: Draft = { ...draft };
  for (const field of DRAFT_FIELDS) {
    if (JSON.stringify(draft[field]) === JSON.stringify(old[field])) {
      (next as unknown as Record<string, unknown>)[field] = fresh[field];
    }
  }
  return next;
}
