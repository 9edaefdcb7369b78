// One agent: who they are, their role, team, manager, region, languages, and what routing reads
// (skills, products, channels, capacity, hours, out of office), saved with If-Match; a new agent gets a generated password shown once; deactivating ends their sessions.

import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { ROLES } from "../../core/access/permissions.js";
import { CHANNELS, LANGUAGES } from "../../core/ticket/ticket.js";
import * as sla from "../api/slaApi.js";
import type { Role } from "../api/types.js";
import { FieldError, issuesAt } from "../components/FieldError.js";
import { PageTitle } from "../components/PageTitle.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { queryKeys } from "../queries/keys.js";
import { usePrincipal } from "../session/SessionProvider.js";
import { useCanWrite } from "./access.js";
import { newAgentPassword } from "./adminApi.js";
import type { AgentRecord } from "./adminTypes.js";
import { AgentAccess, OneTimePassword } from "./AgentAccess.js";
import { AgentEscalationFigures } from "../escalation/AgentEscalationFigures.js";
import { SaveBar, SaveNotices, SelectField, TextField, textOrNull, useRecordDraft, wordsOf } from "./formKit.js";
import { RecordLoader } from "./RecordLoader.js";

/** `2026-12-02T09:30` for a datetime-local input, in the browser's time. */
function localInputOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local input's value as an instant; null when blank. */
function instantOrNull(text: string): string | null {
  return text.trim() === "" ? null : new Date(text).toISOString();
}

/** What the address carries from the creation to the agent's page: the password, shown once. */
interface CreatedState {
  created: true;
  password: string | null;
}

export function AgentEditor({ id }: { id: string | null }) {
  const location = useLocation();
  const navigate = useNavigate();
  const [created] = useState(() => (location.state as CreatedState | null)?.created === true);
  const [password, setPassword] = useState<string | null>(() => (location.state as CreatedState | null)?.password ?? null);
  // Shown once: a reload or a return to this page does not bring it back.
  useEffect(() => {
    if (location.state) navigate(location.pathname, { replace: true, state: null });
  }, [location, navigate]);
  return (
    <RecordLoader kind="agents" id={id}>
      {(agent, reload) => (
        <AgentForm
          key={agent ? `${agent.id}-${agent.version}` : "new"}
          agent={agent}
          onReload={reload}
          created={created}
          password={password}
          onPassword={setPassword}
        />
      )}
    </RecordLoader>
  );
}

interface Draft {
  name: string;
  email: string;
  role: Role;
  teamId: string;
  managerId: string;
  region: string;
  languages: string[];
  skills: string;
  products: string;
  channels: string[];
  outOfOfficeFrom: string;
  outOfOfficeUntil: string;
  capacity: string;
  calendarId: string;
  locale: string;
}

function draftOf(agent: AgentRecord | null, locale: string): Draft {
  return {
    name: agent?.name ?? "",
    email: agent?.email ?? "",
    role: agent?.role ?? "agent",
    teamId: agent?.teamId ?? "",
    managerId: agent?.managerId ?? "",
    region: agent?.region ?? "",
    languages: agent?.languages ?? [],
    skills: agent?.skills.join(", ") ?? "",
    products: agent?.products.join(", ") ?? "",
    channels: agent?.channels ?? [],
    outOfOfficeFrom: agent?.outOfOfficeFrom ? localInputOf(new Date(agent.outOfOfficeFrom)) : "",
    outOfOfficeUntil: agent?.outOfOfficeUntil ? localInputOf(new Date(agent.outOfOfficeUntil)) : "",
    capacity: String(agent?.capacity ?? 10),
    calendarId: agent?.calendarId ?? "",
    locale: agent?.locale ?? locale,
  };
}

