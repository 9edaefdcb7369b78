// The batch's timeline events, written in one statement with one array parameter per column
// (`insert … select from unnest(…)`): a few parameters whatever the batch size, where a
// multi-row VALUES takes nine per event and costs more to build than to run.

import { sql } from "drizzle-orm";
import type { Db } from "../../store/database.js";
import { pgTextArray } from "../../store/outboxDelivery.js";
import type { ticketEvents } from "../../store/schema.js";

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
