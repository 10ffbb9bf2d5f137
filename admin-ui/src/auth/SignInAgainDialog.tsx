import { useEffect, useRef, useState } from "react";
import { useApp } from "../AppContext";
import { DevelopmentOnlyNotice, DevelopmentTokenForm } from "./DevelopmentSignIn";
import { userManager } from "./cognito";

/**
 * Shown over the page when the token expired or the API refused it. The page underneath stays
 * mounted, so a half-filled form is kept, and the request that met the 401 is sent again once
 * the user has signed in.
 */
export function SignInAgainDialog({ subject }: { subject: string }) {
  const { config, session } = useApp();
  const heading = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const popup = () => {
    userManager(config)
      .signinPopup()
      .then((user) => setError(session.signIn(user.access_token)))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <div className="overlay">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="sign-in-again-title">
        <h2 id="sign-in-again-title" ref={heading} tabIndex={-1}>
          Your session has expired
        </h2>
        <p>
          Sign in again as <strong>{subject}</strong> to carry on. What you entered on this page is
          kept, and the action you started is sent once you are signed in.
        </p>
        {config.auth.mode === "cognito" ? (
          <>
            <button type="button" className="button primary" onClick={popup}>
              Sign in again
            </button>
            {error && <p className="field-error">{error}</p>}
          </>
        ) : (
          <>
            <DevelopmentOnlyNotice />
            <DevelopmentTokenForm session={session} submitLabel="Sign in again" />
          </>
        )}
      </div>
    </div>
  );
}