function AgentForm({
  agent,
  onReload,
  created,
  password,
  onPassword,
}: {
  agent: AgentRecord | null;
  onReload(): void;
  created: boolean;
  password: string | null;
  onPassword(password: string | null): void;
}) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const principal = usePrincipal();
  const { teams, agents } = useDirectory();
  const readOnly = !useCanWrite("agents");
  const calendars = useQuery({ queryKey: queryKeys.calendars, queryFn: sla.listCalendars });
  const { current, setCurrent, draft, change, busy, notice, setNotice, save, issues } = useRecordDraft("agents", agent, () => draftOf(agent, locale));
  const languagesId = useId();
  const channelsId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save({
      name: draft.name.trim(),
      email: draft.email.trim(),
      role: draft.role,
      teamId: draft.teamId || null,
      managerId: draft.managerId || null,
      region: textOrNull(draft.region),
      languages: draft.languages,
      skills: wordsOf(draft.skills),
      products: wordsOf(draft.products),
      channels: draft.channels,
      outOfOfficeFrom: instantOrNull(draft.outOfOfficeFrom),
      outOfOfficeUntil: instantOrNull(draft.outOfOfficeUntil),
      // Blank or not a number: null, which the server refuses beside the field.
      capacity: draft.capacity.trim() === "" ? Number.NaN : Number(draft.capacity),
      calendarId: draft.calendarId || null,
      locale: draft.locale,
    });
    if (saved && !agent) {
      // The new agent cannot sign in without a password: give them one now, shown once.
      const state: CreatedState = { created: true, password: await newAgentPassword(saved.id).catch(() => null) };
      navigate(`/admin/agents/${saved.id}`, { replace: true, state });
    }
  };

  const none = { value: "", label: t("admin.none") };
  const languages = [...new Set([...LANGUAGES, ...draft.languages])];
  const languageIssues = issuesAt(issues, "languages", true);
  const title = agent ? agent.name : t("admin.newAgent");

  return (
    <div className="editor admin-editor">
      <p className="breadcrumb">
        <Link to="/admin/agents">{t("admin.agents")}</Link> / {title}
      </p>
      <PageTitle title={title} />
      {readOnly && <p className="notice notice-info">{t("admin.agentsReadOnly")}</p>}
      {!agent && !readOnly && <p className="muted">{t("admin.newAgentPasswordNote")}</p>}
      {current && !current.active && <p className="notice notice-warning">{t("admin.agentInactive", { name: current.name })}</p>}
      {created && password === null && <p className="notice notice-warning">{t("admin.createdWithoutPassword")}</p>}
      {password !== null && current && <OneTimePassword name={current.name} email={current.email} password={password} onDone={() => onPassword(null)} />}
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <SaveNotices
          notice={notice}
          onReload={onReload}
          placed={[
            "name",
            "email",
            "role",
            "teamId",
            "managerId",
            "region",
            "languages",
            "skills",
            "products",
            "channels",
            "outOfOfficeFrom",
            "outOfOfficeUntil",
            "capacity",
            "calendarId",
            "locale",
          ]}
        />
        <div className="grid-2">
          <TextField label={t("field.name")} path="name" issues={issues} readOnly={readOnly} value={draft.name} onChange={(name) => change({ name })} />
          <TextField
            label={t("field.email")}
            path="email"
            type="email"
            issues={issues}
            readOnly={readOnly}
            value={draft.email}
            onChange={(email) => change({ email })}
          />
          <SelectField
            label={t("admin.role")}
            path="role"
            issues={issues}
            readOnly={readOnly}
            hint={t(`admin.roleHint.${draft.role}`)}
            value={draft.role}
            onChange={(role) => change({ role: role as Role })}
            options={ROLES.map((role) => ({ value: role, label: t(`admin.roleName.${role}`) }))}
          />
          <SelectField
            label={t("field.team")}
            path="teamId"
            issues={issues}
            readOnly={readOnly}
            value={draft.teamId}
            onChange={(teamId) => change({ teamId })}
            options={[none, ...teams.map((team) => ({ value: team.id, label: team.name }))]}
          />
          <SelectField
            label={t("admin.manager")}
            path="managerId"
            issues={issues}
            readOnly={readOnly}
            value={draft.managerId}
            onChange={(managerId) => change({ managerId })}
            options={[none, ...agents.filter((a) => a.id !== agent?.id && (a.active || a.id === draft.managerId)).map((a) => ({ value: a.id, label: a.name }))]}
          />
          <TextField
            label={t("admin.region")}
            path="region"
            issues={issues}
            readOnly={readOnly}
            hint={t("admin.regionHint")}
            value={draft.region}
            onChange={(region) => change({ region })}
          />
        </div>
        <fieldset className="checkbox-row" aria-describedby={languageIssues.length > 0 ? `${languagesId}-error` : undefined}>
          <legend>{t("admin.languages")}</legend>
          {languages.map((language) => (
            <label key={language} className="check">
              <input
                type="checkbox"
                checked={draft.languages.includes(language)}
                disabled={readOnly}
                onChange={(e) => change({ languages: e.target.checked ? [...draft.languages, language] : draft.languages.filter((l) => l !== language) })}
              />
              {(LANGUAGES as readonly string[]).includes(language) ? t(`language.${language as (typeof LANGUAGES)[number]}`) : language}
            </label>
          ))}
          <FieldError id={`${languagesId}-error`} issues={languageIssues} />
        </fieldset>
        <div className="grid-2">
          <TextField
            label={t("admin.skills")}
            path="skills"
            issues={issues}
            readOnly={readOnly}
            hint={t("admin.skillsHint")}
            placeholder={t("admin.skillsPlaceholder")}
            value={draft.skills}
            onChange={(skills) => change({ skills })}
          />
          <TextField
            label={t("admin.capacity")}
            path="capacity"
            type="number"
            issues={issues}
            readOnly={readOnly}
            hint={t("admin.capacityHint")}
            value={draft.capacity}
            onChange={(capacity) => change({ capacity })}
          />
          <SelectField
            label={t("admin.calendar")}
            path="calendarId"
            issues={issues}
            readOnly={readOnly}
            hint={t("admin.agentCalendarHint")}
            value={draft.calendarId}
            onChange={(calendarId) => change({ calendarId })}
            options={[none, ...(calendars.data ?? []).map((calendar) => ({ value: calendar.id, label: calendar.name }))]}
          />
          <SelectField
            label={t("admin.locale")}
            path="locale"
            issues={issues}
            readOnly={readOnly}
            hint={t("admin.localeHint")}
            value={draft.locale}
            onChange={(locale) => change({ locale })}
            options={[...new Set([...LANGUAGES, draft.locale])].map((code) => ({
              value: code,
              label: (LANGUAGES as readonly string[]).includes(code) ? t(`language.${code as (typeof LANGUAGES)[number]}`) : code,
            }))}
          />
        </div>
        <fieldset className="routing-fields">
          <legend>{t("routing.section")}</legend>
          <p className="muted small">{t("routing.routingHint")}</p>
          <div className="grid-2">
            <TextField
              label={t("routing.products")}
              path="products"
              issues={issues}
              readOnly={readOnly}
              hint={t("routing.productsHint")}
              value={draft.products}
              onChange={(products) => change({ products })}
            />
            <TextField
              label={t("routing.outOfOfficeFrom")}
              path="outOfOfficeFrom"
              type="datetime-local"
              issues={issues}
              readOnly={readOnly}
              value={draft.outOfOfficeFrom}
              onChange={(outOfOfficeFrom) => change({ outOfOfficeFrom })}
            />
            <TextField
              label={t("routing.outOfOfficeUntil")}
              path="outOfOfficeUntil"
              type="datetime-local"
              issues={issues}
              readOnly={readOnly}
              hint={t("routing.outOfOfficeHint")}
              value={draft.outOfOfficeUntil}
              onChange={(outOfOfficeUntil) => change({ outOfOfficeUntil })}
            />
          </div>
          <fieldset className="checkbox-row" aria-describedby={`${channelsId}-hint`}>
            <legend>{t("routing.channels")}</legend>
            {CHANNELS.map((channel) => (
              <label key={channel} className="check">
                <input
                  type="checkbox"
                  checked={draft.channels.includes(channel)}
                  disabled={readOnly}
                  onChange={(e) => change({ channels: e.target.checked ? [...draft.channels, channel] : draft.channels.filter((c) => c !== channel) })}
                />
                {t(`channel.${channel}`)}
              </label>
            ))}
            <p className="muted small" id={`${channelsId}-hint`}>
              {t("routing.channelsHint")}
            </p>
            <FieldError id={`${channelsId}-error`} issues={issuesAt(issues, "channels", true)} />
          </fieldset>
        </fieldset>
        {!readOnly && <SaveBar busy={busy} saved={notice?.kind === "saved"} label={agent ? undefined : t("admin.createAgent")} />}
      </form>
      {current && <AgentEscalationFigures agentId={current.id} />}
      {current && !readOnly && current.id !== principal.id && (
        <AgentAccess agent={current} onChanged={setCurrent} onPassword={onPassword} onConflict={() => setNotice({ kind: "conflict" })} />
      )}
    </div>
  );
}
