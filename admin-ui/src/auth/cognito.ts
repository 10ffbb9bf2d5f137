import { InMemoryWebStorage, UserManager, WebStorageStateStore, type UserManagerSettings } from "oidc-client-ts";
import type { AppConfig } from "../config";

let manager: UserManager | null = null;

/**
 * The client's settings: the redirect URIs config.json names (the ones the deployment registered
 * with Cognito), else the page's own origin with the console's callback paths.
 */
export function cognitoSettings(config: AppConfig, origin: string): UserManagerSettings {
  if (config.auth.mode !== "cognito") {
    throw new Error("Cognito sign-in is not configured");
  }
  return {
    authority: config.auth.authority,
    client_id: config.auth.clientId,
    redirect_uri: config.auth.redirectUri ?? `${origin}/auth/callback`,
    popup_redirect_uri: config.auth.popupRedirectUri ?? `${origin}/auth/popup-callback`,
    post_logout_redirect_uri: config.auth.postLogoutRedirectUri ?? `${origin}/`,
    response_type: "code",
    scope: `openid ${config.auth.scopes}`,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    automaticSilentRenew: false,
  };
}

/**
 * Cognito sign-in: authorization code with PKCE (oidc-client-ts). Tokens live in memory only; the
 * short-lived PKCE state of a redirect in progress stays in sessionStorage, as the library needs
 * it after the redirect and it holds no token.
 */
export function userManager(config: AppConfig): UserManager {
  if (!manager) {
    manager = new UserManager(cognitoSettings(config, window.location.origin));
  }
  return manager;
}

/** Signs out of the app and, when configured, of Cognito's hosted UI. */
export async function cognitoSignOut(config: AppConfig): Promise<void> {
  if (config.auth.mode !== "cognito") {
    return;
  }
  const manager = userManager(config);
  await manager.removeUser();
  if (config.auth.logoutUrl) {
    // Cognito's own logout endpoint (not OIDC end_session): logout_uri must be one of the
    // client's sign-out URLs.
    const url = new URL(config.auth.logoutUrl);
    url.searchParams.set("client_id", config.auth.clientId);
    url.searchParams.set("logout_uri", manager.settings.post_logout_redirect_uri ?? window.location.origin + "/");
    window.location.assign(url.toString());
  }
}
