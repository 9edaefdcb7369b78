// Who is signed in: asks `GET /auth/me` once at start, signs in and out, and keeps the CSRF
// token for the API client. A 401 from any call brings the login screen back.

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { ApiError, setCsrfToken, setUnauthorizedHandler } from "../api/client.js";
import * as api from "../api/palier.js";
import type { Principal, Session } from "../api/types.js";

export type SessionState =
  { status: "loading" } | { status: "signedOut"; expired: boolean } | { status: "signedIn"; principal: Principal } | { status: "unreachable"; message: string };

export interface SessionApi {
  state: SessionState;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  retry(): void;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SessionState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  const signIn = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState({ status: "signedIn", principal: session.principal });
  }, []);

  useEffect(() => {
    let live = true;
    api.me().then(
      (session) => live && signIn(session),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) setState({ status: "signedOut", expired: false });
        else setState({ status: "unreachable", message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [attempt, signIn]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      // What the last agent could read is not for whoever signs in next.
      queryClient.clear();
      setState({ status: "signedOut", expired: true });
    });
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);

  const value = useMemo<SessionApi>(
    () => ({
      state,
      login: async (email, password) => signIn(await api.login(email, password)),
      logout: async () => {
        try {
          await api.logout();
        } finally {
          setCsrfToken(null);
          queryClient.clear();
          setState({ status: "signedOut", expired: false });
        }
      },
      retry: () => {
        setState({ status: "loading" });
        setAttempt((n) => n + 1);
      },
    }),
    [state, signIn, queryClient],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

/** The signed-in principal; only for screens behind the login. */
export function usePrincipal(): Principal {
  const { state } = useSession();
  if (state.status !== "signedIn") throw new Error("usePrincipal while signed out");
  return state.principal;
}
