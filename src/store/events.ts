// The ticket timeline: append-only events saying who did what and why.

import { asc, eq } from "drizzle-orm";
import type { Db } from "./database.js";
import { ticketEvents } from "./schema.js";

/** Who caused a change: an agent, a customer, a rule, or the system (timers, imports). */
export interface Actor {
  type: "agent" | "customer" | "rule" | "system";
  id?: string | null;
}

export type TicketEvent = typeof ticketEvents.$inferSelect;

export interface RecordEventProps {
  ticketNumber: number;
  at: Date;
  actor: Actor;
  type: string;
  changes?: Record<string, [unknown, unknown]>;
  reason: string | null;
  data?: Record<string, unknown>;
}

/** Appends one event; call it inside the transaction that made the change. */
export async function recordEvent(db: Db, props: RecordEventProps): Promise<void> {
  await db.insert(ticketEvents).values(eventValues(props));
}

/** The row an event is stored as, for a statement that writes several events (their ids ascend in the order given) or events along with other rows. */
export function eventValues(props: RecordEventProps): typeof ticketEvents.$inferInsert {
  return {
    ticketNumber: props.ticketNumber,
    at: props.at,
    actorType: props.actor.type,
    actorId: props.actor.id ?? null,
    type: props.type,
    changes: props.changes ?? {},
    reason: props.reason,
    data: props.data ?? {},
  };
}

/** A ticket's timeline, oldest first. */
export async function listEvents(db: Db, ticketNumber: number): Promise<TicketEvent[]> {
  return db.select().from(ticketEvents).where(eq(ticketEvents.ticketNumber, ticketNumber)).orderBy(asc(ticketEvents.id));
}
