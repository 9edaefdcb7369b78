// Recomputing tickets' clocks after a policy or calendar edit: one ticket, or a batch in a few
// statements whatever its size (lock, read, the histories to rebuild from, write), the planning
// done in memory by the same core functions. A recompute's events are the system's.

import { randomUUID } from "node:crypto";
import { calendarIdsOf, type ClockWrites, factsOf, needsRebuild, planClocks } from "../../core/sla/clockPlan.js";
import { matchPolicy } from "../../core/sla/conditions.js";
import { loadClockHistories } from "../../store/sla/clockHistory.js";
import { type ClockState, lockClockTickets, readClockStates, readCustomerFacts, writeClocks } from "../../store/sla/clockRows.js";
import { loadPolicies } from "../../store/sla/policies.js";
import { lockTicket } from "../../store/tickets/ticketRows.js";
import type { Work } from "../work.js";
import { calendarsOf, SYSTEM, syncClocks } from "./syncClocks.js";

export interface RecomputeTicketProps {
  /** The ticket's number; NotFoundError when there is none. */
  number: number;
}

/**
 * Locks a ticket and brings its clocks in line with the policies and calendars as they now are:
 * live clocks carry over (their start and pauses kept); clocks that do not cover what the policy
 * measures are rebuilt from the ticket's history (an `sla` event says so), and their steps already
 * due are planned to fire at once, late. Run in a savepoint (see inSavepoint) to recompute several
 * tickets in one unit of work: they share its cache.
 */
export async function recomputeTicket(work: Work, props: RecomputeTicketProps): Promise<void> {
  const ticket = await lockTicket(work.tx, props.number);
  try {
    await syncClocks({ ...work, actor: SYSTEM }, { ticket, happening: { type: "changed" }, rebuild: true });
  } catch (error) {
    // What the cache holds of this ticket was written in a savepoint that is rolled back.
    work.clocks.tickets.delete(props.number);
    throw error;
  }
}

/** What became of a batch: the tickets recomputed, and those left to recompute one by one. */
export interface BulkRecompute {
  done: number[];
  /** Locked by another transaction, missing, or failing: for the caller to retry alone (see {@link recomputeTicket}). */
  left: number[];
}

export interface RecomputeTicketsProps {
  /** The tickets' numbers; a missing one is left to the caller. */
  numbers: readonly number[];
}

/**
 * Brings the clocks of the tickets `numbers` in line with the policies and calendars as they now
 * are, as {@link recomputeTicket} would one by one: locks them in one statement (skipping those
 * another transaction holds), reads their clocks, timers and customers, and the history of those
 * to rebuild, then writes every change in one statement. Run it in a savepoint: a failing write
 * leaves the transaction aborted. The work's cache serves the policies and calendars across batches.
 */
export async function recomputeTickets(work: Work, props: RecomputeTicketsProps): Promise<BulkRecompute> {
  const { tx, now, clocks: cache } = work;
  const { numbers } = props;
  if (numbers.length === 0) return { done: [], left: [] };
  // Skip locked: a ticket a user's transaction holds is left to the caller, not waited for.
  const locked = await lockClockTickets(tx, numbers);
  const lockedNumbers = new Set(locked.map((t) => t.number));
  const left = numbers.filter((n) => !lockedNumbers.has(n));

  const policies = (cache.policies ??= await loadPolicies(tx));
  // A clock refers to its policy: with no policy there can be no clock.
  if (policies.length === 0 || locked.length === 0) return { done: locked.map((t) => t.number), left };

  const states = await readClockStates(
    tx,
    locked.map((t) => t.number),
  );
  const unknown = [...new Set(locked.map((t) => t.customerId))].filter((id) => !cache.customers.has(id));
  for (const [id, facts] of await readCustomerFacts(tx, unknown)) cache.customers.set(id, facts);
  const failed = new Set<number>();
  const matched = [];
  for (const ticket of locked) {
    try {
      const state = states.get(ticket.number) ?? { clocks: [], timers: [] };
      const facts = factsOf(ticket, cache.customers.get(ticket.customerId));
      const match = matchPolicy(policies, facts);
      matched.push({ ticket, state, match, facts, rebuild: needsRebuild(state.clocks, match, ticket) });
    } catch {
      failed.add(ticket.number);
    }
  }
  const calendar = await calendarsOf(
    work,
    matched.flatMap((m) => calendarIdsOf(m.match, m.state.clocks)),
  );
  const histories = await loadClockHistories(
    tx,
    matched.filter((m) => m.rebuild).map((m) => m.ticket),
  );

  const at = now.getTime();
  const writes: ClockWrites[] = [];
  const after = new Map<number, ClockState>();
  for (const m of matched) {
    try {
      const plan = planClocks({
        ...m,
        policies,
        calendar,
        happening: { type: "changed" },
        at,
        history: m.rebuild ? histories.get(m.ticket.number) : undefined,
        newId: randomUUID,
      });
      if (plan.writes) writes.push(plan.writes);
      after.set(m.ticket.number, plan.after);
    } catch {
      // Left to the caller, whose per-ticket recompute reports the error.
      failed.add(m.ticket.number);
    }
  }
  await writeClocks(tx, writes, now, SYSTEM);
  for (const [number, state] of after) cache.tickets.set(number, state);
  return { done: [...after.keys()], left: [...left, ...failed].sort((a, b) => a - b) };
}
