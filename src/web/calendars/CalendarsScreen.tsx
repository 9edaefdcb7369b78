// The calendars: each with its time zone and its week at a glance; managers add new ones.

import { useEffect, useState } from "react";
import * as sla from "../api/slaApi.js";
import type { Calendar } from "../api/slaTypes.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { Link } from "react-router";
import { useCanManageSla } from "../sla/access.js";
import { WEEKDAYS } from "./calendarDraft.js";

export function CalendarsScreen() {
  const { t } = useI18n();
  const canEdit = useCanManageSla();
  const [state, setState] = useState<{ items: Calendar[] | null; error: unknown }>({ items: null, error: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    sla.listCalendars().then(
      (items) => live && setState({ items: items.sort((a, b) => a.name.localeCompare(b.name)), error: null }),
      (error: unknown) => live && setState({ items: [], error }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

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
      {state.error !== null && <ErrorNotice error={state.error} onRetry={() => setAttempt((n) => n + 1)} />}
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
