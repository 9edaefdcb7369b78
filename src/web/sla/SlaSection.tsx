// The SLA set-up screens under /sla: policies (the list, a policy), calendars (the list, a
// calendar) and on-call schedules (the list, a schedule), with tabs between the lists.

import { Link, Outlet, useLocation } from "react-router";
import { useI18n } from "../i18n/I18nProvider.js";

/** The section's frame; the screen inside is the route's (routes.tsx). */
export function SlaSection() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const inCalendars = pathname.startsWith("/sla/calendars");
  const inOncall = pathname.startsWith("/sla/oncall");
  return (
    <div className="section">
      <nav aria-label={t("sla.sectionNav")} className="view-tabs section-tabs">
        <ul>
          <li>
            <Link to="/sla/policies" aria-current={!inCalendars && !inOncall ? "page" : undefined}>
              {t("policies.title")}
            </Link>
          </li>
          <li>
            <Link to="/sla/calendars" aria-current={inCalendars ? "page" : undefined}>
              {t("calendars.title")}
            </Link>
          </li>
          <li>
            <Link to="/sla/oncall" aria-current={inOncall ? "page" : undefined}>
              {t("oncall.title")}
            </Link>
          </li>
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
