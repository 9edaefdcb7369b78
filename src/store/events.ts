// The ticket timeline: append-only events saying who did what and why. Every writer builds a
// typed event of the catalogue (src/core/events) and appends it through writeEvents, or through
// eventRow for a statement that writes events along with other rows.

import { asc, eq, sql } from "drizzle-orm";
import { type Actor, eventReason, type NewTicketEvent, type StoredTicketEvent } from "../core/events/index.js";
import type { Db } from "./database.js";
import { pgTextArray } from "./sql/pgArray.js";
import { ticketEvents } from "./schema.js";

export type TicketEvent = typeof ticketEvents.$inferSelect;

/** One row as written, with its id when drawn beforehand. */
type EventRow = Omit<typeof ticketEvents.$inferInsert, "id"> & { id?: number | undefined };

/** The row a typed event is stored as; `reason` is its English sentence, derived from the data. */
export function eventRow(event: NewTicketEvent): EventRow {
  return {
    ...(event.id !== undefined ? { id: event.id } : {}),
    ticketNumber: event.ticketNumber,
    at: event.at,
    actorType: event.actor.type,
    actorId: event.actor.id ?? null,
    type: event.type,
    changes: ("changes" in event ? event.changes : {}) as Record<string, [unknown, unknown]>,
    reason: eventReason(event),
    data: (event.data ?? {}) as Record<string, unknown>,
  };
}

/**
 * Appends `events` in one statement, whatever their number: one array parameter per column.
 * Ids ascend in the order given (the timeline reads by id); an event with an `id` keeps it, so a
 * caller that drew ids beforehand must give them ascending and after any id the sequence gave.
 * Call it inside the transaction that made the changes the events tell of.
 */
export async function writeEvents(tx: Db, events: readonly NewTicketEvent[]): Promise<void> {
  await insertRows(tx, events.map(eventRow));
}

async function insertRows(tx: Db, rows: readonly EventRow[]): Promise<void> {
  if (rows.length === 0) return;
  const column = (pick: (row: EventRow) => string | null) => pgTextArray(rows.map(pick));
  const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
  await tx.execute(sql`
    insert into ticket_events (id, ticket_number, at, actor_type, actor_id, type, changes, reason, data)
    select coalesce(e.id, nextval(pg_get_serial_sequence('ticket_events', 'id'))), e.ticket_number, e.at, e.actor_type, e.actor_id, e.type,
           coalesce(e.changes::jsonb, '{}'::jsonb), e.reason, coalesce(e.data::jsonb, '{}'::jsonb)
      from unnest(
        ${column((r) => (r.id === undefined ? null : String(r.id)))}::bigint[],
        ${column((r) => String(r.ticketNumber))}::bigint[],
        ${column((r) => r.at.toISOString())}::timestamptz[],
        ${column((r) => r.actorType)}::text[],
        ${column((r) => r.actorId ?? null)}::uuid[],
        ${column((r) => r.type)}::text[],
        ${column((r) => json(r.changes))}::text[],
        ${column((r) => r.reason ?? null)}::text[],
        ${column((r) => json(r.data))}::text[]
      ) with ordinality as e(id, ticket_number, at, actor_type, actor_id, type, changes, reason, data, position)
     order by e.position`);
}

/** A ticket's timeline, oldest first. */
export async function listEvents(db: Db, ticketNumber: number): Promise<TicketEvent[]> {
  return db.select().from(ticketEvents).where(eq(ticketEvents.ticketNumber, ticketNumber)).orderBy(asc(ticketEvents.id));
}

/**
 * A row as the catalogue's reader type. The row is trusted to hold the shape its `type` names
 * (the writers are typed); a kind the catalogue does not know still renders (see renderEvent).
 */
export function storedEvent(row: TicketEvent): StoredTicketEvent {
  return {
    id: Number(row.id),
    ticketNumber: row.ticketNumber,
    at: row.at,
    actor: { type: row.actorType as Actor["type"], id: row.actorId },
    reason: row.reason,
    type: row.type,
    changes: row.changes,
    data: row.data,
  } as StoredTicketEvent;
}

/** A ticket's timeline as typed events, oldest first. */
export async function listTicketEvents(db: Db, ticketNumber: number): Promise<StoredTicketEvent[]> {
  return (await listEvents(db, ticketNumber)).map(storedEvent);
}
