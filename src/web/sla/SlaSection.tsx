// The SLA set-up screens under /sla: policies (the list, a policy) and calendars (the list, a
// calendar), with tabs between the two lists.

import { CalendarEditor } from "../calendars/CalendarEditor.js";
import { CalendarsScreen } from "../calendars/CalendarsScreen.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { Link, useLocation } from "../router/router.js";
import { PoliciesScreen } from "./PoliciesScreen.js";
import { PolicyEditor } from "./PolicyEditor.js";

/** Whether `pathname` is one of this section's screens. */
export const isSlaPath = (pathname: string) => /^\/sla(\/|$)/.test(pathname);

export function SlaSection({ pathname }: { pathname: string }) {
  const { t } = useI18n();
  const jobId = useLocation().search.get("job");
  const policy = /^\/sla\/policies\/([^/]+)\/?$/.exec(pathname);
  const calendar = /^\/sla\/calendars\/([^/]+)\/?$/.exec(pathname);
  const inCalendars = pathname.startsWith("/sla/calendars");
  let screen;
  if (policy?.[1]) screen = <PolicyEditor key={policy[1]} id={policy[1] === "new" ? null : policy[1]} jobId={jobId} />;
  else if (calendar?.[1]) screen = <CalendarEditor key={calendar[1]} id={calendar[1] === "new" ? null : calendar[1]} jobId={jobId} />;
  else if (inCalendars) screen = <CalendarsScreen />;
  else screen = <PoliciesScreen />;
  return (
    <div className="section">
      <nav aria-label={t("sla.sectionNav")} className="view-tabs section-tabs">
        <ul>
          <li>
            <Link to="/sla/policies" aria-current={!inCalendars ? "page" : undefined}>
              {t("policies.title")}
            </Link>
          </li>
          <li>
            <Link to="/sla/calendars" aria-current={inCalendars ? "page" : undefined}>
              {t("calendars.title")}
            </Link>
          </li>
        </ul>
      </nav>
      {screen}
    </div>
  );
}
