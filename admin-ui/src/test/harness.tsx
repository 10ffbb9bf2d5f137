import type { ReactElement } from "react";
import { render } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { AppContextProvider } from "../AppContext";
import { createApi } from "../api/client";
import { Session } from "../auth/session";
import { parseConfig, type AppConfig } from "../config";

/** An unsigned token with the claims the UI reads (the fake API does not verify it). */
export function fakeToken(subject = "test-admin", expiresInSeconds = 3600, now = Date.now()): string {
  const part = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  return `${part({ alg: "none" })}.${part({ sub: subject, exp: Math.floor(now / 1000) + expiresInSeconds })}.sig`;
}

type Handler = (request: Request, url: URL) => Response | Promise<Response> | undefined;

/**
 * The API's HTTP layer for component tests: routes requests to handlers (first match wins) and
 * records each one. Everything above it (the generated client, the session) is the real code.
 */
export class FakeApi {
  readonly requests: Request[] = [];
  private handlers: Handler[] = [];

  on(method: string, path: RegExp, respond: (request: Request, url: URL) => Response | Promise<Response>): this {
    this.handlers.push((request, url) => (request.method === method && path.test(url.pathname) ? respond(request, url) : undefined));
    return this;
  }

  fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    this.requests.push(request.clone());
    const url = new URL(request.url);
    for (const handler of this.handlers) {
      const response = await handler(request, url);
      if (response) {
        return response;
      }
    }
    return json(404, { type: "https://aiplatform.io/problems/not-found", title: "Not found", status: 404, detail: `no fake for ${request.method} ${url.pathname}` });
  };

  calls(method: string, path: RegExp): Request[] {
    return this.requests.filter((r) => r.method === method && path.test(new URL(r.url).pathname));
  }
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const type = status >= 400 ? "application/problem+json" : "application/json";
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": type, ...headers } });
}

export interface Rendered {
  session: Session;
  api: FakeApi;
  config: AppConfig;
}

/** Renders a page the way the app does: config, a signed-in session, the typed client, a router. */
export function renderPage(
  element: ReactElement,
  { path = "/", route = "*", api = new FakeApi(), config = {}, session }: { path?: string; route?: string; api?: FakeApi; config?: Partial<AppConfig>; session?: Session } = {},
  extra?: ReactElement,
): Rendered {
  const appConfig = parseConfig({ apiUrl: "http://api.test", auth: { mode: "development" }, ...config });
  const s = session ?? new Session();
  if (s.snapshot().status === "signed-out") {
    s.signIn(fakeToken());
  }
  const client = createApi(appConfig.apiUrl, s, api.fetch);
  render(
    <AppContextProvider value={{ config: appConfig, session: s, api: client }}>
      <MemoryRouter initialEntries={[path]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
        <Routes>
          <Route path={route} element={element} />
        </Routes>
        {extra}
      </MemoryRouter>
    </AppContextProvider>,
  );
  return { session: s, api, config: appConfig };
}

let counter = 0;

/** A system record as the API answers it. */
export function system(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    system_id: `00000000-0000-4000-8000-${String(counter).padStart(12, "0")}`,
    system_name: `system-${counter}`,
    description: null,
    data_sources: [],
    endpoints: [],
    lambda_config: null,
    status: "active",
    generation: 1,
    created_at: "2026-12-01T09:00:00Z",
    updated_at: "2026-12-01T09:00:01Z",
    infrastructure: { s3_buckets: { raw: null, curated: null, prod: null }, glue_database: null, glue_crawler: null, dms_task: null, eventbridge_rules: [] },
    resources: [],
    drift: { status: "unknown", checked_at: null, resources: [] },
    reconcile_policy: null,
    ...overrides,
  };
}
