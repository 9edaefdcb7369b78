// Who is signed in: asks `GET /auth/me` once at start, signs in and out, and keeps the CSRF
// token for the API client. A 401 from any call brings the login screen back. Once signed in,
// the app speaks the profile's language and shows instants in the profile's time zone.

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { ApiError, setCsrfToken, setUnauthorizedHandler } from "../api/client.js";
import * as api from "../api/palier.js";
import type { Principal, Session } from "../api/types.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { profileLocale, profileTimeZone, saveProfile, type ProfileChange } from "./profile.js";

export type SessionState =
  { status: "loading" } | { status: "signedOut"; expired: boolean } | { status: "signedIn"; principal: Principal } | { status: "unreachable"; message: string };

export interface SessionApi {
  state: SessionState;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  retry(): void;
  /** The zone to show instants in: the signed-in profile's, else the browser's. */
  timeZone: string;
  /** Saves the signed-in person's language or time zone; the app follows the saved profile. */
  updateProfile(change: ProfileChange): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SessionState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const profileSaves = useRef(0);
  const { setLocale } = useI18n();
  const principal = state.status === "signedIn" ? state.principal : undefined;
  const savedLocale = principal ? profileLocale(principal) : undefined;

  // The profile's language wins once signed in (and stays for the sign-in screen after).
  useEffect(() => {
    if (savedLocale) setLocale(savedLocale);
  }, [savedLocale, setLocale]);

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
      timeZone: profileTimeZone(principal),
      updateProfile: async (change) => {
        // Two quick changes (a language, then another): only the latest answer sets the
        // session, so an earlier one answered late cannot switch the language back.
        const mine = ++profileSaves.current;
        const session = await saveProfile(change);
        if (mine === profileSaves.current) setState({ status: "signedIn", principal: session.principal });
      },
    }),
    [state, signIn, queryClient, principal],
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
