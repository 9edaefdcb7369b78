// What a batch of firings reads, in the claiming transaction: the tickets (locked without
// waiting, in number order), their clocks and the policies those clocks run on.

import { asc, getTableColumns, sql } from "drizzle-orm";
import type { SlaPolicy } from "../../core/sla/policy.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import type { Db } from "../database.js";
import { slaClocks, slaPolicies, ticketFollowers, tickets } from "../schema.js";
import { policyOf } from "../sla/policies.js";
import { anyOf } from "../sql/anyOf.js";

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
    .select({ ...ticketColumns, followers: followersOf })
    .from(tickets)
    .where(anyOf(tickets.number, numbers, "bigint"))
    .orderBy(asc(tickets.number))
    .for("update", { skipLocked: true });
  return new Map(rows.map((row) => [row.number, row as Ticket]));
}

/** A ticket's followers, read with the ticket itself (one round trip for the batch). */
const followersOf = sql<string[]>`coalesce((select array_agg(f.agent_id::text) from ${ticketFollowers} f where f.ticket_number = ${tickets.number}), '{}')`;

/** Clocks by id. */
export async function readClocks(tx: Db, ids: readonly string[]): Promise<Map<string, ClockRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(slaClocks)
    .where(anyOf(slaClocks.id, new Set(ids), "uuid"));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Policies by id, as the core sees them. */
export async function readPolicies(tx: Db, ids: readonly string[]): Promise<Map<string, SlaPolicy>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(slaPolicies)
    .where(anyOf(slaPolicies.id, new Set(ids), "uuid"));
  return new Map(rows.map((r) => [r.id, policyOf(r)]));
}
