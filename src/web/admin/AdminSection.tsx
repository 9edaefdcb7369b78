// The admin's delivery screens under /admin: the built-in mailbox (e-mails Palier sent while no
// SMTP server is configured) and the outbox's dead deliveries, which can be replayed.

import { Link, Outlet, useLocation } from "react-router";
import { useI18n } from "../i18n/I18nProvider.js";

/** The section's frame; the screen inside is the route's (routes.tsx). */
export function AdminSection() {
  const { t } = useI18n();
  const outbox = useLocation().pathname.startsWith("/admin/outbox");
  return (
    <div className="section">
      <nav aria-label={t("admin.sectionNav")} className="view-tabs section-tabs">
        <ul>
          <li>
            <Link to="/admin/mailbox" aria-current={!outbox ? "page" : undefined}>
              {t("admin.mailbox")}
            </Link>
          </li>
          <li>
            <Link to="/admin/outbox" aria-current={outbox ? "page" : undefined}>
              {t("admin.outbox")}
            </Link>
          </li>
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
