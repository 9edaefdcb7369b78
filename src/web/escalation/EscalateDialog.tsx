// The escalate dialog: the kind and its target, the hand-off's four fields, a reason when the
// ticket is too fresh, and the customer notice previewed in the customer's language with its
// ETA before it is sent. The hand-off starts from the ticket's guided procedures: the steps done
// as what was tried, the information collected in the summary, all editable; a procedure's
// missing required information is warned about (and refused by the server when it is required).
// The server checks everything and names each missing field beside it.

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { handoffDraft } from "../../core/procedure/progress.js";
import type { Ticket } from "../api/types.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { FieldError, fieldIssues, issuesAt } from "../components/FieldError.js";
import { Modal } from "../components/Modal.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { type EscalationDraft, type EscalationKind, type EscalationPreview, previewEscalation, useEscalationMutations } from "./escalationApi.js";
import { procedureKeys, type TicketProcedure, ticketProcedures } from "../procedures/procedureApi.js";
import { escalationWord } from "./escalationWords.js";

const KINDS: EscalationKind[] = ["functional", "hierarchical", "external"];
const URGENCIES = ["low", "normal", "high", "critical"] as const;
const LEADS = new Set(["team_lead", "manager", "admin"]);

export function EscalateDialog({ ticket, onClose }: { ticket: Ticket; onClose(): void }) {
  const { t } = useI18n();
  const procedures = useQuery({ queryKey: procedureKeys.ticket(ticket.number), queryFn: () => ticketProcedures(ticket.number) });
  // The hand-off starts from the procedures as saved; without them (none, or they failed to load) it starts empty.
  if (procedures.isPending)
    return (
      <Modal title={t("escalation.dialogTitle", { number: ticket.number })} onCancel={onClose} className="escalation-dialog">
        <p className="muted">{t("app.loading")}</p>
      </Modal>
    );
  return <EscalateForm ticket={ticket} procedures={procedures.data ?? []} onClose={onClose} />;
}

