import { User } from "oidc-client-ts";
import { cognitoSettings, userManager } from "./cognito";
import { parseConfig } from "../config";

describe("Cognito sign-in", () => {
  it("uses the authorization code flow with PKCE and keeps the tokens in memory only", async () => {
    const manager = userManager(
      parseConfig({
        apiUrl: "https://api.example.com",
        auth: { mode: "cognito", authority: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_x", clientId: "ui", scopes: "platform-api/systems.read platform-api/systems.write" },
      }),
    );
    const settings = manager.settings;
    expect(settings.response_type).toBe("code");
    expect(settings.disablePKCE).toBe(false);
    expect(settings.scope).toBe("openid platform-api/systems.read platform-api/systems.write");
    expect(settings.redirect_uri).toBe(`${window.location.origin}/auth/callback`);

    await manager.storeUser(new User({ access_token: "a.b.c", token_type: "Bearer", profile: { sub: "alice", iss: "i", aud: "ui", exp: 0, iat: 0 } }));

    expect((await manager.getUser())?.access_token).toBe("a.b.c");
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });

  it("uses the redirect URIs config.json names, as the deployment registered them with Cognito", () => {
    const config = parseConfig({
      apiUrl: "https://api.example.com",
      auth: {
        mode: "cognito",
        authority: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_x",
        clientId: "ui",
        scopes: "platform-api/systems.read",
        redirectUri: "https://admin.example.com/auth/callback",
        popupRedirectUri: "https://admin.example.com/auth/popup-callback",
        postLogoutRedirectUri: "https://admin.example.com/",
      },
    });
    const settings = cognitoSettings(config, "https://d111111abcdef8.cloudfront.net");
    expect(settings.redirect_uri).toBe("https://admin.example.com/auth/callback");
    expect(settings.popup_redirect_uri).toBe("https://admin.example.com/auth/popup-callback");
    expect(settings.post_logout_redirect_uri).toBe("https://admin.example.com/");
  });

  it("falls back to the page's origin without configured redirect URIs", () => {
    const config = parseConfig({
      apiUrl: "https://api.example.com",
      auth: { mode: "cognito", authority: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_x", clientId: "ui", scopes: "s" },
    });
    const settings = cognitoSettings(config, "https://admin.example.com");
    expect(settings.redirect_uri).toBe("https://admin.example.com/auth/callback");
    expect(settings.popup_redirect_uri).toBe("https://admin.example.com/auth/popup-callback");
    expect(settings.post_logout_redirect_uri).toBe("https://admin.example.com/");
  });
});
