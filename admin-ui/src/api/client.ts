import createClient from "openapi-fetch";
import type { components, paths } from "./schema";
import type { Session } from "../auth/session";

export type SystemRecord = components["schemas"]["SystemView"];
export type SystemStatus = SystemRecord["status"];
export type SystemPage = components["schemas"]["SystemPage"];
export type RegistrationRequest = components["schemas"]["RegistrationRequest"];
export type TimelineEntry = components["schemas"]["TimelineEntry"];
export type ResourceRecord = components["schemas"]["ResourceView"];
export type AuditEntry = components["schemas"]["AuditEntry"];
export type AuditPage = components["schemas"]["AuditPage"];
/** The API's problem body; `type` widened, as a proxy in between may answer with its own. */
export type Problem = Omit<components["schemas"]["Problem"], "type"> & { type: string };
export type FieldViolation = components["schemas"]["FieldViolation"];
/** A record's drift report: what the last verify found. */
export type DriftReport = components["schemas"]["DriftView"];
export type ResourceDrift = components["schemas"]["DriftResource"];
/** A dry run's answer (`POST /admin/systems?dry_run=true`): the plan and the pre-checks. */
export type DryRun = components["schemas"]["Assessment"];
export type PlannedResource = components["schemas"]["PlannedResource"];
/** A pre-check against AWS; a 409 `precondition-failed` lists the failed ones in `checks`. */
export type Check = components["schemas"]["Check"];
/** A system's own drift policy; null: the platform's (PLATFORM_API_RECONCILE_POLICY). */
export type ReconcilePolicy = SystemRecord["reconcile_policy"];

export type Api = ReturnType<typeof createApi>;

/**
 * The typed client of platform-api, generated from its OpenAPI document (src/api/schema.d.ts,
 * `npm run api:generate`). Every request carries the session's token; a 401 asks the user to sign
 * in again and then sends the same request once more, so nothing typed is lost.
 */
export function createApi(baseUrl: string, session: Session, fetchImpl: typeof fetch = fetch) {
  const authorizedFetch = async (input: Request): Promise<Response> => {
    const retry = input.clone();
    const first = await fetchImpl(withToken(input, await session.token()));
    if (first.status !== 401) {
      return first;
    }
    return fetchImpl(withToken(retry, await session.reauthenticate()));
  };
  return createClient<paths>({ baseUrl, fetch: authorizedFetch });
}

function withToken(request: Request, token: string): Request {
  const headers = new Headers(request.headers);
  headers.set("Authorization", `Bearer ${token}`);
  return new Request(request, { headers });
}

/** A refusal as the API sent it, or a stand-in when the body was not a problem. */
export function asProblem(error: unknown, status: number): Problem {
  const p = error as Partial<Problem> | undefined;
  if (p && typeof p.type === "string" && typeof p.status === "number") {
    return p as Problem;
  }
  return {
    type: "about:blank",
    title: "Request failed",
    status,
    detail: status === 0 ? "The API could not be reached." : `The API answered ${status}.`,
  };
}

export const PENDING: ReadonlyArray<string> = ["pending_provisioning", "deprovisioning", "updating"];

export function isPending(status: string): boolean {
  return PENDING.includes(status);
}

export type SystemChange = components["schemas"]["SystemChange"];
export type FieldChange = components["schemas"]["Change"];
