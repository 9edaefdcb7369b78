// Adding a message to a ticket: a customer message is triaged first, then the message and its
// effects are appended (appendMessage.ts), and the rules answer it: `customer_message` for a
// customer's, `ticket_updated` when a staff message moved the status.

import type { Ticket } from "../../core/ticket/ticketRecord.js";
import type { Message } from "../../store/tickets/messageRows.js";
import { lockTicket } from "../../store/tickets/ticketRows.js";
import { answerEvent } from "../rules/answerEvent.js";
import { planTicketRuleTimers } from "../rules/ruleTimers.js";
import type { Work } from "../work.js";
import { appendMessage } from "./appendMessage.js";
import { messageEffects, type NewMessage } from "./messageEffects.js";
import { withNamedErrors } from "./namedErrors.js";
import { triageMessage } from "./triageMessage.js";

export interface AddMessageProps extends NewMessage {
  /** The ticket's number; NotFoundError when there is none. */
  number: number;
}

/**
 * Adds a message to a ticket as the work's actor. A customer message reopens a pending or solved
 * ticket; an agent's first public reply opens a new ticket and sets its first response time. A
 * closed ticket takes no message; a customer writes only customer messages. A customer message's
 * triage signals are stored with it and on the ticket before the rules run, so that their
 * conditions read them.
 */
export async function addMessage(work: Work, props: AddMessageProps): Promise<{ ticket: Ticket; message: Message }> {
  return withNamedErrors(async () => {
    const { number, ...message } = props;
    const before = await lockTicket(work.tx, number);
    const effects = messageEffects(message, work.actor, before, work.now);
    const triaged =
      effects.kind === "customer" && before.status !== "closed"
        ? await triageMessage(work, {
            number,
            customerId: before.customerId,
            text: effects.body.text,
            channel: message.channel ?? before.channel,
            language: before.language,
          })
        : undefined;
    const added = await appendMessage(work, { ...message, ticket: before, triaged });
    const customer = effects.kind === "customer";
    if (!customer && added.ticket.status === before.status) {
      // No rule answers a staff message that moved nothing, but it moves the last agent message time rules count from.
      await planTicketRuleTimers(work, { ticket: added.ticket, statusChanged: false });
      return added;
    }
    const ticket = await answerEvent(work, {
      ticket: added.ticket,
      before,
      trigger: customer ? "customer_message" : "ticket_updated",
      message: { text: effects.body.text, kind: effects.kind, channel: added.message.channel as Ticket["channel"] },
      ...(triaged ? { triage: triaged.signals } : {}),
      statusChanged: added.ticket.status !== before.status,
    });
    return { ticket, message: added.message };
  });
}

export { appendMessage, type AppendMessageProps } from "./appendMessage.js";
