// The guided procedures (/escalations/procedures): one per request type (a ticket tag), in one
// team or every team, with its steps and information counted; managers add and change them.

import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { can } from "../../core/access/permissions.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { usePrincipal } from "../session/SessionProvider.js";
import { listProcedures, procedureKeys } from "./procedureApi.js";
import "./procedures.css";

/** Admins and managers write procedures (procedures.write); other staff read them. */
export function useCanEditProcedures(): boolean {
  const principal = usePrincipal();
  return principal.kind === "agent" && can({ kind: "agent", id: principal.id, role: principal.role, teamId: principal.teamId }, "procedures.write");
}

export function ProceduresScreen() {
  const { t, tn, locale } = useI18n();
  const { teamName } = useDirectory();
  const canEdit = useCanEditProcedures();
  const query = useQuery({ queryKey: procedureKeys.all, queryFn: listProcedures });
  const items = query.data ?? (query.error ? [] : null);
  return (
    <section className="admin-screen procedures-screen" aria-busy={items === null}>
      <div className="screen-head">
        <PageTitle title={t("procedure.title")} />
        {canEdit && (
          <Link to="/escalations/procedures/new" className="button button-primary">
            {t("procedure.new")}
          </Link>
        )}
      </div>
      <p className="muted">{t("procedure.intro")}</p>
      {query.error && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {items === null ? (
        <p className="muted">{t("app.loading")}</p>
      ) : items.length === 0 ? (
        !query.error && <p className="empty">{t("procedure.empty")}</p>
      ) : (
        <ul className="card-list">
          {items.map((p) => (
            <li key={p.id} className="card-row" data-procedure={p.requestType}>
              <Link to={`/escalations/procedures/${p.id}`} className="card-title">
                {p.names[locale]}
              </Link>
              <span className="chip">{p.requestType}</span>
              <span className="muted small">{p.teamId ? (teamName(p.teamId) ?? "") : t("procedure.everyTeam")}</span>
              <span className="small">
                {tn("procedure.stepCount", p.steps.length)} · {tn("procedure.fieldCount", p.fields.length)}
              </span>
              {p.required && <span className="badge procedure-required">{t("procedure.requiredBadge")}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
