// One team: its name, lead, shared e-mail address, business calendar, tier, how its tickets
// reach its agents and who of it is on call, saved with If-Match; its members and the tickets waiting in its queue.

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
import { SaveBar, SaveNotices, SelectField, TextAreaField, TextField, textOrNull, useRecordDraft } from "./formKit.js";
import { listSchedules, ONCALL_KEY } from "../oncall/oncallApi.js";
import { RecordLoader } from "./RecordLoader.js";
import { TeamQueue } from "./TeamQueue.js";
import { ASSIGNMENT_STRATEGIES } from "../../core/routing/strategy.js";
import { TIERS } from "../../core/ticket/ticket.js";

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
  const schedules = useQuery({ queryKey: ONCALL_KEY, queryFn: listSchedules });
  const { draft, change, busy, notice, save, issues } = useRecordDraft("teams", team, () => ({
    name: team?.name ?? "",
    email: team?.email ?? "",
    phone: team?.phone ?? "",
    leadId: team?.leadId ?? "",
    calendarId: team?.calendarId ?? "",
    tier: team?.tier ?? "",
    assignment: team?.assignment ?? "manual",
    onCallScheduleId: team?.onCallScheduleId ?? "",
    signatureFr: team?.signatures?.fr ?? "",
    signatureNl: team?.signatures?.nl ?? "",
    signatureEn: team?.signatures?.en ?? "",
  }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save({
      name: draft.name.trim(),
      email: textOrNull(draft.email),
      phone: textOrNull(draft.phone),
      leadId: draft.leadId || null,
      calendarId: draft.calendarId || null,
      tier: draft.tier || null,
      assignment: draft.assignment,
      onCallScheduleId: draft.onCallScheduleId || null,
      signatures: Object.fromEntries(
        (
          [
            ["fr", draft.signatureFr],
            ["nl", draft.signatureNl],
            ["en", draft.signatureEn],
          ] as const
        ).filter(([, text]) => text.trim() !== ""),
      ),
    });
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
        <SaveNotices
          notice={notice}
          onReload={onReload}
          placed={["name", "email", "phone", "leadId", "calendarId", "tier", "assignment", "onCallScheduleId", "signatures"]}
        />
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
          <TextField
            label={t("selfcare.phone")}
            path="phone"
            type="tel"
            issues={issues}
            readOnly={readOnly}
            hint={t("selfcare.phoneHint")}
            value={draft.phone}
            onChange={(phone) => change({ phone })}
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
          <SelectField
            label={t("routing.assignment")}
            path="assignment"
            issues={issues}
            readOnly={readOnly}
            hint={t(`routing.assignmentHint.${draft.assignment}`)}
            value={draft.assignment}
            onChange={(assignment) => change({ assignment: assignment as TeamRecord["assignment"] })}
            options={ASSIGNMENT_STRATEGIES.map((strategy) => ({ value: strategy, label: t(`routing.strategy.${strategy}`) }))}
          />
          <SelectField
            label={t("routing.tier")}
            path="tier"
            issues={issues}
            readOnly={readOnly}
            value={draft.tier}
            onChange={(tier) => change({ tier })}
            options={[{ value: "", label: t("routing.tierNone") }, ...TIERS.map((tier) => ({ value: tier, label: tier }))]}
          />
          <SelectField
            label={t("oncall.teamSchedule")}
            path="onCallScheduleId"
            issues={issues}
            readOnly={readOnly}
            hint={t("oncall.teamScheduleHint")}
            value={draft.onCallScheduleId}
            onChange={(onCallScheduleId) => change({ onCallScheduleId })}
            options={[none, ...(schedules.data ?? []).map((schedule) => ({ value: schedule.id, label: schedule.name }))]}
          />
        </div>
        <p className="muted small">{t("routing.routingHint")}</p>
        <fieldset className="signatures">
          <legend>{t("mail.signatures")}</legend>
          <p className="muted small">{t("mail.signaturesHint")}</p>
          <div className="grid-3">
            {(
              [
                ["fr", "signatureFr"],
                ["nl", "signatureNl"],
                ["en", "signatureEn"],
              ] as const
            ).map(([language, key]) => (
              <TextAreaField
                key={language}
                label={t("mail.signatureIn", { language })}
                path={`signatures.${language}`}
                issues={issues}
                readOnly={readOnly}
                value={draft[key]}
                onChange={(text) => change({ [key]: text })}
              />
            ))}
          </div>
        </fieldset>
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
                  {agent.openTickets !== undefined && agent.capacity !== undefined && (
                    <span className="muted small"> · {t("routing.load", { load: agent.openTickets, capacity: agent.capacity })}</span>
                  )}
                  {!agent.active && <span className="muted small"> · {t("admin.inactive")}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {team && <TeamQueue teamId={team.id} />}
    </div>
  );
}
