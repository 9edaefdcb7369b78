// Time rules' moments on tickets: after a ticket changes, each time rule's timer on it is
// re-planned from its anchor (created, updated, status changed, last customer or agent message)
// plus its amount, in business units on the ticket's policy's calendar; a closed ticket cancels
// its timers. When a rule is saved, `replanRuleTimers` re-plans that rule on every open ticket.

import type { BusinessCalendar } from "../../core/calendar/index.js";
import type { Rule } from "../../core/rules/rule.js";
import { anchorOf, type RuleAnchors, ruleMoment } from "../../core/rules/ruleMoment.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import { cancelRuleTimers, cancelTimersOfRules, lastStatusChanges, type PlannedRuleTimer, upsertRuleTimers } from "../../store/ruleTimers.js";
import { readOpenTicketAnchors } from "../../store/tickets/ruleAnchors.js";
import { calendarsOf } from "../sla/syncClocks.js";
import type { Work } from "../work.js";
import { policyCalendar } from "./ruleContext.js";
import { enabledRules, forgetRules } from "./rulesCache.js";

/** The enabled time rules. */
export function timeRules(rules: readonly Rule[]): Rule[] {
  return rules.filter((r) => r.enabled && r.time !== undefined && r.triggers.includes("time"));
}

/** The timers `rules` want on a ticket with `anchors`, counted on `calendar`. */
export function plannedTimers(rules: readonly Rule[], ticketNumber: number, anchors: RuleAnchors, calendar: BusinessCalendar | null): PlannedRuleTimer[] {
  const planned: PlannedRuleTimer[] = [];
  for (const rule of rules) {
    const time = rule.time;
    if (!time) continue;
    const anchor = anchorOf(anchors, time.since);
    if (anchor === null) continue;
    try {
      planned.push({ ruleId: rule.id, ticketNumber, anchorAt: new Date(anchor), dueAt: new Date(ruleMoment(time, anchor, calendar)) });
    } catch {
      // A calendar that never opens again has no moment to offer: no timer.
    }
  }
  return planned;
}

export interface PlanTicketProps {
  /** The ticket as changed, locked in the unit of work. */
  ticket: Ticket;
  /** Whether the change moved the status (or created the ticket): `status_changed` timers count from now. */
  statusChanged: boolean;
}

/**
 * Re-plans the ticket's time rules after a change, in the change's unit of work: nothing is read
 * when there is no time rule. A `status_changed` anchor is the change's instant when the status
 * moved; otherwise the timer planned at the last status change stays as it is.
 */
export async function planTicketRuleTimers(work: Work, props: PlanTicketProps): Promise<void> {
  const rules = timeRules(await enabledRules(work));
  if (rules.length === 0) return;
  const { ticket } = props;
  if (ticket.status === "closed") {
    await cancelRuleTimers(work.tx, ticket.number, work.now);
    return;
  }
  const relevant = props.statusChanged ? rules : rules.filter((r) => r.time?.since !== "status_changed");
  if (relevant.length === 0) return;
  const calendar = relevant.some((r) => r.time?.unit.startsWith("business_")) ? await policyCalendar(work, ticket) : null;
  const anchors = anchorsOf(ticket, props.statusChanged ? work.now : null);
  const planned = plannedTimers(relevant, ticket.number, anchors, calendar);
  await upsertRuleTimers(work.tx, planned, work.now);
  const without = relevant.filter((r) => !planned.some((p) => p.ruleId === r.id)).map((r) => r.id);
  if (without.length) await cancelRuleTimers(work.tx, ticket.number, work.now, without);
}

/** A ticket's anchors; `statusChangedAt` when known. */
export function anchorsOf(
  ticket: Pick<Ticket, "createdAt" | "updatedAt" | "lastCustomerMessageAt" | "lastAgentMessageAt">,
  statusChangedAt: Date | null,
): RuleAnchors {
  return {
    created: ticket.createdAt.getTime(),
    updated: ticket.updatedAt.getTime(),
    status_changed: statusChangedAt?.getTime() ?? null,
    last_customer_message: ticket.lastCustomerMessageAt?.getTime() ?? null,
    last_agent_message: ticket.lastAgentMessageAt?.getTime() ?? null,
  };
}

/**
 * After rules were saved (created, edited, enabled, disabled, deleted): re-plans the time rules
 * among `ruleIds` (all rules when absent) on every ticket that is not closed, and cancels the
 * timers of those that are no longer enabled time rules. Call it in the unit of work that saved them.
 */
export async function replanRuleTimers(work: Work, props: { ruleIds?: string[] } = {}): Promise<{ planned: number }> {
  forgetRules(work);
  const all = await enabledRules(work);
  const wanted = props.ruleIds ? new Set(props.ruleIds) : undefined;
  const rules = timeRules(all).filter((r) => !wanted || wanted.has(r.id));
  const gone = props.ruleIds ? props.ruleIds.filter((id) => !rules.some((r) => r.id === id)) : [];
  await cancelTimersOfRules(work.tx, gone, work.now);
  if (rules.length === 0) return { planned: 0 };
  const tickets = await readOpenTicketAnchors(work.tx);
  const statusChanges = rules.some((r) => r.time?.since === "status_changed")
    ? await lastStatusChanges(
        work.tx,
        tickets.map((t) => t.number),
      )
    : new Map<number, Date>();
  const calendar = await calendarsOf(work, [...new Set(tickets.map((t) => t.calendarId))]);
  const planned: PlannedRuleTimer[] = [];
  for (const ticket of tickets) {
    planned.push(
      ...plannedTimers(
        rules,
        ticket.number,
        anchorsOf(ticket, statusChanges.get(ticket.number) ?? null),
        ticket.calendarId ? calendar(ticket.calendarId) : null,
      ),
    );
  }
  // One statement per thousand timers keeps the parameters small.
  for (let at = 0; at < planned.length; at += 1000) await upsertRuleTimers(work.tx, planned.slice(at, at + 1000), work.now);
  return { planned: planned.length };
}
