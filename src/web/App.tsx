// The app: the login screen until someone is signed in, then the shell with the screen the
// address names (routes.tsx). Customers sign in at /portal and only ever see the portal.

import { Suspense } from "react";
import { useLocation } from "react-router";
import { ErrorNotice } from "./components/ErrorNotice.js";
import { LoginScreen } from "./components/LoginScreen.js";
import { Shell } from "./components/Shell.js";
import { DirectoryProvider } from "./directory/DirectoryProvider.js";
import { useI18n } from "./i18n/I18nProvider.js";
import { lazyScreen } from "./lib/lazyScreen.js";
import { PortalLogin } from "./portal/PortalLogin.js";
import { AppRoutes } from "./routes.js";
import { useSession } from "./session/SessionProvider.js";

// Only customers see the portal: staff never download it.
const PortalApp = lazyScreen(() => import("./portal/PortalApp.js"), "PortalApp");

export function App() {
  const { state, retry } = useSession();
  const { t } = useI18n();
  const { pathname } = useLocation();
  switch (state.status) {
    case "loading":
      return (
        <p className="splash" role="status">
          {t("app.loading")}
        </p>
      );
    case "unreachable":
      return (
        <div className="splash">
          <ErrorNotice error={new Error(t("app.unreachable"))} onRetry={retry} />
        </div>
      );
    case "signedOut":
      return isPortalPath(pathname) ? <PortalLogin expired={state.expired} /> : <LoginScreen expired={state.expired} />;
    case "signedIn":
      if (state.principal.kind === "customer")
        return (
          <Suspense
            fallback={
              <p className="splash" role="status">
                {t("app.loading")}
              </p>
            }
          >
            <PortalApp customer={state.principal} />
          </Suspense>
        );
      return (
        <DirectoryProvider>
          <Shell>
            <AppRoutes />
          </Shell>
        </DirectoryProvider>
      );
  }
}

function isPortalPath(pathname: string): boolean {
  return pathname === "/portal" || pathname.startsWith("/portal/");
}
