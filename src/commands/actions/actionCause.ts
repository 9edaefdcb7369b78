// Why actions run, and what that cause lends to what they send: the texts of a notice, the data
// of a notification, the body of a webhook. A matrix step or a team's rule.

import { translator } from "../../core/i18n/index.js";
import { localeOf } from "../../core/i18n/locale.js";
import { escalationText } from "../../core/notify/escalationTexts.js";
import type { RuleTrigger } from "../../core/rules/rule.js";
import type { MatrixStep, Target } from "../../core/sla/policy.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";

/** A matrix step firing on one ticket clock. */
export interface EscalationCause {
  kind: "escalation";
  timerId: number;
  policy: { id: string; name: string; calendarId: string | null };
  target: Target;
  step: Pick<MatrixStep, "id" | "kind" | "level" | "urgent">;
  /** When the timer was due. */
  dueAt: Date;
  /** The clock's deadline (the timer's due time when the clock has none). */
  deadline: Date;
  lagMs: number;
  late: boolean;
}

/** A team's rule matching an event of the ticket (or its moment coming, for a time rule). */
export interface RuleCause {
  kind: "rule";
  ruleId: string;
  ruleName: string;
  trigger: RuleTrigger;
  /** The calendar of the ticket's SLA policy, for the zone of a recipient who keeps no hours; null: UTC. */
  calendarId: string | null;
}

export type ActionCause = EscalationCause | RuleCause;

/** A notice's title and body in the recipient's language and time zone. */
export interface NoticeText {
  title: string;
  body: string;
  locale: string;
}

/** What a notice about `cause` says to someone reading in `locale` in `timeZone`. */
export function noticeText(cause: ActionCause, props: { ticket: Ticket; locale: string; timeZone: string; now: Date }): NoticeText {
  if (cause.kind === "rule") {
    const locale = localeOf(props.locale);
    const t = translator(locale);
    const values = { name: cause.ruleName, number: props.ticket.number, subject: props.ticket.subject };
    return { title: t("events.ruleNotice.title", values), body: t("events.ruleNotice.body", values), locale };
  }
  return escalationText({
    locale: props.locale,
    timeZone: props.timeZone,
    ticket: props.ticket,
    kind: cause.step.kind,
    level: cause.step.level,
    target: cause.target,
    policyName: cause.policy.name,
    deadline: cause.deadline.getTime(),
    now: props.now.getTime(),
  });
}

/** The calendar whose zone a notice falls back to when its recipient keeps no hours: the policy's. */
export function fallbackCalendarId(cause: ActionCause): string | null {
  return cause.kind === "rule" ? cause.calendarId : cause.policy.calendarId;
}

/** Whether notices go out at once even outside the recipient's working hours. */
export function isUrgent(cause: ActionCause): boolean {
  // A rule's notices wait for their reader's working hours like a non-urgent step's.
  return cause.kind === "escalation" && cause.step.urgent === true;
}

/** The `data` of an in-app notification about `cause` (the bell links it back to its step). */
export function notificationData(cause: ActionCause): Record<string, unknown> {
  if (cause.kind === "rule") return { type: "rule", ruleId: cause.ruleId, ruleName: cause.ruleName, trigger: cause.trigger };
  return {
    type: "escalation",
    timerId: cause.timerId,
    policyId: cause.policy.id,
    stepId: cause.step.id,
    kind: cause.step.kind,
    level: cause.step.level,
    target: cause.target,
  };
}

/** The JSON a webhook about `cause` posts, besides the ticket. */
export function webhookBody(cause: ActionCause, now: Date): { event: string } & Record<string, unknown> {
  if (cause.kind === "rule") {
    return { event: "rule.fired", rule: { id: cause.ruleId, name: cause.ruleName }, trigger: cause.trigger, firedAt: now.toISOString() };
  }
  return {
    event: "sla.escalation",
    policy: { id: cause.policy.id, name: cause.policy.name },
    target: cause.target,
    step: { id: cause.step.id, kind: cause.step.kind, level: cause.step.level },
    level: cause.step.level,
    dueAt: cause.dueAt.toISOString(),
    firedAt: now.toISOString(),
    lagMs: cause.lagMs,
    late: cause.late,
  };
}
