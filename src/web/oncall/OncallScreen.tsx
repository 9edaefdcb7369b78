// The on-call schedules: each with its time zone and layers; managers and team leads add new ones.

import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { usePrincipal } from "../session/SessionProvider.js";
import * as oncall from "./oncallApi.js";

/** Admins, managers and team leads write schedules (oncall.write); other staff read them. */
export function useCanEditOncall(): boolean {
  const principal = usePrincipal();
  return principal.kind === "agent" && ["admin", "manager", "team_lead"].includes(principal.role);
}

export function OncallScreen() {
  const { t, tn } = useI18n();
  const canEdit = useCanEditOncall();
  const query = useQuery({ queryKey: oncall.ONCALL_KEY, queryFn: oncall.listSchedules });
  const items = query.data ? [...query.data].sort((a, b) => a.name.localeCompare(b.name)) : query.error ? [] : null;
  return (
    <section className="admin-screen" aria-busy={items === null}>
      <div className="screen-head">
        <PageTitle title={t("oncall.title")} />
        {canEdit && (
          <Link to="/sla/oncall/new" className="button button-primary">
            {t("oncall.new")}
          </Link>
        )}
      </div>
      <p className="muted">{t("oncall.intro")}</p>
      {query.error && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {items === null ? (
        <p className="muted">{t("app.loading")}</p>
      ) : items.length === 0 ? (
        !query.error && <p className="empty">{t("oncall.empty")}</p>
      ) : (
        <ul className="card-list">
          {items.map((schedule) => (
            <li key={schedule.id} className="card-row" data-schedule={schedule.name}>
              <Link to={`/sla/oncall/${schedule.id}`} className="card-title">
                {schedule.name}
              </Link>
              <span className="muted small">{schedule.timezone}</span>
              <span className="small">{tn("oncall.layersCount", schedule.layers.length)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
