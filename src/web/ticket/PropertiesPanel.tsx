// The ticket's properties (status, priority, team, assignee, tags, followers, custom fields): edited as a
// draft and saved in one PATCH with If-Match; a stale version (409) is said plainly and reloaded.

import { useId, useState, type ReactNode } from "react";
import { nextStatuses, PRIORITIES } from "../../core/ticket/ticket.js";
import type { Priority, Status, Ticket, TicketChanges } from "../api/types.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { usePrincipal } from "../session/SessionProvider.js";
import { RootCauseFields, type RootCauseChoice, rootCauseChanges } from "../escalation/RootCauseFields.js";
import { ChipsEditor } from "./ChipsEditor.js";
import { CustomFields } from "./CustomFields.js";
import { isVersionConflict, useUpdateTicket } from "./ticketMutations.js";

type Notice = { kind: "saved" } | { kind: "conflict" } | { kind: "error"; error: unknown } | null;

interface Props {
  ticket: Ticket;
  /** A viewer sees the properties but cannot change them. */
  readOnly: boolean;
}

export function PropertiesPanel({ ticket, readOnly }: Props) {
  const { t, tx } = useI18n();
  const { agents, teams, agentName, tags: knownTags } = useDirectory();
  const update = useUpdateTicket();
  const me = usePrincipal();
  const [draft, setDraft] = useState<TicketChanges>({});
  const busy = update.isPending;
  const [notice, setNotice] = useState<Notice>(null);
  const [rootCause, setRootCause] = useState<RootCauseChoice>({ rootCause: "", rootCauseText: "" });

  const value = <K extends keyof TicketChanges>(name: K): Ticket[K & keyof Ticket] =>
    (name in draft ? draft[name] : ticket[name as K & keyof Ticket]) as Ticket[K & keyof Ticket];
  const change = <K extends keyof TicketChanges>(name: K, next: TicketChanges[K]) => {
    setNotice(null);
    setDraft((before) => {
      const after = { ...before, [name]: next };
      // Back to the saved value: no longer a change.
      if (JSON.stringify(next) === JSON.stringify(ticket[name as K & keyof Ticket])) delete after[name];
      return after;
    });
  };
  const dirty = Object.keys(draft).length > 0;

  const save = async () => {
    setNotice(null);
    try {
      // The mutation caches the answer; a conflict reloads the ticket.
      await update.mutateAsync({ ticket, changes: draft.status === "solved" ? { ...draft, ...rootCauseChanges(rootCause) } : draft });
      setDraft({});
      setNotice({ kind: "saved" });
    } catch (error) {
      if (isVersionConflict(error)) {
        setDraft({});
        setNotice({ kind: "conflict" });
      } else setNotice({ kind: "error", error });
    }
  };

  const status = value("status");
  const statuses: Status[] = [ticket.status, ...nextStatuses(ticket.status)];
  const assigneeId = value("assigneeId");
  const activeAgents = agents.filter((agent) => agent.active !== false).sort((a, b) => a.name.localeCompare(b.name));

  return (
    <form
      className="panel properties"
      aria-labelledby="properties-title"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="properties-title">{t("ticket.properties")}</h2>
      <fieldset className="plain" disabled={readOnly}>
        <legend className="visually-hidden">{t("ticket.properties")}</legend>
        <Field label={t("field.status")}>
          {(id) => (
            <select id={id} name="status" value={status} onChange={(e) => change("status", e.target.value as Status)} disabled={statuses.length === 1}>
              {statuses.map((option) => (
                <option key={option} value={option}>
                  {tx(`status.${option}`, option)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("field.priority")}>
          {(id) => (
            <select id={id} name="priority" value={value("priority")} onChange={(e) => change("priority", e.target.value as Priority)}>
              {PRIORITIES.map((option) => (
                <option key={option} value={option}>
                  {tx(`priority.${option}`, option)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("field.team")}>
          {(id) => (
            <select id={id} name="team" value={value("teamId") ?? ""} onChange={(e) => change("teamId", e.target.value || null)}>
              <option value="">{t("ticket.noTeam")}</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("field.assignee")}>
          {(id) => (
            <>
              <select id={id} name="assignee" value={assigneeId ?? ""} onChange={(e) => change("assigneeId", e.target.value || null)}>
                <option value="">{t("ticket.unassigned")}</option>
                {assigneeId && !activeAgents.some((agent) => agent.id === assigneeId) && (
                  <option value={assigneeId}>{agentName(assigneeId) ?? assigneeId}</option>
                )}
                {activeAgents.map((agent) => (
                  <option key={agent.id} value={agent.id}>
                    {agent.name}
                  </option>
                ))}
              </select>
              {assigneeId !== me.id && !readOnly && (
                <button type="button" className="link-button" onClick={() => change("assigneeId", me.id)}>
                  {t("ticket.assignToMe")}
                </button>
              )}
            </>
          )}
        </Field>
        <ChipsEditor
          label={t("field.tags")}
          values={value("tags")}
          onChange={(tags) => change("tags", tags)}
          suggestions={knownTags.map((tag) => ({ value: tag.name, label: tag.name }))}
          freeText
          normalize={(tag) => tag.trim().toLowerCase()}
        />
        <ChipsEditor
          label={t("field.followers")}
          values={value("followers")}
          onChange={(followers) => change("followers", followers)}
          suggestions={activeAgents.map((agent) => ({ value: agent.id, label: agent.name }))}
          labelOf={(id) => agentName(id) ?? id}
        />
        <CustomFields fields={value("customFields")} readOnly={readOnly} onChange={(fields) => change("customFields", fields)} />
        {status === "solved" && ticket.status !== "solved" && <RootCauseFields number={ticket.number} value={rootCause} onChange={setRootCause} />}
      </fieldset>
      {readOnly ? (
        <p className="muted small">{t("ticket.readOnly")}</p>
      ) : (
        <div className="panel-actions">
          <button type="submit" className="button button-primary" disabled={!dirty || busy}>
            {busy ? t("app.saving") : t("action.save")}
          </button>
          <button type="button" className="button button-quiet" disabled={!dirty || busy} onClick={() => setDraft({})}>
            {t("action.discard")}
          </button>
        </div>
      )}
      <div aria-live="polite">{notice?.kind === "saved" && <p className="notice notice-success">{t("ticket.saved")}</p>}</div>
      {notice?.kind === "conflict" && (
        <div className="notice notice-warning" role="alert" data-testid="conflict">
          <strong>{t("ticket.conflictTitle")}</strong>
          <p>{t("ticket.conflictBody")}</p>
        </div>
      )}
      {notice?.kind === "error" && <ErrorNotice error={notice.error} />}
    </form>
  );
}

function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
