// What a batch of firings reads, in the claiming transaction: the tickets (locked without
// waiting, in number order), their clocks and the policies those clocks run on.

import { asc, getTableColumns, inArray } from "drizzle-orm";
import { policyOf } from "../../store/sla/policies.js";
import type { SlaPolicy } from "../../core/sla/policy.js";
import type { Db } from "../../store/database.js";
import { slaClocks, slaPolicies, ticketFollowers, tickets } from "../../store/schema.js";
import type { Ticket } from "../../store/tickets.js";

export type ClockRow = typeof slaClocks.$inferSelect;

const { search: _search, ...ticketColumns } = getTableColumns(tickets);

/**
 * Locks the tickets numbered `numbers` that nobody else holds (SKIP LOCKED, in number order so
 * that workers never wait on each other) and reads them as the store presents them. A ticket
 * held by another transaction is left out: that transaction may be cancelling its timers.
 */
export async function lockFreeTickets(tx: Db, numbers: readonly number[]): Promise<Map<number, Ticket>> {
  if (numbers.length === 0) return new Map();
  const rows = await tx
    .select(ticketColumns)
    .from(tickets)
    .where(inArray(tickets.number, [...numbers]))
    .orderBy(asc(tickets.number))
    .for("update", { skipLocked: true });
  if (rows.length === 0) return new Map();
  const followers = await tx.select().from(ticketFollowers).where(inArray(ticketFollowers.ticketNumber, rows.map((r) => r.number)));
  const byTicket = new Map<number, string[]>();
  for (const f of followers) byTicket.set(f.ticketNumber, [...(byTicket.get(f.ticketNumber) ?? []), f.agentId]);
  return new Map(rows.map((row) => [row.number, { ...row, followers: byTicket.get(row.number) ?? [] } as Ticket]));
}

/** Clocks by id. */
export async function readClocks(tx: Db, ids: readonly string[]): Promise<Map<string, ClockRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select().from(slaClocks).where(inArray(slaClocks.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Policies by id, as the core sees them. */
export async function readPolicies(tx: Db, ids: readonly string[]): Promise<Map<string, SlaPolicy>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select().from(slaPolicies).where(inArray(slaPolicies.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, policyOf(r)]));
}
