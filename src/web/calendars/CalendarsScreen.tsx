// The calendars: each with its time zone and its week at a glance; managers add new ones.

import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import * as sla from "../api/slaApi.js";
import type { Calendar } from "../api/slaTypes.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { queryKeys } from "../queries/keys.js";
import { useCanManageSla } from "../sla/access.js";
import { WEEKDAYS } from "./calendarDraft.js";

export function CalendarsScreen() {
  const { t } = useI18n();
  const canEdit = useCanManageSla();
  const query = useQuery({ queryKey: queryKeys.calendars, queryFn: sla.listCalendars });
  const state = {
    items: query.data ? [...query.data].sort((a, b) => a.name.localeCompare(b.name)) : query.error ? [] : null,
    error: query.error ?? null,
  };

  return (
    <section className="admin-screen" aria-busy={state.items === null}>
      <div className="screen-head">
        <PageTitle title={t("calendars.title")} />
        {canEdit && (
          <Link to="/sla/calendars/new" className="button button-primary">
            {t("calendars.new")}
          </Link>
        )}
      </div>
      <p className="muted">{t("calendars.intro")}</p>
      {state.error !== null && <ErrorNotice error={state.error} onRetry={() => void query.refetch()} />}
      {state.items === null ? (
        <p className="muted">{t("app.loading")}</p>
      ) : state.items.length === 0 ? (
        state.error === null && <p className="empty">{t("calendars.empty")}</p>
      ) : (
        <ul className="card-list">
          {state.items.map((calendar) => (
            <li key={calendar.id} className="card-row" data-calendar={calendar.name}>
              <Link to={`/sla/calendars/${calendar.id}`} className="card-title">
                {calendar.name}
              </Link>
              <span className="muted small">{calendar.spec.timezone}</span>
              <WeekGlance calendar={calendar} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** "Mon 09:00–17:00 · Sat 10:00–14:00", the closed days left out. */
function WeekGlance({ calendar }: { calendar: Calendar }) {
  const { t } = useI18n();
  const open = WEEKDAYS.filter((day) => (calendar.spec.hours[day] ?? []).length > 0);
  if (open.length === 0) return <span className="small muted">{t("calendars.onlyOverrides")}</span>;
  return (
    <span className="small week-glance">
      {open.map((day) => `${t(`calendars.dayShort.${day}`)} ${(calendar.spec.hours[day] ?? []).map((r) => `${r[0]}–${r[1]}`).join(", ")}`).join(" · ")}
    </span>
  );
}
