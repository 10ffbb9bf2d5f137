import { useEffect, useState } from "react";
import { useNavigate } from "react-router-dom";
import { useApp } from "../AppContext";
import { userManager } from "./cognito";

/** Where Cognito sends the browser back with the authorization code. */
export function CognitoCallback() {
  const { config, session } = useApp();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    userManager(config)
      .signinRedirectCallback()
      .then((user) => {
        const problem = session.signIn(user.access_token);
        if (problem) {
          setError(problem);
          return;
        }
        const target = typeof user.state === "string" && user.state.startsWith("/") ? user.state : "/systems";
        navigate(target, { replace: true });
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [config, session, navigate]);
  return (
    <main className="page" id="main">
      <h1>Signing in…</h1>
      {error && <p role="alert">Sign-in failed: {error}</p>}
    </main>
  );
}
