import { InMemoryWebStorage, UserManager, WebStorageStateStore } from "oidc-client-ts";
import type { AppConfig } from "../config";

let manager: UserManager | null = null;

/**
 * Cognito sign-in: authorization code with PKCE (oidc-client-ts). Tokens live in memory only; the
 * short-lived PKCE state of a redirect in progress stays in sessionStorage, as the library needs
 * it after the redirect and it holds no token.
 */
export function userManager(config: AppConfig): UserManager {
  if (config.auth.mode !== "cognito") {
    throw new Error("Cognito sign-in is not configured");
  }
  if (!manager) {
    const origin = window.location.origin;
    manager = new UserManager({
      authority: config.auth.authority,
      client_id: config.auth.clientId,
      redirect_uri: `${origin}/auth/callback`,
      popup_redirect_uri: `${origin}/auth/popup-callback`,
      response_type: "code",
      scope: `openid ${config.auth.scopes}`,
      userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
      automaticSilentRenew: false,
    });
  }
  return manager;
}

/** Signs out of the app and, when configured, of Cognito's hosted UI. */
export async function cognitoSignOut(config: AppConfig): Promise<void> {
  if (config.auth.mode !== "cognito") {
    return;
  }
  await userManager(config).removeUser();
  if (config.auth.logoutUrl) {
    const url = new URL(config.auth.logoutUrl);
    url.searchParams.set("client_id", config.auth.clientId);
    url.searchParams.set("logout_uri", window.location.origin + "/");
    window.location.assign(url.toString());
  }
}
