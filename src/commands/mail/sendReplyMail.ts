// An agent's public reply on an e-mail ticket goes to the customer by e-mail, in the same unit
// of work as the reply: from the ticket team's address, in the customer's language, with the
// headers that thread it in the customer's client and bring their answer back to the ticket,
// signed with the team's signature in that language.
// The outbox sends it (retries, dead letters); the mail row remembers its Message-ID.

import { randomUUID } from "node:crypto";
import { isLocale } from "../../core/i18n/index.js";
import { domainOfAddress, replyReferences, replySubject, signed } from "../../core/mail/replyMail.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import { customerStore, teamStore } from "../../store/entities.js";
import { insertMail, threadOf } from "../../store/mail.js";
import { enqueue } from "../../store/outbox/outbox.js";
import type { Message } from "../../store/tickets/messageRows.js";
import type { Work } from "../work.js";

/** Queues the e-mail of `message` (a public reply) to the ticket's customer; nothing when the ticket is not an e-mail one or the customer has no address. */
export async function sendReplyMail(work: Work, props: { ticket: Ticket; message: Message }): Promise<{ messageId: string } | null> {
  const { ticket, message } = props;
  if (ticket.channel !== "email" || message.kind !== "reply") return null;
  const customer = await customerStore.get(work.tx, ticket.customerId);
  if (!customer?.email) return null;
  const team = ticket.teamId ? await teamStore.get(work.tx, ticket.teamId) : undefined;
  const fromAddress = team?.email ?? null;
  const from = fromAddress ? `${team?.name ?? ""} <${fromAddress}>`.trim() : null;
  const language = customer.language ?? ticket.language;
  const locale = language && isLocale(language) ? language : "en";
  const messageId = `<palier.${ticket.number}.${randomUUID()}@${fromAddress ? domainOfAddress(fromAddress) : "palier.invalid"}>`;
  const thread = await threadOf(work.tx, ticket.number);
  const subject = replySubject(ticket.subject, ticket.number, locale);
  const body = signed({ text: message.bodyText, html: message.bodyHtml }, team?.signatures?.[locale]);
  await enqueue(
    work.tx,
    [
      {
        kind: "email",
        address: customer.email,
        ticketNumber: ticket.number,
        payload: {
          subject,
          text: body.text,
          html: body.html,
          locale,
          messageId,
          ...(from ? { from } : {}),
          ...(thread.lastReceived ? { inReplyTo: thread.lastReceived } : {}),
          references: replyReferences(thread.ids),
          // Palier's mark: a copy coming back is recognised as its own (a loop).
          headers: { "X-Palier-Ticket": String(ticket.number), ...(fromAddress ? { "X-Loop": fromAddress } : {}) },
        },
      },
    ],
    work.now,
  );
  await insertMail(work.tx, {
    direction: "out",
    outcome: "queued",
    messageIdHeader: messageId,
    ticketNumber: ticket.number,
    messageId: message.id,
    fromAddress,
    toAddresses: [customer.email.toLowerCase()],
    subject,
    size: Buffer.byteLength(message.bodyText),
    createdAt: work.now,
  });
  return { messageId };
}
