// Timeline events in bulk: ids drawn ahead from the events' sequence, and events written in one
// statement with one array parameter per column (`insert … select from unnest(…)`): a few
// parameters whatever the batch size, where a multi-row VALUES takes nine per event and costs
// more to build than to run.

import { sql } from "drizzle-orm";
import type { Db } from "./database.js";
import type { ticketEvents } from "./schema.js";
import { pgTextArray } from "./sql/pgArray.js";
import { rowsOf } from "./sql/rows.js";

export type NewEvent = typeof ticketEvents.$inferInsert;

/** Inserts `events` (each with its id drawn beforehand, or the sequence's next) in one statement. */
export async function insertEvents(tx: Db, events: readonly NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  const column = <T>(pick: (e: NewEvent) => T) => events.map(pick);
  const text = (values: (string | null)[]) => pgTextArray(values);
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  await tx.execute(sql`
    insert into ticket_events (id, ticket_number, at, actor_type, actor_id, type, changes, reason, data)
    select coalesce(e.id, nextval(pg_get_serial_sequence('ticket_events', 'id'))), e.ticket_number, e.at, e.actor_type, e.actor_id, e.type,
           coalesce(e.changes::jsonb, '{}'::jsonb), e.reason, coalesce(e.data::jsonb, '{}'::jsonb)
    from unnest(
      ${text(column((e) => (e.id === undefined ? null : String(e.id))))}::bigint[],
      ${text(column((e) => String(e.ticketNumber)))}::bigint[],
      ${text(column((e) => e.at.toISOString()))}::timestamptz[],
      ${text(column((e) => e.actorType))}::text[],
      ${text(column((e) => e.actorId ?? null))}::uuid[],
      ${text(column((e) => e.type))}::text[],
      ${text(column((e) => json(e.changes)))}::text[],
      ${text(column((e) => e.reason ?? null))}::text[],
      ${text(column((e) => json(e.data)))}::text[]
    ) as e(id, ticket_number, at, actor_type, actor_id, type, changes, reason, data)`);
}

/**
 * Draws `count` ids from the events' sequence, in ascending order: an event given the first of
 * them precedes, on the timeline, the events written afterwards in the same transaction (a
 * step's event before the events its own actions write, as cause before effect).
 */
export async function drawEventIds(tx: Db, count: number): Promise<number[]> {
  if (count <= 0) return [];
  const result = await tx.execute(sql`select nextval(pg_get_serial_sequence('ticket_events', 'id'))::text as id from generate_series(1, ${count}::int)`);
  return rowsOf<{ id: string }>(result)
    .map((r) => Number(r.id))
    .sort((a, b) => a - b);
}
