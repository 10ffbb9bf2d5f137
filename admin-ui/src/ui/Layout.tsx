import type { ReactNode } from "react";
import { NavLink, useNavigate } from "react-router-dom";
import { useApp, useSession } from "../AppContext";
import { cognitoSignOut } from "../auth/cognito";

export function Layout({ children }: { children: ReactNode }) {
  const { config, session } = useApp();
  const state = useSession();
  const navigate = useNavigate();
  const signOut = () => {
    session.signOut();
    navigate("/systems");
    void cognitoSignOut(config);
  };
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <div className="brand">Platform admin</div>
        <nav aria-label="Main">
          <ul>
            <li>
              <NavLink to="/systems" end>
                Systems
              </NavLink>
            </li>
            <li>
              <NavLink to="/systems/new">Register a system</NavLink>
            </li>
            <li>
              <NavLink to="/audit">Audit log</NavLink>
            </li>
          </ul>
        </nav>
        <div className="who">
          {state.status !== "signed-out" && (
            <span>
              Signed in as <strong data-testid="subject">{state.subject}</strong>
            </span>
          )}
          <button type="button" className="button" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main className="page" id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
