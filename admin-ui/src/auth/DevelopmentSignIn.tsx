import { useId, useState, type FormEvent } from "react";
import { developmentSignInAllowed, type AppConfig } from "../config";
import type { Session } from "./session";

const HASH_KEY = "dev-token";

/**
 * scripts/run-local.sh prints a link carrying a token in the URL fragment (never sent to a
 * server); the app signs in with it and removes it from the address bar.
 */
export function takeDevelopmentTokenFromUrl(config: AppConfig, session: Session): void {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const token = params.get(HASH_KEY);
  if (!token) {
    return;
  }
  window.history.replaceState(null, "", window.location.pathname + window.location.search);
  if (developmentSignInAllowed(config, window.location.hostname)) {
    session.signIn(token);
  }
}

/** Paste the token scripts/run-local.sh printed. Development only. */
export function DevelopmentTokenForm({ session, submitLabel }: { session: Session; submitLabel: string }) {
  const [token, setToken] = useState("");
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(session.signIn(token));
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-token`}>Development access token</label>
        <p className="hint" id={`${id}-hint`}>
          The <code>Token:</code> line that <code>scripts/run-local.sh start</code> printed.
        </p>
        <textarea
          id={`${id}-token`}
          rows={4}
          value={token}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setToken(e.target.value)}
        />
        {error && (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="button primary">
        {submitLabel}
      </button>
    </form>
  );
}

export function DevelopmentOnlyNotice() {
  return (
    <p className="notice warning">
      <strong>Development only.</strong> This sign-in accepts a locally minted token and works only
      when the console and the API both run on this machine; deployed consoles sign in with Cognito.
    </p>
  );
}
