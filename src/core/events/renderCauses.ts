// Why something happened, in the reader's language: a change's cause, a clock's cause, the
// conditions a policy matched on, and the reason a matrix step fired.

import { isMessageKey, type MessageKey } from "../i18n/index.js";
import type { Condition } from "../sla/policy.js";
import type { ChangeCause, ClockCause, EscalationCause, PolicyMatchCause } from "./causes.js";
import type { NameKind, RenderContext } from "./renderContext.js";

/** A word of the catalogue built from data (`ticket.status.open`), or the value itself when there is none. */
export function word(context: RenderContext, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? context.t(key as MessageKey) : value;
}

const ID_FIELDS: Record<string, NameKind> = {
  organization: "organization",
  customer: "customer",
  product: "product",
  team: "team",
  productId: "product",
  customerId: "customer",
  teamId: "team",
  assigneeId: "agent",
  slaPolicyId: "policy",
  followers: "agent",
  calendarId: "calendar",
  organizationId: "organization",
};

const WORD_FIELDS: Record<string, string> = {
  status: "ticket.status",
  priority: "ticket.priority",
  tier: "ticket.tier",
  channel: "ticket.channel",
  language: "ticket.language",
};

/** One value of a ticket field or a condition field in words: ids named, statuses and priorities translated. */
export function fieldValue(context: RenderContext, field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return context.t("events.none");
  if (Array.isArray(value)) return value.length === 0 ? context.t("events.none") : context.list(value.map((v) => fieldValue(context, field, v)));
  const kind = ID_FIELDS[field];
  if (kind && typeof value === "string") return context.name(kind, value);
  const prefix = WORD_FIELDS[field];
  if (prefix && typeof value === "string") return word(context, prefix, value);
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** The name of a ticket or condition field: "Priority", "Segment", or `custom.x` as written. */
export function fieldName(context: RenderContext, field: string): string {
  return word(context, "events.field", field);
}

/** One condition in words: "Channel is one of X (Twitter), Facebook". */
export function conditionText(context: RenderContext, condition: Condition): string {
  return context.t("events.condition", {
    field: fieldName(context, condition.field),
    op: condition.op,
    value: fieldValue(context, condition.field, condition.value),
  });
}

/** Why a policy applies. */
export function matchText(context: RenderContext, match: PolicyMatchCause): string {
  if (match.cause !== "conditions") return context.t(`events.match.${match.cause}`);
  if (match.all.length === 0 && match.any.length === 0) return context.t("events.match.everyTicket");
  const all = match.all.map((c) => conditionText(context, c));
  const any = match.any.map((c) => conditionText(context, c));
  const parts = [...all, ...(any.length ? [context.t("events.match.anyOf", { conditions: any.join("; ") })] : [])];
  return parts.join("; ");
}

/** Why the SLA clocks moved. */
export function clockCauseText(context: RenderContext, cause: ClockCause): string {
  if (cause.cause === "status_changed") {
    return context.t("events.clockCause.status_changed", { from: word(context, "ticket.status", cause.from), to: word(context, "ticket.status", cause.to) });
  }
  return context.t(`events.clockCause.${cause.cause}`);
}

/** Why a matrix step fired: "Level 2 of Standard: first response overdue by 1 h 05; fired 5 min late". */
export function escalationWhy(context: RenderContext, cause: Omit<EscalationCause, "cause" | "eventId">): string {
  const policy = context.name("policy", cause.policyId, cause.policyName);
  const target = word(context, "ticket.slaTarget", cause.target);
  const overdue = Date.parse(cause.firedAt) - Date.parse(cause.deadline);
  const head = context.t("events.escalation.head", { kind: cause.kind, level: cause.level, policy });
  // As notifications round: overdue from the first whole minute, "due in" rounded up.
  const state = overdue >= 60_000 ? "overdue" : overdue >= 0 ? "reached" : "dueIn";
  const time = state === "overdue" ? context.duration(overdue) : state === "dueIn" ? context.duration(-overdue + 59_999) : "";
  const what = context.t("events.escalation.state", { state, target, time });
  const late = cause.lateByMs !== undefined ? context.duration(cause.lateByMs) : "";
  return context.t("events.escalation.why", { head, what, late, hasLate: cause.lateByMs !== undefined ? "yes" : "no" });
}

/** Why a ticket was created or changed; null for a plain edit. */
export function changeCauseText(context: RenderContext, cause: ChangeCause | undefined): string | null {
  switch (cause?.cause) {
    case undefined:
      return null;
    case "first_reply":
    case "customer_wrote":
      return context.t(`events.changeCause.${cause.cause}`);
    case "escalation":
      return escalationWhy(context, cause);
    case "auto_closed":
      return context.t("events.changeCause.auto_closed", { days: cause.afterDays });
    case "routed":
      if (cause.by === "strategy") return context.t("routing.changeCause", { strategy: cause.strategy });
      if (cause.by === "on_call") return context.t("routing.changeCauseOnCall", { schedule: cause.scheduleName });
      return context.t("events.changeCause.routed", { language: word(context, "ticket.language", cause.language) });
    case "rule":
      return context.t("events.changeCause.rule", { name: cause.ruleName });
    case "comment":
      return cause.text;
  }
}
