import type { RegistrationRequest } from "../api/client";
import { policyOf, type PolicyChoice } from "./policy";

/** What the register form holds, as typed; turned into a request only when sent. */
export interface Draft {
  name: string;
  description: string;
  dataSources: string[];
  endpoints: Array<{ path: string; method: string }>;
  memory: string;
  timeout: string;
  runtime: string;
  /** "" (no override: the platform's policy), "report" or "repair". */
  reconcilePolicy: PolicyChoice;
}

export const EMPTY_DRAFT: Draft = {
  name: "",
  description: "",
  dataSources: [],
  endpoints: [],
  memory: "",
  timeout: "",
  runtime: "",
  reconcilePolicy: "",
};

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"] as const;

type Runtime = NonNullable<NonNullable<RegistrationRequest["lambda_config"]>["runtime"]>;
type Method = NonNullable<RegistrationRequest["endpoints"]>[number]["method"];

/** platform-api's default PLATFORM_API_LAMBDA_RUNTIMES; config.json may name others. */
export const DEFAULT_RUNTIMES: Runtime[] = [
  "python3.10",
  "python3.11",
  "python3.12",
  "python3.13",
  "nodejs18.x",
  "nodejs20.x",
  "nodejs22.x",
  "java17",
  "java21",
];

/**
 * The registration body. Rows keep their positions, so the API's `data_sources[2]` is the form's
 * third data-source field; empty optional parts are left out.
 */
export function toRequest(draft: Draft): RegistrationRequest {
  const body: RegistrationRequest = { system_name: draft.name };
  if (draft.description !== "") {
    body.description = draft.description;
  }
  if (draft.dataSources.length > 0) {
    body.data_sources = [...draft.dataSources];
  }
  if (draft.endpoints.length > 0) {
    body.endpoints = draft.endpoints.map((e) => ({ path: e.path, method: e.method as Method }));
  }
  if (draft.memory !== "" || draft.timeout !== "" || draft.runtime !== "") {
    body.lambda_config = {
      ...(draft.memory !== "" && { memory: Number(draft.memory) }),
      ...(draft.timeout !== "" && { timeout: Number(draft.timeout) }),
      ...(draft.runtime !== "" && { runtime: draft.runtime as Runtime }),
    };
  }
  const policy = policyOf(draft.reconcilePolicy);
  if (policy !== null) {
    body.reconcile_policy = policy;
  }
  return body;
}

const STORAGE_KEY = "admin-ui.register-draft";

/** The draft survives a sign-in redirect and a reload of the tab (sessionStorage; no token). */
export function loadDraft(storage: Storage = sessionStorage): Draft {
  try {
    const raw = storage.getItem(STORAGE_KEY);
    return raw ? { ...EMPTY_DRAFT, ...(JSON.parse(raw) as Partial<Draft>) } : EMPTY_DRAFT;
  } catch {
    return EMPTY_DRAFT;
  }
}

export function saveDraft(draft: Draft, storage: Storage = sessionStorage): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(draft));
}

export function clearDraft(storage: Storage = sessionStorage): void {
  storage.removeItem(STORAGE_KEY);
}
