// The frame around every signed-in screen: a skip link, the header with navigation (the SLA
// set-up, and the admin section), the notification bell, the language switcher, the
// signed-in person's profile menu (language and time zone) and sign-out, then the screen itself.

import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { canOpenAdmin } from "../admin/access.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { NotificationBell } from "../notifications/NotificationBell.js";
import { usePrincipal, useSession } from "../session/SessionProvider.js";
import { LanguageSwitcher } from "./LanguageSwitcher.js";
import { ProfileMenu } from "./ProfileMenu.js";

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { logout } = useSession();
  const principal = usePrincipal();
  const { pathname } = useLocation();
  const inInbox = pathname === "/" || pathname === "/inbox";
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("shell.skip")}
      </a>
      <header className="topbar">
        <Link to="/" className="brand" aria-label={t("shell.home")}>
          <svg aria-hidden="true" viewBox="0 0 32 32" width="24" height="24">
            <rect width="32" height="32" rx="6" fill="currentColor" />
            <path d="M6 24h7v-6h7v-6h6" fill="none" stroke="#fff" strokeWidth="3" strokeLinejoin="round" />
          </svg>
          <span>Palier</span>
        </Link>
        <nav aria-label={t("shell.navigation")} className="topnav">
          <Link to="/" aria-current={inInbox ? "page" : undefined}>
            {t("shell.inbox")}
          </Link>
          <Link to="/escalations" aria-current={pathname.startsWith("/escalations") ? "page" : undefined}>
            {t("escalation.nav")}
          </Link>
          <Link to="/social" aria-current={pathname.startsWith("/social") ? "page" : undefined}>
            {t("social.nav")}
          </Link>
          <Link to="/sla/policies" aria-current={pathname.startsWith("/sla") ? "page" : undefined}>
            {t("shell.sla")}
          </Link>
          <Link to="/rules" aria-current={pathname.startsWith("/rules") ? "page" : undefined}>
            {t("shell.rules")}
          </Link>
          <Link to="/kb" aria-current={pathname.startsWith("/kb") ? "page" : undefined}>
            {t("kb.nav")}
          </Link>
          {canOpenAdmin(principal) && (
            <Link to="/admin/agents" aria-current={pathname.startsWith("/admin") ? "page" : undefined}>
              {t("admin.navEntry")}
            </Link>
          )}
          {!(principal.kind === "agent" && principal.role === "viewer") && (
            <Link to="/tickets/new" aria-current={pathname === "/tickets/new" ? "page" : undefined} className="button button-primary">
              {t("shell.newTicket")}
            </Link>
          )}
        </nav>
        <div className="topbar-end">
          <NotificationBell />
          <LanguageSwitcher />
          <ProfileMenu />
          <button type="button" className="button button-quiet" onClick={() => void logout()}>
            {t("shell.logout")}
          </button>
        </div>
      </header>
      <main id="main" className="main">
        {children}
      </main>
    </div>
  );
}
