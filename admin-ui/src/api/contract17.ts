import type { Client } from "openapi-fetch";
import type { Api, Problem, SystemPage, SystemRecord } from "./client";

// Issue 17's shapes as the lead's contract fixes them (drift, reconcile, dry run), written by hand
// while platform-api does not document them yet (the dry run is documented, but with every member
// optional: DryRun is the contract's firmer reading of it). Once the API documents drift and
// reconcile, `npm run api:generate` brings the generated types and the client view below goes.

export interface Difference {
  field: string;
  desired: unknown;
  actual: unknown;
}

export interface ResourceDrift {
  kind: string;
  name: string;
  status: "in_sync" | "drifted" | "missing";
  differences: Difference[];
  repaired?: boolean;
}

export interface DriftReport {
  status: "in_sync" | "drifted" | "unknown";
  checked_at: string | null;
  resources: ResourceDrift[];
}

export interface PlanItem {
  kind: string;
  name: string;
  action: "create" | "adopt" | "conflict";
  settings?: Record<string, unknown>;
}

export interface Check {
  check: string;
  resource: string;
  passed: boolean;
  detail: string;
}

export interface DryRun {
  would_succeed: boolean;
  plan: PlanItem[];
  checks: Check[];
}

/** A record with the drift report (absent from a record of an API before issue 17). */
export type WithDrift = SystemRecord & { drift?: DriftReport; reconcile_policy?: "report" | "repair" | null };

/** A 409 `precondition-failed` of a registration: the failed checks. */
export type PreconditionProblem = Problem & { checks?: Check[] };

type Json<T> = { headers: Record<string, unknown>; content: { "application/json": T } };
type Refusal = { headers: Record<string, unknown>; content: { "application/problem+json": Problem } };

interface Paths {
  "/admin/systems": {
    get: {
      parameters: { query?: { limit?: number; cursor?: string; status?: string; drifted?: boolean }; header?: never; path?: never; cookie?: never };
      requestBody?: never;
      responses: { 200: Json<SystemPage>; 400: Refusal };
    };
  };
  "/admin/systems/{system_id}/reconcile": {
    post: {
      parameters: { query?: { repair?: boolean }; header?: never; path: { system_id: string }; cookie?: never };
      requestBody?: never;
      responses: { 202: Json<WithDrift>; 404: Refusal; 409: Refusal };
    };
  };
}

/** The same client (same token handling), typed for issue 17's operations. */
export function reconciliation(api: Api): Client<Paths> {
  return api as unknown as Client<Paths>;
}
