// Adding a message to a ticket: a customer message is triaged first, then the message and its
// effects are appended (appendMessage.ts), and the rules answer it: `customer_message` for a
// customer's, `ticket_updated` when a staff message moved the status.

import type { Ticket } from "../../core/ticket/ticketRecord.js";
import type { Message } from "../../store/tickets/messageRows.js";
import { lockTicket } from "../../store/tickets/ticketRows.js";
import { answerEvent } from "../rules/answerEvent.js";
import { planTicketRuleTimers } from "../rules/ruleTimers.js";
import type { Work } from "../work.js";
import { checkNoteMentions, tellMentioned } from "../handoff/noteMentions.js";
import { appendMessage } from "./appendMessage.js";
import { messageEffects, type NewMessage } from "./messageEffects.js";
import { withNamedErrors } from "./namedErrors.js";
import { triageMessage } from "./triageMessage.js";

export interface AddMessageProps extends Omit<NewMessage, "mentions"> {
  /** The ticket's number; NotFoundError when there is none. */
  number: number;
  /**
   * An internal note's mentioned agents, by id, as a caller gave them: EscalationInvalid names each
   * that is no active agent, mentions on anything but a note, and a suggestion without a mention or
   * from someone who is no lead or manager. Each agent mentioned is told.
   */
  mentions?: readonly unknown[];
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
    const { number, ...asked } = props;
    const before = await lockTicket(work.tx, number);
    const effects = messageEffects({ ...asked, mentions: [] }, work.actor, before, work.now);
    const message = { ...asked, ...(await checkNoteMentions(work, { ...asked, kind: effects.kind })) };
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
    await tellMentioned(work, added);
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
