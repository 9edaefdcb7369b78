// Adding a message to a ticket: the message and its event, what it does to the ticket (stamps,
// a reopening or a first reply), its search text, and the clocks it moves.

import type { Ticket } from "../../core/ticket/ticketRecord.js";
import { insertMessage, type Message } from "../../store/tickets/messageRows.js";
import { addedMessageSearch, lockTicket } from "../../store/tickets/ticketRows.js";
import { happeningOf, syncClocks } from "../sla/syncClocks.js";
import type { Work } from "../work.js";
import { applyChanges } from "./changeTicket.js";
import { checkMessage, messageEffects, messageValues, type NewMessage } from "./messageEffects.js";
import { withNamedErrors } from "./namedErrors.js";

export interface AddMessageProps extends NewMessage {
  /** The ticket's number; NotFoundError when there is none. */
  number: number;
}

/**
 * Adds a message to a ticket as the work's actor. A customer message reopens a pending or solved
 * ticket; an agent's first public reply opens a new ticket and sets its first response time. A
 * closed ticket takes no message; a customer writes only customer messages.
 */
export async function addMessage(work: Work, props: AddMessageProps): Promise<{ ticket: Ticket; message: Message }> {
  return withNamedErrors(async () => {
    const { number, ...message } = props;
    return appendMessage(work, { ...message, ticket: await lockTicket(work.tx, number) });
  });
}

export interface AppendMessageProps extends NewMessage {
  /** The ticket, locked in the unit of work (see lockTicket). */
  ticket: Ticket;
}

/** Adds a message to a ticket the unit of work holds locked; for commands and engine actions. */
export async function appendMessage(work: Work, props: AppendMessageProps): Promise<{ ticket: Ticket; message: Message }> {
  const { tx, now, actor } = work;
  const { ticket, ...message } = props;
  const effects = messageEffects(message, actor, ticket, now);
  checkMessage(effects.kind, actor, ticket);
  const saved = await insertMessage(tx, messageValues(ticket, message, effects, actor, now), actor, [], []);
  const search = addedMessageSearch(effects.body.text, ticket.language) as unknown as string;
  const updated = await applyChanges(work, { ticket, changes: effects.changes, cause: effects.cause, extra: { ...effects.stamps, search } });
  await syncClocks(work, { ticket: updated, happening: happeningOf(effects.kind) });
  return { ticket: updated, message: saved };
}
