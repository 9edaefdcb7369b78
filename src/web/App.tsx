// The app: the login screen until someone is signed in, then the shell with the screen the
// address names (routes.tsx).

import { ErrorNotice } from "./components/ErrorNotice.js";
import { LoginScreen } from "./components/LoginScreen.js";
import { Shell } from "./components/Shell.js";
import { DirectoryProvider } from "./directory/DirectoryProvider.js";
import { useI18n } from "./i18n/I18nProvider.js";
import { AppRoutes } from "./routes.js";
import { useSession } from "./session/SessionProvider.js";

export function App() {
  const { state, retry, logout } = useSession();
  const { t } = useI18n();
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
      return <LoginScreen expired={state.expired} />;
    case "signedIn":
      if (state.principal.kind !== "agent") {
        return (
          <div className="splash">
            <p className="notice notice-info">{t("app.agentsOnly")}</p>
            <button type="button" className="button" onClick={() => void logout()}>
              {t("shell.logout")}
            </button>
          </div>
        );
      }
      return (
        <DirectoryProvider>
          <Shell>
            <AppRoutes />
          </Shell>
        </DirectoryProvider>
      );
  }
}
