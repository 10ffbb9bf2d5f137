import { useEffect, useRef } from "react";
import { useApp } from "../AppContext";
import { developmentSignInAllowed } from "../config";
import { DevelopmentOnlyNotice, DevelopmentTokenForm } from "./DevelopmentSignIn";
import { userManager } from "./cognito";

export function SignInPage() {
  const { config, session } = useApp();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = "Sign in · Platform admin";
    heading.current?.focus();
  }, []);
  const returnTo = window.location.pathname + window.location.search;
  return (
    <main className="page narrow" id="main">
      <h1 ref={heading} tabIndex={-1}>
        Sign in to the platform admin console
      </h1>
      {config.auth.mode === "cognito" ? (
        <button
          type="button"
          className="button primary"
          onClick={() => void userManager(config).signinRedirect({ state: returnTo })}
        >
          Sign in with your platform account
        </button>
      ) : developmentSignInAllowed(config, window.location.hostname) ? (
        <>
          <DevelopmentOnlyNotice />
          <DevelopmentTokenForm session={session} submitLabel="Sign in" />
        </>
      ) : (
        <p role="alert" className="notice error">
          Development sign-in is configured, but it works only when the console and the API run on
          this machine. Configure Cognito sign-in for this deployment.
        </p>
      )}
    </main>
  );
}
