import { createContext, useContext, useSyncExternalStore } from "react";
import type { AppConfig } from "./config";
import type { Session, SessionState } from "./auth/session";
import type { Api } from "./api/client";

export interface AppContextValue {
  config: AppConfig;
  session: Session;
  api: Api;
}

const AppContext = createContext<AppContextValue | null>(null);

export const AppContextProvider = AppContext.Provider;

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) {
    throw new Error("useApp outside AppContextProvider");
  }
  return value;
}

export function useSession(): SessionState {
  const { session } = useApp();
  return useSyncExternalStore(session.subscribe, session.snapshot);
}
