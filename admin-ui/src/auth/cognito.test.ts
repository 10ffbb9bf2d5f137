import { User } from "oidc-client-ts";
import { userManager } from "./cognito";
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
});
