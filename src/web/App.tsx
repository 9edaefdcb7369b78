// The app: the login screen until someone is signed in, then the shell with the screen the
// address names (inbox, a ticket, a new ticket, the SLA set-up, the admin's deliveries).

import { AdminSection, isAdminPath } from "./admin/AdminSection.js";
import { ErrorBoundary } from "./components/ErrorBoundary.js";
import { ErrorNotice } from "./components/ErrorNotice.js";
import { LoginScreen } from "./components/LoginScreen.js";
import { PageTitle } from "./components/PageTitle.js";
import { Shell } from "./components/Shell.js";
import { DirectoryProvider } from "./directory/DirectoryProvider.js";
import { useI18n } from "./i18n/I18nProvider.js";
import { InboxScreen } from "./inbox/InboxScreen.js";
import { NewTicketScreen } from "./newTicket/NewTicketScreen.js";
import { Link, useLocation } from "./router/router.js";
import { useSession } from "./session/SessionProvider.js";
import { isSlaPath, SlaSection } from "./sla/SlaSection.js";
import { TicketScreen } from "./ticket/TicketScreen.js";

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
            <Screen />
          </Shell>
        </DirectoryProvider>
      );
  }
}

function Screen() {
  const { pathname } = useLocation();
  const { t } = useI18n();
  const ticket = /^\/tickets\/(\d+)\/?$/.exec(pathname);
  let screen;
  if (pathname === "/" || pathname === "/inbox" || pathname === "/login") screen = <InboxScreen />;
  else if (pathname === "/tickets/new") screen = <NewTicketScreen />;
  else if (ticket) screen = <TicketScreen key={ticket[1]} number={Number(ticket[1])} />;
  else if (isSlaPath(pathname)) screen = <SlaSection pathname={pathname} />;
  else if (isAdminPath(pathname)) screen = <AdminSection pathname={pathname} />;
  else
    screen = (
      <section className="empty-screen">
        <PageTitle title={t("notFound.title")} />
        <p>
          <Link to="/">{t("notFound.back")}</Link>
        </p>
      </section>
    );
  return (
    <ErrorBoundary
      key={pathname}
      fallback={(error, reset) => (
        <section className="empty-screen">
          <PageTitle title={t("app.crashed")} />
          <ErrorNotice error={error} onRetry={reset} />
        </section>
      )}
    >
      {screen}
    </ErrorBoundary>
  );
}
