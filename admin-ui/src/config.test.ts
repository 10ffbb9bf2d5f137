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
});
