// A ticket's message rows: written with their `message` event in one statement, and read
// oldest first (internal notes only for staff).

import { and, asc, eq, ne } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Db } from "../database.js";
import type { Actor, NewTicketEvent } from "../../core/events/index.js";
import type { MessageKind } from "../../core/ticket/ticket.js";
import { eventRow } from "../events.js";
import { messages, ticketEvents } from "../schema.js";

/** A stored message. */
export type Message = typeof messages.$inferSelect;

/** A message row to insert (its id is drawn by {@link insertMessage} unless given, for events that name it). */
export type MessageValues = Omit<typeof messages.$inferInsert, "id"> & { id?: string };

/**
 * Inserts a message with its `message` event between `before` and `after`, in one statement
 * (the message's id is drawn here, as the column default would, so that the event can name it).
 */
export async function insertMessage(
  tx: Db,
  values: MessageValues,
  actor: Actor,
  before: readonly NewTicketEvent[],
  after: readonly NewTicketEvent[],
): Promise<Message> {
  const id = values.id ?? randomUUID();
  const messageEvent: NewTicketEvent = {
    ticketNumber: values.ticketNumber,
    at: values.createdAt,
    actor,
    type: "message",
    data: { messageId: id, kind: values.kind as MessageKind },
  };
  const inserted = tx.$with("inserted_message").as(
    tx
      .insert(messages)
      .values({ ...values, id })
      .returning(),
  );
  const events = tx.$with("inserted_events").as(tx.insert(ticketEvents).values([...before, messageEvent, ...after].map(eventRow)));
  const [row] = await tx.with(inserted, events).select().from(inserted);
  return row as Message;
}

/** The messages of ticket `number`, oldest first; without internal notes unless `notes`. */
export async function listMessages(db: Db, number: number, options: { notes: boolean }): Promise<Message[]> {
  const onTicket = eq(messages.ticketNumber, number);
  return db
    .select()
    .from(messages)
    .where(options.notes ? onTicket : and(onTicket, ne(messages.kind, "note")))
    .orderBy(asc(messages.createdAt), asc(messages.id));
}
