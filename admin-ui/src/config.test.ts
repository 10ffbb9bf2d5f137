import { developmentSignInAllowed, parseConfig } from "./config";

describe("development sign-in", () => {
  const dev = parseConfig({ apiUrl: "http://127.0.0.1:8080", auth: { mode: "development" } });

  it("works only when the page and the API are both on this machine", () => {
    expect(developmentSignInAllowed(dev, "127.0.0.1")).toBe(true);
    expect(developmentSignInAllowed(dev, "localhost")).toBe(true);
    expect(developmentSignInAllowed(dev, "admin.platform.example.com")).toBe(false);
    const remoteApi = parseConfig({ apiUrl: "https://api.platform.example.com", auth: { mode: "development" } });
    expect(developmentSignInAllowed(remoteApi, "localhost")).toBe(false);
  });

  it("is never on with Cognito configured", () => {
    const cognito = parseConfig({
      apiUrl: "http://127.0.0.1:8080",
      auth: { mode: "cognito", authority: "https://cognito-idp.eu-west-1.amazonaws.com/pool", clientId: "c", scopes: "s" },
    });
    expect(developmentSignInAllowed(cognito, "localhost")).toBe(false);
  });

  it("refuses a config without the settings a mode needs", () => {
    expect(() => parseConfig({ apiUrl: "x", auth: { mode: "cognito" } })).toThrow(/authority/);
    expect(() => parseConfig({ apiUrl: "x", auth: { mode: "magic" } })).toThrow(/auth.mode/);
  });

  it("refuses redirect URIs the console does not handle", () => {
    const cognito = { mode: "cognito", authority: "https://cognito-idp.eu-west-1.amazonaws.com/pool", clientId: "c", scopes: "s" };
    expect(() => parseConfig({ apiUrl: "x", auth: { ...cognito, redirectUri: "https://admin.example.com/callback" } })).toThrow(
      /auth.redirectUri must be <console origin>\/auth\/callback/,
    );
    expect(() => parseConfig({ apiUrl: "x", auth: { ...cognito, popupRedirectUri: "/auth/popup-callback" } })).toThrow(/absolute URL/);
    expect(() => parseConfig({ apiUrl: "x", auth: { ...cognito, postLogoutRedirectUri: "https://admin.example.com" } })).not.toThrow();
    expect(() => parseConfig({ apiUrl: "x", auth: { ...cognito, postLogoutRedirectUri: "https://admin.example.com/bye" } })).toThrow(
      /postLogoutRedirectUri/,
    );
  });
});
