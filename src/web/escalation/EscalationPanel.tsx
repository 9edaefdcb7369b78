// The escalation panel of a ticket: its bounce count, the escalation in progress (kind, target,
// the hand-off, the expected answer) with accept and send-back for whoever received it, earlier
// escalations with why they were sent back or what their root cause was, and the escalate button.

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { Ticket } from "../api/types.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { Modal } from "../components/Modal.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { usePrincipal } from "../session/SessionProvider.js";
import { ApprovalSection } from "./ApprovalSection.js";
import { EscalateDialog } from "./EscalateDialog.js";
import { agentEscalationCounts, type Escalation, useEscalationMutations, useTicketEscalations } from "./escalationApi.js";
import "./escalation.css";
import { escalationWord } from "./escalationWords.js";
import { useRootCauses } from "./rootCauses.js";
import { TakeOverAction } from "./TakeOverAction.js";

export function EscalationPanel({ ticket, readOnly }: { ticket: Ticket; readOnly: boolean }) {
  const { t, locale, formatDateTime } = useI18n();
  const { agentName, teamName } = useDirectory();
  const me = usePrincipal();
  const escalations = useTicketEscalations(ticket.number);
  const causes = useRootCauses(locale);
  const { accept, bounce } = useEscalationMutations(ticket.number);
  const [dialog, setDialog] = useState<"escalate" | "bounce" | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (me.kind !== "agent" || escalations.isError) return null;
  const items = escalations.data?.items ?? [];
  const active = items.find((e) => e.status === "open" || e.status === "accepted");
  const earlier = items.filter((e) => e !== active).reverse();
  const manager = me.role === "manager" || me.role === "admin";
  const mine = (e: Escalation) =>
    manager || (e.kind === "external" ? e.fromAgentId === me.id : e.toAgentId ? e.toAgentId === me.id : e.toTeamId !== null && e.toTeamId === me.teamId);
  const target = (e: Escalation) => (e.kind === "external" ? (e.vendor ?? "") : e.toAgentId ? (agentName(e.toAgentId) ?? "") : (teamName(e.toTeamId) ?? ""));
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section className="panel escalation-panel" aria-labelledby="escalation-title">
      <h2 id="escalation-title">{t("escalation.panel")}</h2>
      {items.length > 0 && (
        <p className="bounce-count" data-bounces={escalations.data?.bounces ?? 0}>
          {t("escalation.bounces", { count: escalations.data?.bounces ?? 0 })}
        </p>
      )}
      {active ? (
        <div className="escalation-active" data-status={active.status}>
          <p>
            <strong>{escalationWord(locale, "status", active.status)}</strong> · {escalationWord(locale, "kind", active.kind)} → {target(active)}
          </p>
          <dl className="handoff-fields">
            <dt>{t("escalation.summary")}</dt>
            <dd>{active.handoff.summary}</dd>
            <dt>{t("escalation.tried")}</dt>
            <dd>{active.handoff.tried}</dd>
            <dt>{t("escalation.impact")}</dt>
            <dd>{active.handoff.impact}</dd>
            <dt>{t("escalation.urgency")}</dt>
            <dd>{escalationWord(locale, "urgency", active.handoff.urgency)}</dd>
          </dl>
          {active.etaAt && <p className="muted">{t("escalation.eta", { when: formatDateTime(active.etaAt) })}</p>}
          {!readOnly && active.status === "open" && mine(active) && (
            <div className="panel-actions">
              <button type="button" className="button button-primary" disabled={accept.isPending} onClick={() => void run(() => accept.mutateAsync(active.id))}>
                {t("escalation.accept")}
              </button>
              <button type="button" className="button" onClick={() => setDialog("bounce")}>
                {t("escalation.bounce")}
              </button>
            </div>
          )}
        </div>
      ) : (
        <>
          {items.length === 0 && <p className="muted">{t("escalation.none")}</p>}
          {!readOnly && ticket.status !== "closed" && ticket.status !== "solved" && (
            <button type="button" className="button" onClick={() => setDialog("escalate")}>
              {t("escalation.escalate")}
            </button>
          )}
        </>
      )}
      {earlier.length > 0 && (
        <details className="escalation-history" open={!active}>
          <summary>{t("escalation.history")}</summary>
          <ul>
            {earlier.map((e) => (
              <li key={e.id} data-status={e.status}>
                {escalationWord(locale, "status", e.status)} · {escalationWord(locale, "kind", e.kind)} → {target(e)} · {formatDateTime(e.createdAt)}
                {e.bounceReason && <div className="bounce-reason">{t("escalation.bouncedBecause", { reason: e.bounceReason })}</div>}
                {e.rootCause && <div>{t("escalation.rootCauseWas", { cause: causes.label(e.rootCause) })}</div>}
              </li>
            ))}
          </ul>
        </details>
      )}
      {items.length > 0 && items[items.length - 1]?.fromAgentId && <AgentRecord agentId={items[items.length - 1]?.fromAgentId ?? ""} />}
      {!readOnly && <TakeOverAction ticket={ticket} />}
      <ApprovalSection number={ticket.number} readOnly={readOnly} />
      {error !== null && <ErrorNotice error={error} />}
      {dialog === "escalate" && <EscalateDialog ticket={ticket} onClose={() => setDialog(null)} />}
      {dialog === "bounce" && active && (
        <BounceDialog
          onCancel={() => setDialog(null)}
          onBounce={async (reason, suggestedTeamId) => {
            await bounce.mutateAsync({ id: active.id, reason, suggestedTeamId });
            setDialog(null);
          }}
        />
      )}
    </section>
  );
}

function BounceDialog({ onCancel, onBounce }: { onCancel(): void; onBounce(reason: string, suggestedTeamId: string | null): Promise<void> }) {
  const { t } = useI18n();
  const { teams } = useDirectory();
  const [reason, setReason] = useState("");
  const [team, setTeam] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  return (
    <Modal title={t("escalation.bounceTitle")} onCancel={onCancel} className="escalation-dialog">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          setError(null);
          onBounce(reason, team || null)
            .catch((failure: unknown) => setError(failure))
            .finally(() => setBusy(false));
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t("escalation.bounceReason")}</label>
          <textarea id={`${id}-reason`} name="bounceReason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-team`}>{t("escalation.betterTeam")}</label>
          <select id={`${id}-team`} name="suggestedTeamId" value={team} onChange={(e) => setTeam(e.target.value)}>
            <option value="">{t("escalation.noBetterTeam")}</option>
            {teams.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
        {error !== null && <ErrorNotice error={error} />}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            {t("escalation.cancel")}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t("escalation.bounce")}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** How often the agent who escalated last escalates, and how often it came back: the bounce count on the agent. */
function AgentRecord({ agentId }: { agentId: string }) {
  const { t } = useI18n();
  const { agentName } = useDirectory();
  const counts = useQuery({ queryKey: ["agentEscalations", agentId], queryFn: () => agentEscalationCounts(agentId) });
  if (!counts.data) return null;
  return (
    <p className="small muted agent-record">
      {t("escalation.agentRecord", { name: agentName(agentId) ?? "", escalated: counts.data.escalated, bounced: counts.data.bounced })}
    </p>
  );
}
