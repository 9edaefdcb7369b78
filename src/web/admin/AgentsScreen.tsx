// The agents: who they are, their role, team, manager, region and languages, their escalations
// (how many came back to them), and whether they may sign in; searched by name or e-mail and filtered by role, team and activity.

import { Link } from "react-router";
import { ROLES } from "../../core/access/permissions.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { AgentEscalationCell, useAgentsEscalationCounts } from "../escalation/AgentEscalationFigures.js";
import { useCanWrite } from "./access.js";
import { FilterSelect, RecordListScreen, SearchBox, useListQuery, useRecordList } from "./recordList.js";

export function AgentsScreen() {
  const { t, tx } = useI18n();
  const { teams, agentName, teamName } = useDirectory();
  const canWrite = useCanWrite("agents");
  const [query, setFilter] = useListQuery(["role", "team", "active"]);
  const list = useRecordList("agents", query);
  const escalations = useAgentsEscalationCounts((list.items ?? []).map((agent) => agent.id));
  const any = { value: "", label: t("admin.any") };
  return (
    <RecordListScreen
      title={t("admin.agents")}
      add={canWrite ? { to: "/admin/agents/new", label: t("admin.newAgent") } : undefined}
      intro={canWrite ? t("admin.agentsIntro") : t("admin.agentsReadOnly")}
      search={
        <SearchBox label={t("admin.searchAgents")} placeholder={t("admin.searchPlaceholder")} value={query.q ?? ""} onSearch={(q) => setFilter("q", q)}>
          <FilterSelect
            label={t("admin.role")}
            value={query.role ?? ""}
            onChange={(v) => setFilter("role", v)}
            options={[any, ...ROLES.map((role) => ({ value: role, label: t(`admin.roleName.${role}`) }))]}
          />
          <FilterSelect
            label={t("field.team")}
            value={query.team ?? ""}
            onChange={(v) => setFilter("team", v)}
            options={[any, ...teams.map((team) => ({ value: team.id, label: team.name }))]}
          />
          <FilterSelect
            label={t("admin.status")}
            value={query.active ?? ""}
            onChange={(v) => setFilter("active", v)}
            options={[any, { value: "true", label: t("admin.active") }, { value: "false", label: t("admin.inactive") }]}
          />
        </SearchBox>
      }
      list={list}
      columns={[
        t("field.name"),
        t("field.email"),
        t("admin.role"),
        t("field.team"),
        t("admin.manager"),
        t("admin.region"),
        t("admin.languages"),
        t("escalation.agentFigures.column"),
        t("admin.status"),
      ]}
      row={(agent) => (
        <tr key={agent.id} data-agent={agent.email} className={agent.active ? undefined : "inactive-row"}>
          <td>
            <Link to={`/admin/agents/${agent.id}`}>{agent.name}</Link>
          </td>
          <td>{agent.email}</td>
          <td>{tx(`admin.roleName.${agent.role}`, agent.role)}</td>
          <td>{teamName(agent.teamId) ?? "—"}</td>
          <td>{agentName(agent.managerId) ?? "—"}</td>
          <td>{agent.region ?? "—"}</td>
          <td>{agent.languages.join(", ") || "—"}</td>
          <td data-column="escalations">
            <AgentEscalationCell counts={escalations.get(agent.id)} />
          </td>
          <td>
            <span className={agent.active ? "badge badge-accent" : "badge badge-muted"}>{agent.active ? t("admin.active") : t("admin.inactive")}</span>
          </td>
        </tr>
      )}
    />
  );
}
