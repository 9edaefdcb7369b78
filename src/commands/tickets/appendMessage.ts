// Appending a message to a ticket the unit of work holds: the message (with its triage signals,
// for a customer message triaged beforehand) and its events, what it does to the ticket (stamps,
// a reopening or a first reply, the triage columns, the language a ticket without one takes),
// its search text, the clocks it moves, and a public reply's e-mail to the customer (or its post
// on the social network). Rules do
// not answer here: the command does.

import type { Ticket } from "../../core/ticket/ticketRecord.js";
import { randomUUID } from "node:crypto";
import { insertMessage, type Message } from "../../store/tickets/messageRows.js";
import { addedMessageSearch, type TriagedTicket } from "../../store/tickets/ticketRows.js";
import { sendReplyMail } from "../mail/sendReplyMail.js";
import { sendSocialReply } from "../social/sendSocialReply.js";
import { happeningOf, syncClocks } from "../sla/syncClocks.js";
import type { Work } from "../work.js";
import { applyChanges } from "./applyChanges.js";
import { checkMessage, messageEffects, messageValues, type NewMessage } from "./messageEffects.js";
import { type TriagedMessage, triageColumns, triageEvents } from "./triageMessage.js";

export interface AppendMessageProps extends NewMessage {
  /** The ticket, locked in the unit of work (see lockTicket). */
  ticket: Ticket;
  /** A customer message's triage (see triageMessage). */
  triaged?: TriagedMessage | undefined;
}

/** Adds a message to a ticket the unit of work holds locked; for commands and engine actions. */
export async function appendMessage(work: Work, props: AppendMessageProps): Promise<{ ticket: Ticket; message: Message }> {
  const { tx, now, actor } = work;
  const { ticket, triaged, ...message } = props;
  const effects = messageEffects(message, actor, ticket, now);
  checkMessage(effects.kind, actor, ticket);
  const id = randomUUID();
  const values = { ...messageValues(ticket, message, effects, actor, now), id, ...(triaged ? { triage: triaged.signals } : {}) };
  const saved = await insertMessage(tx, values, actor, [], triaged ? triageEvents(ticket.number, id, triaged, work) : []);
  const language = triaged?.languageSet ?? ticket.language;
  const search = addedMessageSearch(effects.body.text, language) as unknown as string;
  const columns = triaged ? triageColumns(ticket as Partial<TriagedTicket>, triaged) : {};
  const changes = { ...effects.changes, ...(triaged?.languageSet ? { language: triaged.languageSet } : {}) };
  const updated = await applyChanges(work, { ticket, changes, cause: effects.cause, extra: { ...effects.stamps, search, ...columns } });
  await syncClocks(work, { ticket: updated, happening: happeningOf(effects.kind) });
  // A public reply on an e-mail ticket goes to the customer's mailbox, threaded.
  if (effects.kind === "reply") await sendReplyMail(work, { ticket: updated, message: saved });
  // One on a social ticket goes to the network through its connector.
  if (effects.kind === "reply") await sendSocialReply(work, { ticket: updated, message: saved });
  return { ticket: updated, message: saved };
}
