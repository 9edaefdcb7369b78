// Firing time rules whose moment came, in one unit of work: claim due rule timers (SKIP LOCKED),
// lock their tickets without waiting, and run each timer's one rule with the `time` trigger, its
// conditions checked at that moment. A ticket another transaction holds keeps its timers
// pending for the next round; a timer whose rule is gone, disabled or no longer a time rule, or
// whose ticket is closed, is cancelled.

import { claimDueRuleTimers, settleRuleTimers } from "../../store/ruleTimers.js";
import { lockFreeTickets } from "../../store/timers/firingContext.js";
import type { Work } from "../work.js";
import { planTicketRuleTimers, timeRules } from "./ruleTimers.js";
import { enabledRules } from "./rulesCache.js";
import { runRules } from "./runRules.js";

export interface RuleTimersResult {
  claimed: number;
  fired: number;
  cancelled: number;
  /** Left pending: their ticket was busy. */
  deferred: number;
}

/** Fires the time rules due at `work.now`, up to `batchSize` timers. */
export async function fireDueRuleTimers(work: Work, props: { batchSize: number }): Promise<RuleTimersResult> {
  const claimed = await claimDueRuleTimers(work.tx, work.now, props.batchSize);
  const result: RuleTimersResult = { claimed: claimed.length, fired: 0, cancelled: 0, deferred: 0 };
  if (claimed.length === 0) return result;
  const tickets = await lockFreeTickets(work.tx, [...new Set(claimed.map((t) => t.ticketNumber))]);
  const rules = new Map(timeRules(await enabledRules(work)).map((r) => [r.id, r]));
  const settled: { id: number; state: "fired" | "cancelled" }[] = [];
  const replan = new Set<number>();
  for (const timer of claimed) {
    const ticket = tickets.get(timer.ticketNumber);
    if (!ticket) {
      result.deferred += 1;
      continue;
    }
    const rule = rules.get(timer.ruleId);
    if (!rule || ticket.status === "closed") {
      settled.push({ id: timer.id, state: "cancelled" });
      result.cancelled += 1;
      continue;
    }
    const run = await runRules(work, { ticket, trigger: "time", only: rule });
    settled.push({ id: timer.id, state: "fired" });
    result.fired += 1;
    if (run.ticket !== ticket) {
      tickets.set(ticket.number, run.ticket);
      replan.add(ticket.number);
    }
  }
  await settleRuleTimers(work.tx, settled, work.now);
  // What the rules changed moves the anchors of the ticket's other time rules (settled first, so a re-armed timer stays armed).
  for (const number of replan) {
    const ticket = tickets.get(number);
    if (ticket) await planTicketRuleTimers(work, { ticket, statusChanged: false });
  }
  return result;
}
