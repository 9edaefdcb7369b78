// Reading a ticket's messages (they are written with the ticket, in tickets.ts).

import { and, asc, eq, ne } from "drizzle-orm";
import type { Db } from "./database.js";
import { messages } from "./schema.js";
import type { Message } from "./tickets.js";

/** The messages of ticket `number`, oldest first; without internal notes unless `notes`. */
export async function listMessages(db: Db, number: number, options: { notes: boolean }): Promise<Message[]> {
  const onTicket = eq(messages.ticketNumber, number);
  return db
    .select()
    .from(messages)
    .where(options.notes ? onTicket : and(onTicket, ne(messages.kind, "note")))
    .orderBy(asc(messages.createdAt), asc(messages.id));
}
