// The human escalation's events in the reader's language: who the ticket was handed to, the
// hand-off's fields, the receiver's decision, the reminder and the root cause.

import { isMessageKey, type MessageKey } from "../i18n/index.js";
import type { RenderContext } from "./renderContext.js";
/** What renderEvent makes of a body (its actor apart). */
interface RenderedBody {
  title: string;
  details: string[];
  why: string | null;
}
import type { HandoffEventBody } from "./ticketEvent.js";

/** A word of the escalation namespace (`escalation.kind.functional`), or the value as written. */
function word(context: RenderContext, group: string, value: string): string {
  const key = `escalation.${group}.${value}`;
  return isMessageKey(key) ? context.t(key as MessageKey) : value;
}

/** An amount in the reader's words: "€120.00". */
function money(locale: string, cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

/** A hand-off event's title, details and why. */
export function renderHandoff(context: RenderContext, event: HandoffEventBody): RenderedBody {
  const { t } = context;
  switch (event.type) {
    case "handoff": {
      const d = event.data;
      const target = d.kind === "external" ? (d.vendor ?? "") : d.toAgentId ? context.name("agent", d.toAgentId) : context.name("team", d.toTeamId);
      const details = [
        t("events.handoff.kind", { kind: word(context, "kind", d.kind) }),
        t("events.handoff.urgency", { urgency: word(context, "urgency", d.urgency) }),
      ];
      if (d.vendorReference) details.push(t("events.handoff.vendorReference", { reference: d.vendorReference }));
      if (d.etaAt) details.push(t("events.handoff.eta", { eta: context.instant(d.etaAt) }));
      details.push(t("events.handoff.notice", { sent: d.noticeSent ? "yes" : "no" }));
      return { title: t("events.handoff.title", { target }), details, why: d.reason ?? null };
    }
    case "handoff_accepted":
      return { title: t("events.handoff.accepted"), details: [], why: null };
    case "handoff_bounced": {
      const d = event.data;
      const details = [t("events.handoff.bounces", { count: d.bounces })];
      if (d.suggestedTeamId) details.unshift(t("events.handoff.suggested", { team: context.name("team", d.suggestedTeamId) }));
      return { title: t("events.handoff.bounced"), details, why: d.reason };
    }
    case "handoff_reminder":
      return {
        title: t("events.handoff.reminder", { name: context.name("agent", event.data.agentId) }),
        details: [t("events.handoff.idle", { hours: event.data.hours })],
        why: null,
      };
    case "approval_requested": {
      const d = event.data;
      const amount = money(context.locale, d.amountCents, d.currency);
      return {
        title: t("events.handoff.approvalRequested", { kind: word(context, "approvalKind", d.kind), amount }),
        details: [d.withinAuthority ? t("events.handoff.withinAuthority") : t("events.handoff.askedOf", { name: context.name("agent", d.approverId) })],
        why: null,
      };
    }
    case "approval_decided":
      return {
        title: t("events.handoff.approvalDecided", { decision: event.data.decision }),
        details: [t("events.handoff.delay", { delay: context.duration(event.data.delaySeconds * 1000) })],
        why: event.data.note,
      };
    case "take_over": {
      const d = event.data;
      const from = d.fromAgentId ? context.name("agent", d.fromAgentId) : "";
      return {
        title: t("events.handoff.takeOver", { name: context.name("agent", d.toAgentId), from, hasFrom: from ? "yes" : "no" }),
        details: [],
        why: d.reason,
      };
    }
    case "root_cause":
      return {
        title: t("events.handoff.rootCause", { cause: event.data.labels?.[context.locale] ?? word(context, "rootCause", event.data.rootCause) }),
        details: event.data.text ? [event.data.text] : [],
        why: null,
      };
  }
}
