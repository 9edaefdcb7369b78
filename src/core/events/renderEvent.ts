// A ticket event in the reader's language, from its data: a title, who acted, the details, and
// why. Rows written before causes were data are read through legacyReasons: the sentences
// Palier wrote come back as causes and render translated; anything else shows as written.

import { escalationCause } from "./eventReason.js";
import { legacyChangeCause, legacyClockCause, legacyMatchCause } from "./legacyReasons.js";
import { changeCauseText, clockCauseText, escalationWhy, fieldName, fieldValue, matchText, word } from "./renderCauses.js";
import { nameIds, renderContext, type RenderContext, type RenderOptions } from "./renderContext.js";
import { escalationLines, escalationTitle } from "./renderEscalation.js";
import { mailLines, mailTitle } from "./renderMail.js";
import { renderCall } from "./renderCall.js";
import { renderProcedure } from "./renderProcedure.js";
import { renderHandoff } from "./renderHandoff.js";
import { renderAssignment, renderQueued } from "./renderRouting.js";
import { ruleLimitLines, ruleLines, ruleTitle, triageLines, triageTitle } from "./renderRule.js";
import type { ClockChangeData, StoredTicketEvent, StoredTicketEventBody } from "./ticketEvent.js";

/** An event as a reader sees it. */
export interface RenderedEvent {
  /** "Ticket updated", "Escalated to level 2: Resolution"… */
  title: string;
  /** Who acted: the agent's name, or "Customer", "Rule", "Palier". */
  actor: string;
  /** One line per change, clock, recipient list or outcome. */
  details: string[];
  /** Why it happened, when the event says. */
  why: string | null;
}

/** The event to render: a stored one, or any row of the same shape (an API client's JSON with `at` parsed). */
export type RenderableEvent = StoredTicketEventBody & Pick<StoredTicketEvent, "actor" | "reason">;

/** `event` in the reader's language, ids named through `options.names`, instants in `options.timeZone`. */
export function renderEvent(event: RenderableEvent, options: RenderOptions): RenderedEvent {
  const context = renderContext(options);
  const actor = event.actor.type === "agent" ? context.name("agent", event.actor.id) : context.t("events.actor", { type: event.actor.type });
  const rendered = renderBody(context, event);
  // A sentence no cause accounts for (a person's words, or an old row's) keeps its text, ids named.
  const why = rendered.why === null ? null : nameIds(rendered.why, context, options.names);
  return { actor, ...rendered, why };
}

function renderBody(context: RenderContext, event: RenderableEvent): Omit<RenderedEvent, "actor"> {
  const { t } = context;
  switch (event.type) {
    case "created":
    case "updated":
      return {
        title: t("events.title.change", { type: event.type }),
        details: changeLines(context, event.type, event.changes),
        why: changeCauseText(context, event.data.cause ?? legacyChangeCause(event.reason)),
      };
    case "message":
      return { title: t("events.title.message", { kind: event.data.kind }), details: [], why: event.reason };
    case "sla_policy": {
      const { policyId, policyName } = event.data;
      const match = event.data.match ?? legacyMatchCause(event.reason ?? event.data.reason ?? null);
      return {
        title: t("events.title.policy", { applies: policyId === null && policyName === null ? "no" : "yes" }),
        details: [
          policyId === null && policyName === null
            ? t("events.policy.noneLine")
            : t("events.policy.name", { name: context.name("policy", policyId, policyName) }),
        ],
        why: match ? matchText(context, match) : (event.reason ?? event.data.reason ?? null),
      };
    }
    case "sla": {
      const cause = event.data.cause ?? legacyClockCause(event.reason) ?? (event.data.rebuilt ? { cause: "clocks_rebuilt" as const } : undefined);
      return {
        title: t("events.title.sla"),
        details: clockLines(context, event.data.changes ?? []),
        why: cause ? clockCauseText(context, cause) : event.reason,
      };
    }
    case "escalation":
      return {
        title: escalationTitle(context, event.data),
        details: escalationLines(context, event.data),
        why: escalationWhy(context, escalationCause({ ...event.data, outcomes: [] })),
      };
    case "rule":
      return { title: ruleTitle(context, event.data), details: ruleLines(context, event.data), why: null };
    case "rule_limit":
      return { title: t("events.rule.limitTitle"), details: ruleLimitLines(context, event.data), why: null };
    case "triage":
      return { title: triageTitle(context, event.data), details: triageLines(context, event.data), why: null };
    case "mail":
      return { title: mailTitle(context, event.data), details: mailLines(context, event.data), why: null };
    case "call":
      return renderCall(context, event.data);
    case "procedure":
      return renderProcedure(context, event.data);
    case "handoff":
    case "handoff_accepted":
    case "handoff_bounced":
    case "handoff_reminder":
    case "root_cause":
    case "take_over":
    case "approval_requested":
    case "approval_decided":
      return renderHandoff(context, event);
    case "assignment":
      return renderAssignment(context, event.data);
    case "queued":
      return renderQueued(context, event.data);
    default: {
      // A kind this catalogue does not know (a newer writer, an import): its name and its reason.
      const unknown = event as { type: string; reason: string | null };
      return { title: unknown.type.replace(/[_.]/g, " "), details: [], why: unknown.reason };
    }
  }
}

/** One line per changed field: "Priority: Normal → Urgent", or "Priority: Urgent" at creation. */
function changeLines(context: RenderContext, type: "created" | "updated", changes: Record<string, [unknown, unknown] | undefined>): string[] {
  const lines: string[] = [];
  for (const [field, pair] of Object.entries(changes ?? {})) {
    if (!pair) continue;
    const name = fieldName(context, field);
    const after = fieldValue(context, field, pair[1]);
    lines.push(
      type === "created"
        ? context.t("events.change.set", { field: name, after })
        : context.t("events.change.from", { field: name, before: fieldValue(context, field, pair[0]), after }),
    );
  }
  return lines;
}

/** One line per clock move: "First response started, due 24 Nov 2026, 16:30". */
function clockLines(context: RenderContext, changes: readonly ClockChangeData[]): string[] {
  return changes.map((change) => {
    const target = word(context, "ticket.slaTarget", change.target);
    const late = change.change === "met" && change.lateBySeconds ? context.duration(change.lateBySeconds * 1000) : "";
    const due = change.dueAt && change.change !== "met" && change.change !== "cancelled" ? context.instant(change.dueAt) : "";
    return context.t("events.clock", {
      target,
      cycle: change.cycle,
      change: change.change,
      due,
      hasDue: due ? "yes" : "no",
      late,
      hasLate: late ? "yes" : "no",
    });
  });
}
