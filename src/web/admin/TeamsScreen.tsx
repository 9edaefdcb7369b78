// The teams: each with its lead, its calendar and how many active agents it has.

import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import * as sla from "../api/slaApi.js";
import { PageTitle } from "../components/PageTitle.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { queryKeys } from "../queries/keys.js";
import { useCanWrite } from "./access.js";
import { ListState, SearchBox, useListQuery, useRecordList } from "./recordList.js";

export function TeamsScreen() {
  const { t, tn } = useI18n();
  const { agents, agentName } = useDirectory();
  const canWrite = useCanWrite("teams");
  const calendars = useQuery({ queryKey: queryKeys.calendars, queryFn: sla.listCalendars });
  const calendarName = (id: string | null) => (id ? (calendars.data ?? []).find((c) => c.id === id)?.name : undefined);
  const [query, setFilter] = useListQuery([]);
  const list = useRecordList("teams", query);
  return (
    <section className="admin-screen" aria-busy={list.items === null}>
      <div className="screen-head">
        <PageTitle title={t("admin.teams")} />
        {canWrite && (
          <Link to="/admin/teams/new" className="button button-primary">
            {t("admin.newTeam")}
          </Link>
        )}
      </div>
      <p className="muted">{canWrite ? t("admin.teamsIntro") : t("admin.readOnly")}</p>
      <SearchBox label={t("admin.searchTeams")} placeholder={t("admin.searchNamePlaceholder")} value={query.q ?? ""} onSearch={(q) => setFilter("q", q)} />
      <ListState list={list} empty={t("admin.noneFound")}>
        <div className="table-scroll">
          <table className="ticket-table admin-table">
            <caption className="visually-hidden">{t("admin.teams")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("field.name")}</th>
                <th scope="col">{t("admin.lead")}</th>
                <th scope="col">{t("admin.calendar")}</th>
                <th scope="col">{t("field.email")}</th>
                <th scope="col">{t("admin.members")}</th>
              </tr>
            </thead>
            <tbody>
              {(list.items ?? []).map((team) => (
                <tr key={team.id} data-team={team.name}>
                  <td>
                    <Link to={`/admin/teams/${team.id}`}>{team.name}</Link>
                  </td>
                  <td>{agentName(team.leadId) ?? "—"}</td>
                  <td>{calendarName(team.calendarId) ?? t("admin.noCalendar")}</td>
                  <td>{team.email ?? "—"}</td>
                  <td>{tn("admin.memberCount", agents.filter((agent) => agent.teamId === team.id && agent.active).length)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ListState>
    </section>
  );
}
