import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router-dom";
import { App } from "./App";
import { loadConfig } from "./config";
import { Session } from "./auth/session";
import { createApi } from "./api/client";
import { AppContextProvider } from "./AppContext";
import { takeDevelopmentTokenFromUrl } from "./auth/DevelopmentSignIn";
import { userManager } from "./auth/cognito";
import "./ui/app.css";

const root = createRoot(document.getElementById("root")!);

loadConfig()
  .then(async (config) => {
    if (config.auth.mode === "cognito" && window.location.pathname === "/auth/popup-callback") {
      await userManager(config).signinPopupCallback();
      return;
    }
    const session = new Session();
    const api = createApi(config.apiUrl, session);
    takeDevelopmentTokenFromUrl(config, session);
    root.render(
      <StrictMode>
        <BrowserRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
          <AppContextProvider value={{ config, session, api }}>
            <App />
          </AppContextProvider>
        </BrowserRouter>
      </StrictMode>,
    );
  })
  .catch((error: unknown) => {
    root.render(
      <main className="page">
        <h1>The admin console cannot start</h1>
        <p role="alert">{error instanceof Error ? error.message : String(error)}</p>
      </main>,
    );
  });
