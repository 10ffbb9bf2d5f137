/**
 * The runtime configuration, read from /config.json when the app starts. It is written where the
 * UI is served (scripts/run-local.sh, docker compose, the deployment), never baked into the build.
 */
export type AuthConfig =
  | { mode: "development" }
  | {
      mode: "cognito";
      /** The OIDC issuer, https://cognito-idp.<region>.amazonaws.com/<pool id> */
      authority: string;
      clientId: string;
      /** Space-separated API scopes, e.g. "platform-api/systems.read platform-api/systems.write" */
      scopes: string;
      /** Cognito's logout endpoint (https://<domain>/logout); signs out of the hosted UI too. */
      logoutUrl?: string;
      /**
       * The redirect URIs registered with the Cognito client (the deployment writes them); by
       * default the page's origin with /auth/callback, /auth/popup-callback and /.
       */
      redirectUri?: string;
      popupRedirectUri?: string;
      postLogoutRedirectUri?: string;
    };

export interface AppConfig {
  apiUrl: string;
  /** The API's PLATFORM_API_RESOURCE_PREFIX: the form checks name lengths against it. */
  resourcePrefix: string;
  /** The API's PLATFORM_API_LAMBDA_RUNTIMES, when not the defaults. */
  lambdaRuntimes?: string[];
  auth: AuthConfig;
}

export class ConfigError extends Error {}

export async function loadConfig(fetchImpl: typeof fetch = fetch): Promise<AppConfig> {
  const response = await fetchImpl("/config.json", { cache: "no-store" });
  if (!response.ok) {
    throw new ConfigError(`config.json could not be read (HTTP ${response.status})`);
  }
  return parseConfig(await response.json());
}

export function parseConfig(raw: unknown): AppConfig {
  const value = raw as Partial<AppConfig> | null;
  if (!value || typeof value.apiUrl !== "string" || !value.auth) {
    throw new ConfigError("config.json must name apiUrl and auth");
  }
  const auth = value.auth as AuthConfig;
  if (auth.mode === "cognito" && (!auth.authority || !auth.clientId || !auth.scopes)) {
    throw new ConfigError("auth.mode cognito needs authority, clientId and scopes");
  }
  if (auth.mode !== "cognito" && auth.mode !== "development") {
    throw new ConfigError("auth.mode must be cognito or development");
  }
  if (auth.mode === "cognito") {
    checkRedirect("redirectUri", auth.redirectUri, "/auth/callback");
    checkRedirect("popupRedirectUri", auth.popupRedirectUri, "/auth/popup-callback");
    checkRedirect("postLogoutRedirectUri", auth.postLogoutRedirectUri, "/");
  }
  return {
    apiUrl: value.apiUrl.replace(/\/+$/, ""),
    resourcePrefix: value.resourcePrefix ?? "platform",
    lambdaRuntimes: value.lambdaRuntimes,
    auth,
  };
}

/** A configured redirect must land on the path the console handles, or sign-in would loop. */
function checkRedirect(key: string, value: string | undefined, path: string): void {
  if (value === undefined) {
    return;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`auth.${key} must be an absolute URL`);
  }
  if (url.pathname !== path || url.search || url.hash) {
    throw new ConfigError(`auth.${key} must be <console origin>${path}`);
  }
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)$/;

/**
 * Development sign-in accepts any pasted token, so it is allowed only when both the page and the
 * API are on this machine: a deployed UI (CloudFront) or API (API Gateway) never is, whatever its
 * config.json says.
 */
export function developmentSignInAllowed(config: AppConfig, pageHost: string): boolean {
  if (config.auth.mode !== "development") {
    return false;
  }
  let apiHost: string;
  try {
    apiHost = new URL(config.apiUrl).hostname;
  } catch {
    return false;
  }
  return LOOPBACK.test(pageHost) && LOOPBACK.test(apiHost);
}