function EscalateForm({ ticket, procedures, onClose }: { ticket: Ticket; procedures: TicketProcedure[]; onClose(): void }) {
  const { t, locale, formatDateTime } = useI18n();
  const { teams, agents } = useDirectory();
  const { escalate } = useEscalationMutations(ticket.number);
  const [start] = useState(() =>
    handoffDraft(
      procedures.map((p) => ({ spec: p.procedure, progress: { done: p.done, values: p.values } })),
      locale,
    ),
  );
  const fromProcedure = start.tried !== "" || start.collected !== "";
  const [draft, setDraft] = useState<EscalationDraft>(() => ({
    kind: "functional",
    handoff: { ...(start.tried ? { tried: start.tried } : {}), ...(start.collected ? { summary: start.collected } : {}) },
  }));
  const [promised, setPromised] = useState("");
  const [preview, setPreview] = useState<EscalationPreview | null>(null);
  const [noticeText, setNoticeText] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const issues = fieldIssues(error);
  const unfinished = procedures.filter((p) => p.missing.length > 0);

  const set = (changes: Partial<EscalationDraft>) => {
    setDraft((before) => ({ ...before, ...changes }));
    setPreview(null);
  };
  const setHandoff = (field: "summary" | "tried" | "impact" | "urgency", value: string) => set({ handoff: { ...draft.handoff, [field]: value } });
  const body = (): EscalationDraft => {
    const out: EscalationDraft = { ...draft };
    if (draft.kind === "external") out.promisedAt = promised ? new Date(promised).toISOString() : "";
    if (draft.kind !== "functional") delete out.toTeamId;
    if (draft.kind === "external") delete out.toAgentId;
    return out;
  };

  const showPreview = async () => {
    setError(null);
    setBusy(true);
    try {
      const answer = await previewEscalation(ticket.number, body());
      setPreview(answer);
      setNoticeText(answer.notice.text);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    setError(null);
    setBusy(true);
    try {
      const notify = draft.notifyCustomer === true;
      await escalate.mutateAsync({ ...body(), notifyCustomer: notify, ...(notify && preview && noticeText.trim() ? { noticeText } : {}) });
      onClose();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const field = (path: string) => {
    const found = issuesAt(issues, path);
    return { found, describedBy: found.length ? `${id}-${path}-error` : undefined, error: <FieldError id={`${id}-${path}-error`} issues={found} /> };
  };
  const text = (path: "summary" | "tried" | "impact", label: string) => {
    const f = field(`handoff.${path}`);
    return (
      <div className="field">
        <label htmlFor={`${id}-${path}`}>{label}</label>
        <textarea
          id={`${id}-${path}`}
          name={path}
          rows={fromProcedure && path !== "impact" ? 5 : 2}
          value={draft.handoff[path] ?? ""}
          aria-invalid={f.found.length > 0}
          aria-describedby={f.describedBy}
          onChange={(e) => setHandoff(path, e.target.value)}
        />
        {f.error}
      </div>
    );
  };
  const team = field("toTeamId");
  const person = field("toAgentId");
  const members = agents.filter(
    (a) => a.active !== false && (draft.kind === "hierarchical" ? LEADS.has(a.role) : !draft.toTeamId || a.teamId === draft.toTeamId),
  );

  return (
    <Modal title={t("escalation.dialogTitle", { number: ticket.number })} onCancel={onClose} className="escalation-dialog">
      <form
        className="escalate-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t("escalation.kind")}</label>
          <select id={`${id}-kind`} name="kind" value={draft.kind} onChange={(e) => set({ kind: e.target.value as EscalationKind })}>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {escalationWord(locale, "kind", kind)}
              </option>
            ))}
          </select>
        </div>
        {draft.kind === "functional" && (
          <div className="field">
            <label htmlFor={`${id}-toTeamId`}>{t("escalation.team")}</label>
            <select
              id={`${id}-toTeamId`}
              name="toTeamId"
              value={draft.toTeamId ?? ""}
              aria-invalid={team.found.length > 0}
              aria-describedby={team.describedBy}
              onChange={(e) => set({ toTeamId: e.target.value || null, toAgentId: null })}
            >
              <option value="">{t("escalation.chooseTeam")}</option>
              {teams.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </select>
            {team.error}
          </div>
        )}
        {draft.kind !== "external" && (
          <div className="field">
            <label htmlFor={`${id}-toAgentId`}>{t("escalation.person")}</label>
            <select
              id={`${id}-toAgentId`}
              name="toAgentId"
              value={draft.toAgentId ?? ""}
              aria-invalid={person.found.length > 0}
              aria-describedby={person.describedBy}
              onChange={(e) => set({ toAgentId: e.target.value || null })}
            >
              <option value="">{draft.kind === "hierarchical" ? t("escalation.chooseLead") : t("escalation.anyone")}</option>
              {members.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </select>
            {person.error}
          </div>
        )}
        {draft.kind === "external" && (
          <>
            {(["vendor", "vendorReference"] as const).map((name) => {
              const f = field(name);
              return (
                <div className="field" key={name}>
                  <label htmlFor={`${id}-${name}`}>{t(`escalation.${name}`)}</label>
                  <input
                    id={`${id}-${name}`}
                    name={name}
                    value={draft[name] ?? ""}
                    aria-invalid={f.found.length > 0}
                    aria-describedby={f.describedBy}
                    onChange={(e) => set({ [name]: e.target.value })}
                  />
                  {f.error}
                </div>
              );
            })}
            <div className="field">
              <label htmlFor={`${id}-promisedAt`}>{t("escalation.promisedAt")}</label>
              <input
                type="datetime-local"
                id={`${id}-promisedAt`}
                name="promisedAt"
                value={promised}
                aria-invalid={field("promisedAt").found.length > 0}
                onChange={(e) => {
                  setPromised(e.target.value);
                  setPreview(null);
                }}
              />
              {field("promisedAt").error}
            </div>
          </>
        )}
        <fieldset className="plain handoff">
          {fromProcedure && <p className="muted small handoff-from-procedure">{t("procedure.prefilled")}</p>}
          {unfinished.map((p) => (
            <p key={p.procedure.id} className={`notice ${p.procedure.required ? "notice-error" : "notice-warning"} procedure-unfinished`}>
              {t(p.procedure.required ? "procedure.unfinishedRequired" : "procedure.unfinished", {
                name: p.procedure.names[locale],
                fields: p.procedure.fields
                  .filter((f) => p.missing.includes(f.key))
                  .map((f) => f.label[locale])
                  .join(", "),
              })}
            </p>
          ))}
          {text("summary", t("escalation.summary"))}
          {text("tried", t("escalation.tried"))}
          {text("impact", t("escalation.impact"))}
          <div className="field">
            <label htmlFor={`${id}-urgency`}>{t("escalation.urgency")}</label>
            <select
              id={`${id}-urgency`}
              name="urgency"
              value={draft.handoff.urgency ?? ""}
              aria-invalid={field("handoff.urgency").found.length > 0}
              onChange={(e) => setHandoff("urgency", e.target.value)}
            >
              <option value="">{t("escalation.choose")}</option>
              {URGENCIES.map((urgency) => (
                <option key={urgency} value={urgency}>
                  {escalationWord(locale, "urgency", urgency)}
                </option>
              ))}
            </select>
            {field("handoff.urgency").error}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t("escalation.reason")}</label>
          <textarea
            id={`${id}-reason`}
            name="reason"
            rows={2}
            value={draft.reason ?? ""}
            aria-invalid={field("reason").found.length > 0}
            onChange={(e) => set({ reason: e.target.value })}
          />
          <small className="muted">{t("escalation.reasonHint")}</small>
          {field("reason").error}
        </div>
        <label className="checkbox">
          <input type="checkbox" name="notifyCustomer" checked={draft.notifyCustomer === true} onChange={(e) => set({ notifyCustomer: e.target.checked })} />{" "}
          {t("escalation.notifyCustomer")}
        </label>
        {preview && (
          <div className="notice-preview" aria-live="polite">
            <p>
              <strong>{t("escalation.previewTitle", { language: preview.notice.locale.toUpperCase() })}</strong>
            </p>
            <p className="eta">{preview.etaAt ? t("escalation.eta", { when: formatDateTime(preview.etaAt) }) : t("escalation.noEta")}</p>
            <textarea name="noticeText" rows={8} value={noticeText} onChange={(e) => setNoticeText(e.target.value)} />
          </div>
        )}
        {error !== null && <ErrorNotice error={error} />}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t("escalation.cancel")}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void showPreview()}>
            {t("escalation.preview")}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t("escalation.sending") : t("escalation.submit")}
          </button>
        </div>
      </form>
    </Modal>
  );
}
