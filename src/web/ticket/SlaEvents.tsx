// The timeline's SLA events in words: the policy that applies and why (`sla_policy`), clocks
// started, paused, met… (`sla`), and escalations with their level, recipients and lateness.

import type { TicketEvent } from "../api/types.js";
import type { I18n } from "../i18n/I18nProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { formatDuration } from "../sla/duration.js";

export const SLA_EVENT_TYPES: ReadonlySet<string> = new Set(["sla_policy", "sla", "escalation"]);

type Data = Record<string, unknown>;
const str = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const num = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

function targetName(i18n: I18n, target: unknown): string {
  return typeof target === "string" ? i18n.tx(`sla.target.${target}`, target) : "";
}

/**
 * An escalation's action outcome, as the engine records it in English ("raised priority normal →
 * urgent", "notified Léa Martin (in-app, e-mail)"), in the UI's language when its form is known.
 */
export function actionOutcome(text: string, i18n: I18n): string {
  const { t, tx } = i18n;
  let m = /^notified (.+) \((.+)\)$/.exec(text);
  if (m) return t("event.escalation.outcome.notified", { name: m[1] ?? "", how: m[2] ?? "" });
  m = /^raised priority (\w+) → (\w+)$/.exec(text);
  if (m) return t("event.escalation.outcome.raised", { from: tx(`priority.${m[1]}`, m[1] ?? ""), to: tx(`priority.${m[2]}`, m[2] ?? "") });
  m = /^set tier (\S+) → (\S+)$/.exec(text);
  if (m) return t("event.escalation.outcome.tier", { from: m[1] ?? "", to: m[2] ?? "" });
  m = /^reassigned to (?:team )?(.+)$/.exec(text);
  if (m) return t("event.escalation.outcome.reassigned", { name: m[1] ?? "" });
  m = /^added followers (.+)$/.exec(text);
  if (m) return t("event.escalation.outcome.followers", { names: m[1] ?? "" });
  if (text === "added a note") return t("event.escalation.outcome.note");
  m = /^queued webhook to (.+)$/.exec(text);
  if (m) return t("event.escalation.outcome.webhook", { url: m[1] ?? "" });
  return text;
}

/** Why the step fired, in the UI's language: which level of which policy, how far past due. */
export function escalationReason(data: Record<string, unknown>, i18n: I18n): string | null {
  const policy = str(data.policyName);
  const deadline = str(data.deadline) ?? str(data.dueAt);
  const fired = str(data.firedAt);
  if (!policy || !deadline || !fired) return null;
  const overdue = (new Date(fired).getTime() - new Date(deadline).getTime()) / 1000;
  const target = targetName(i18n, data.target);
  const time = formatDuration(Math.abs(overdue), i18n.locale, false);
  const what =
    overdue >= 60
      ? i18n.t("event.escalation.why.overdue", { target, time })
      : overdue >= 0
        ? i18n.t("event.escalation.why.reached", { target })
        : i18n.t("event.escalation.why.dueIn", { target, time });
  const head = data.kind === "reminder" ? i18n.t("event.escalation.why.reminder", { policy }) : i18n.t("event.escalation.why.level", { level: num(data.level) ?? "?", policy });
  return i18n.t("matrix.summary.line", { when: head, what });
}

/** The event's heading: "SLA policy applied", "Escalated to level 2", "Reminder sent"… */
export function slaEventTitle(event: TicketEvent, i18n: I18n): string {
  const data: Data = event.data ?? {};
  if (event.type === "sla_policy") return str(data.policyName) ? i18n.t("event.sla_policy") : i18n.t("event.sla_policy.none");
  if (event.type === "sla") return i18n.t("event.sla");
  if (data.kind === "reminder") return i18n.t("event.escalation.reminder", { target: targetName(i18n, data.target) });
  return i18n.t("event.escalation.level", { level: num(data.level) ?? "?", target: targetName(i18n, data.target) });
}

export function SlaEventDetails({ event }: { event: TicketEvent }) {
  const i18n = useI18n();
  const { t, tx, locale, formatDateTime, formatNumber } = i18n;
  const data: Data = event.data ?? {};
  if (event.type === "sla_policy") {
    const reason = str(data.reason);
    return (
      <ul className="changes">
        <li>{str(data.policyName) ? t("event.sla_policy.name", { name: str(data.policyName) ?? "" }) : t("event.sla_policy.noneLine")}</li>
        {reason && reason !== event.reason && <li className="event-reason">{reason}</li>}
      </ul>
    );
  }
  if (event.type === "sla") {
    const changes = Array.isArray(data.changes) ? (data.changes as Data[]) : [];
    return (
      <ul className="changes">
        {changes.map((change, index) => {
          const cycle = num(change.cycle) ?? 1;
          const target = targetName(i18n, change.target) + (change.target === "next_response" && cycle > 1 ? ` (${cycle})` : "");
          const what = tx(`event.sla.change.${String(change.change)}`, String(change.change));
          const due = str(change.dueAt);
          const late = num(change.lateBySeconds);
          return (
            <li key={index}>
              <span className="change-value">{target}</span> {what}
              {change.change !== "met" && change.change !== "cancelled" && due && <> · {t("event.sla.due", { when: formatDateTime(due) })}</>}
              {change.change === "met" && late !== null && late > 0 && (
                <> · <span className="late">{t("event.sla.lateBy", { time: formatDuration(late, locale) })}</span></>
              )}
            </li>
          );
        })}
      </ul>
    );
  }
  const recipients = Array.isArray(data.recipients) ? (data.recipients as Data[]).map((r) => str(r.name) ?? str(r.kind) ?? "?") : [];
  const actions = Array.isArray(data.actions) ? (data.actions as unknown[]).map((a) => (typeof a === "string" ? a : str((a as Data)?.type) ?? "?")) : [];
  const due = str(data.dueAt);
  const fired = str(data.firedAt);
  const lag = num(data.lagMs);
  const list = (items: string[]) => new Intl.ListFormat(locale, { type: "conjunction" }).format(items);
  const why = escalationReason(data, i18n);
  return (
    <>
    <ul className="changes">
      {str(data.policyName) && <li>{t("event.sla_policy.name", { name: str(data.policyName) ?? "" })}</li>}
      <li>{recipients.length > 0 ? t("event.escalation.recipients", { names: list(recipients) }) : t("event.escalation.noRecipients")}</li>
      {actions.length > 0 && <li>{t("event.escalation.actions", { actions: list(actions.map((a) => actionOutcome(a, i18n))) })}</li>}
      {due && <li>{t("event.escalation.due", { when: formatDateTime(due) })}</li>}
      {fired && (
        <li className={data.late === true ? "late" : undefined}>
          {data.late === true && lag !== null
            ? t("event.escalation.firedLate", { when: formatDateTime(fired), time: formatDuration(lag / 1000, locale) })
            : t("event.escalation.fired", { when: formatDateTime(fired), lag: formatNumber(lag ?? 0) })}
        </li>
      )}
      {data.breached === true && <li className="late">{t("event.escalation.breached")}</li>}
    </ul>
    {/* The engine's reason is English; this one says the same in the UI's language. */}
    <p className="event-reason" title={event.reason ?? undefined}>
      {why ?? event.reason}
    </p>
    </>
  );
}
