// The inbox's views (mine, my team, unassigned, all, breaching, escalated), each with its count
// of open tickets: neither solved nor closed, whatever the filters (a view the server does not
// count shows none). The view a person picks is where their inbox opens next time.

import { Link } from "react-router";
import type { TicketCounts, View } from "../api/types.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { VIEWS } from "./inboxQuery.js";

interface Props {
  current: View;
  counts: TicketCounts | null;
  hrefOf: (view: View) => string;
  onPick: (view: View) => void;
}

export function ViewTabs({ current, counts, hrefOf, onPick }: Props) {
  const { t, tn, formatNumber } = useI18n();
  return (
    <nav aria-label={t("inbox.views")} className="view-tabs">
      <ul>
        {VIEWS.map((view) => {
          const count = counts?.[view] ?? 0;
          const hint = view === "breaching" ? t("inbox.hint.breaching") : view === "escalated" ? t("inbox.hint.escalated") : null;
          return (
            <li key={view}>
              <Link
                to={hrefOf(view)}
                aria-current={view === current ? "page" : undefined}
                data-view={view}
                onClick={() => onPick(view)}
                title={[counts ? tn("inbox.totalUnsolved", count) : null, hint].filter(Boolean).join(" — ")}
                className={view === "breaching" && count > 0 ? "view-alert" : undefined}
              >
                <span>{t(`inbox.view.${view}`)}</span>
                <span className="count" aria-hidden="true">
                  {counts ? formatNumber(count) : "…"}
                </span>
                {counts && <span className="visually-hidden">{tn("inbox.totalUnsolved", count)}</span>}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
