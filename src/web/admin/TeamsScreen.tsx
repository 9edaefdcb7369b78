// The teams: each with its lead, its calendar and how many active agents it has.

import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import * as sla from "../api/slaApi.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { queryKeys } from "../queries/keys.js";
import { useCanWrite } from "./access.js";
import { RecordListScreen, SearchBox, useListQuery, useRecordList } from "./recordList.js";

export function TeamsScreen() {
  const { t, tn } = useI18n();
  const { agents, agentName } = useDirectory();
  const canWrite = useCanWrite("teams");
  const calendars = useQuery({ queryKey: queryKeys.calendars, queryFn: sla.listCalendars });
  const calendarName = (id: string | null) => (id ? (calendars.data ?? []).find((c) => c.id === id)?.name : undefined);
  const [query, setFilter] = useListQuery([]);
  const list = useRecordList("teams", query);
  return (
    <RecordListScreen
      title={t("admin.teams")}
      add={canWrite ? { to: "/admin/teams/new", label: t("admin.newTeam") } : undefined}
      intro={canWrite ? t("admin.teamsIntro") : t("admin.readOnly")}
      search={
        <SearchBox label={t("admin.searchTeams")} placeholder={t("admin.searchNamePlaceholder")} value={query.q ?? ""} onSearch={(q) => setFilter("q", q)} />
      }
      list={list}
      columns={[t("field.name"), t("admin.lead"), t("admin.calendar"), t("field.email"), t("admin.members")]}
      row={(team) => (
        <tr key={team.id} data-team={team.name}>
          <td>
            <Link to={`/admin/teams/${team.id}`}>{team.name}</Link>
          </td>
          <td>{agentName(team.leadId) ?? "—"}</td>
          <td>{calendarName(team.calendarId) ?? t("admin.noCalendar")}</td>
          <td>{team.email ?? "—"}</td>
          <td>{tn("admin.memberCount", agents.filter((agent) => agent.teamId === team.id && agent.active).length)}</td>
        </tr>
      )}
    />
  );
}
