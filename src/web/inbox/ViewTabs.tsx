// The inbox's views (mine, my team, unassigned, all, breaching, escalated), each with its count
// of unsolved tickets (a view the server does not count shows none).

import { Link } from "react-router";
import type { TicketCounts, View } from "../api/types.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { VIEWS } from "./inboxQuery.js";

export function ViewTabs({ current, counts, hrefOf }: { current: View; counts: TicketCounts | null; hrefOf: (view: View) => string }) {
  const { t, formatNumber } = useI18n();
  return (
    <nav aria-label={t("inbox.views")} className="view-tabs">
      <ul>
        {VIEWS.map((view) => (
          <li key={view}>
            <Link
              to={hrefOf(view)}
              aria-current={view === current ? "page" : undefined}
              data-view={view}
              className={view === "breaching" && (counts?.breaching ?? 0) > 0 ? "view-alert" : undefined}
            >
              <span>{t(`inbox.view.${view}`)}</span>
              <span className="count" aria-hidden="true">
                {counts ? formatNumber(counts[view] ?? 0) : "…"}
              </span>
              {counts && <span className="visually-hidden">{t("inbox.unsolvedCount", { count: formatNumber(counts[view] ?? 0) })}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
