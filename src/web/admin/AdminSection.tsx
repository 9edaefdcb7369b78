// The admin's delivery screens under /admin: the built-in mailbox (e-mails Palier sent while no
// SMTP server is configured) and the outbox's dead deliveries, which can be replayed.

import { useI18n } from "../i18n/I18nProvider.js";
import { Link } from "../router/router.js";
import { MailboxScreen } from "./MailboxScreen.js";
import { OutboxScreen } from "./OutboxScreen.js";

export const isAdminPath = (pathname: string) => /^\/admin(\/|$)/.test(pathname);

export function AdminSection({ pathname }: { pathname: string }) {
  const { t } = useI18n();
  const outbox = pathname.startsWith("/admin/outbox");
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
      {outbox ? <OutboxScreen /> : <MailboxScreen />}
    </div>
  );
}
