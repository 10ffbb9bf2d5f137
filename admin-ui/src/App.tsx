import { Navigate, Route, Routes } from "react-router-dom";
import { useApp, useSession } from "./AppContext";
import { Layout } from "./ui/Layout";
import { SignInPage } from "./auth/SignInPage";
import { SignInAgainDialog } from "./auth/SignInAgainDialog";
import { CognitoCallback } from "./auth/CognitoCallback";
import { SystemsPage } from "./systems/SystemsPage";
import { SystemDetailPage } from "./systems/SystemDetailPage";
import { RegisterPage } from "./register/RegisterPage";
import { AuditPage } from "./audit/AuditPage";
import { NotFoundPage } from "./ui/NotFoundPage";

export function App() {
  const { config } = useApp();
  const session = useSession();
  if (config.auth.mode === "cognito") {
    const callback = (
      <Routes>
        <Route path="/auth/callback" element={<CognitoCallback />} />
        <Route path="*" element={null} />
      </Routes>
    );
    if (session.status === "signed-out" && window.location.pathname === "/auth/callback") {
      return callback;
    }
  }
  if (session.status === "signed-out") {
    return <SignInPage />;
  }
  return (
    <>
      <Layout>
        <Routes>
          <Route path="/" element={<Navigate to="/systems" replace />} />
          <Route path="/systems" element={<SystemsPage />} />
          <Route path="/systems/new" element={<RegisterPage />} />
          <Route path="/systems/:systemId" element={<SystemDetailPage />} />
          <Route path="/audit" element={<AuditPage />} />
          <Route path="/auth/callback" element={<Navigate to="/systems" replace />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Layout>
      {session.status === "expired" && <SignInAgainDialog subject={session.subject} />}
    </>
  );
}
