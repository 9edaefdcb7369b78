// Recomputing a batch of tickets' clocks at once, for the recompute worker: what
// recomputeTicket does for one ticket, done for many in a few statements whatever their number
// (lock, read, the histories to rebuild from, write), the computing in memory with the same
// functions. A ticket another transaction holds, or whose computing fails, is left to the caller.

import { sql } from "drizzle-orm";
import { matchPolicy } from "../../core/sla/conditions.js";
import type { Db } from "../database.js";
import { pgTextArray } from "../outboxDelivery.js";
import { tickets } from "../schema.js";
import { loadClockHistories } from "./clockHistory.js";
import { loadPolicies } from "./policies.js";
import {
  calendarIdsOf,
  type ClockCache,
  type ClockTicket,
  type ClockWrites,
  clockCache,
  clocksJson,
  customerJson,
  type CustomerFacts,
  calendarsOf,
  factsOf,
  needsRebuild,
  planClocks,
  type RawClock,
  type RawTimer,
  SYSTEM,
  stateOf,
  timersJson,
  writeClocks,
} from "./ticketClocks.js";
import type { StoredClock, StoredTimer } from "./timers.js";

/** What became of a batch: the tickets recomputed, and those left to recompute one by one. */
export interface BulkRecompute {
  done: number[];
  /** Locked by another transaction, missing, or failing: for the caller to retry alone (see {@link recomputeTicket}). */
  left: number[];
}

const bigints = (numbers: readonly number[]) => sql`${`{${numbers.join(",")}}`}::bigint[]`;

/**
 * Brings the clocks of the tickets `numbers` in line with the policies and calendars as they now
 * are, as {@link recomputeTicket} would one by one: locks them in one statement (skipping those
 * another transaction holds), reads their clocks, timers and customers, and the history of those
 * to rebuild, then writes every change in one statement. Run it in a savepoint: a failing write
 * leaves the transaction aborted. `cache` serves the policies and calendars across batches of one
 * transaction.
 */
export async function recomputeTickets(tx: Db, numbers: readonly number[], now: Date, cache: ClockCache = clockCache()): Promise<BulkRecompute> {
  if (numbers.length === 0) return { done: [], left: [] };
  // Skip locked: a ticket a user's transaction holds is left to the caller, not waited for.
  const locked = (await tx
    .select({
      number: tickets.number,
      status: tickets.status,
      priority: tickets.priority,
      channel: tickets.channel,
      language: tickets.language,
      tags: tickets.tags,
      productId: tickets.productId,
      teamId: tickets.teamId,
      customerId: tickets.customerId,
      customFields: tickets.customFields,
      createdAt: tickets.createdAt,
      firstResponseAt: tickets.firstResponseAt,
      lastCustomerMessageAt: tickets.lastCustomerMessageAt,
      lastAgentMessageAt: tickets.lastAgentMessageAt,
    })
    .from(tickets)
    .where(sql`${tickets.number} = any(${bigints(numbers)})`)
    .orderBy(tickets.number)
    .for("update", { skipLocked: true })) as unknown as ClockTicket[];
  const lockedNumbers = new Set(locked.map((t) => t.number));
  const left = numbers.filter((n) => !lockedNumbers.has(n));

  const policies = (cache.policies ??= await loadPolicies(tx));
  // A clock refers to its policy: with no policy there can be no clock.
  if (policies.length === 0 || locked.length === 0) return { done: locked.map((t) => t.number), left };

  const states = await readStates(tx, cache, locked);
  const failed = new Set<number>();
  const matched = [];
  for (const ticket of locked) {
    try {
      const state = states.get(ticket.number) ?? { clocks: [], timers: [] };
      const match = matchPolicy(policies, factsOf(ticket, cache));
      matched.push({ ticket, state, match, rebuild: needsRebuild(state.clocks, match, ticket) });
    } catch {
      failed.add(ticket.number);
    }
  }
  const calendar = await calendarsOf(tx, cache, matched.flatMap((m) => calendarIdsOf(m.match, m.state.clocks)));
  const histories = await loadClockHistories(tx, matched.filter((m) => m.rebuild).map((m) => m.ticket));

  const at = now.getTime();
  const writes: ClockWrites[] = [];
  const after = new Map<number, { clocks: StoredClock[]; timers: StoredTimer[] }>();
  for (const m of matched) {
    try {
      const plan = planClocks({ ...m, policies, calendar, happening: { type: "changed" }, at, history: m.rebuild ? histories.get(m.ticket.number) : undefined });
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

/** The clocks and timers of locked tickets, by number, in one query; their customers' facts into `cache`, in one more when not known yet. */
async function readStates(tx: Db, cache: ClockCache, locked: readonly ClockTicket[]): Promise<Map<number, { clocks: StoredClock[]; timers: StoredTimer[] }>> {
  const result = (await tx.execute(sql`
    select b.number::text as number, ${clocksJson(sql`b.number`)} as clocks, ${timersJson(sql`b.number`)} as timers
      from unnest(${bigints(locked.map((t) => t.number))}) as b(number)`)) as unknown as { rows: { number: string; clocks: RawClock[] | null; timers: RawTimer[] | null }[] };
  const states = new Map(result.rows.map((row) => [Number(row.number), stateOf(row.clocks, row.timers)]));
  const unknown = [...new Set(locked.map((t) => t.customerId))].filter((id) => !cache.customers.has(id));
  if (unknown.length > 0) {
    const customers = (await tx.execute(sql`
      select c.id::text as id, ${customerJson(sql`c.id`)} as facts from unnest(${pgTextArray(unknown)}::uuid[]) as c(id)`)) as unknown as { rows: { id: string; facts: CustomerFacts | null }[] };
    for (const row of customers.rows) cache.customers.set(row.id, row.facts ?? { organizationId: null, segment: null });
  }
  return states;
}
