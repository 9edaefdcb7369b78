// One team: its name, lead, shared e-mail address and business calendar, saved with If-Match.

import { useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import * as sla from "../api/slaApi.js";
import { PageTitle } from "../components/PageTitle.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { queryKeys } from "../queries/keys.js";
import { useCanWrite } from "./access.js";
import type { TeamRecord } from "./adminTypes.js";
import { SaveBar, SaveNotices, SelectField, TextField, textOrNull, useRecordDraft } from "./formKit.js";
import { RecordLoader } from "./RecordLoader.js";

export function TeamEditor({ id }: { id: string | null }) {
  return (
    <RecordLoader kind="teams" id={id}>
      {(team, reload) => <TeamForm key={team ? `${team.id}-${team.version}` : "new"} team={team} onReload={reload} />}
    </RecordLoader>
  );
}

function TeamForm({ team, onReload }: { team: TeamRecord | null; onReload(): void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { agents } = useDirectory();
  const readOnly = !useCanWrite("teams");
  const calendars = useQuery({ queryKey: queryKeys.calendars, queryFn: sla.listCalendars });
  const { draft, change, busy, notice, save, issues } = useRecordDraft("teams", team, () => ({
    name: team?.name ?? "",
    email: team?.email ?? "",
    leadId: team?.leadId ?? "",
    calendarId: team?.calendarId ?? "",
  }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save({ name: draft.name.trim(), email: textOrNull(draft.email), leadId: draft.leadId || null, calendarId: draft.calendarId || null });
    if (saved && !team) navigate(`/admin/teams/${saved.id}`, { replace: true });
  };
  const none = { value: "", label: t("admin.none") };
  const title = team ? team.name : t("admin.newTeam");
  const members = team ? agents.filter((agent) => agent.teamId === team.id) : [];
  return (
    <div className="editor admin-editor">
      <p className="breadcrumb">
        <Link to="/admin/teams">{t("admin.teams")}</Link> / {title}
      </p>
      <PageTitle title={title} />
      {readOnly && <p className="notice notice-info">{t("admin.readOnly")}</p>}
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <SaveNotices notice={notice} onReload={onReload} placed={["name", "email", "leadId", "calendarId"]} />
        <div className="grid-2">
          <TextField label={t("field.name")} path="name" issues={issues} readOnly={readOnly} value={draft.name} onChange={(name) => change({ name })} />
          <TextField
            label={t("field.email")}
            path="email"
            type="email"
            issues={issues}
            readOnly={readOnly}
            hint={t("admin.teamEmailHint")}
            value={draft.email}
            onChange={(email) => change({ email })}
          />
          <SelectField
            label={t("admin.lead")}
            path="leadId"
            issues={issues}
            readOnly={readOnly}
            hint={t("admin.leadHint")}
            value={draft.leadId}
            onChange={(leadId) => change({ leadId })}
            options={[none, ...agents.filter((a) => a.active || a.id === draft.leadId).map((a) => ({ value: a.id, label: a.name }))]}
          />
          <SelectField
            label={t("admin.calendar")}
            path="calendarId"
            issues={issues}
            readOnly={readOnly}
            hint={t("admin.teamCalendarHint")}
            value={draft.calendarId}
            onChange={(calendarId) => change({ calendarId })}
            options={[none, ...(calendars.data ?? []).map((calendar) => ({ value: calendar.id, label: calendar.name }))]}
          />
        </div>
        {!readOnly && <SaveBar busy={busy} saved={notice?.kind === "saved"} label={team ? undefined : t("admin.createTeam")} />}
      </form>
      {team && (
        <section className="panel" aria-labelledby="team-members-title">
          <h2 id="team-members-title">{t("admin.members")}</h2>
          {members.length === 0 ? (
            <p className="muted">{t("admin.noMembers")}</p>
          ) : (
            <ul className="plain-list">
              {members.map((agent) => (
                <li key={agent.id}>
                  <Link to={`/admin/agents/${agent.id}`}>{agent.name}</Link>
                  {!agent.active && <span className="muted small"> · {t("admin.inactive")}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
