// canned_reply: a public reply from a template, in the customer's language, else the ticket's,
// else English (the first of those the rule has a template for), with {{customer.name}},
// {{ticket.number}} and {{ticket.subject}} filled in. An automatic acknowledgement is not a
// response: it leaves the first-response time, the last agent message and the SLA clocks alone,
// and does not open a new ticket.

import { messageBody } from "../../core/message/messageBody.js";
import type { Language } from "../../core/ticket/ticket.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import { InvalidReferenceError } from "../../store/errors.js";
import { insertMessage } from "../../store/tickets/messageRows.js";
import { addedMessageSearch } from "../../store/tickets/ticketRows.js";
import { applyChanges } from "../tickets/applyChanges.js";
import type { TicketAction } from "./ticketAction.js";

type Templates = { [L in Language]?: string };

/** The language a canned reply goes out in: the customer's, else the ticket's, else English, among those with a template. */
export function replyLanguage(templates: Templates, customerLanguage: string | null | undefined, ticketLanguage: string | null): Language | undefined {
  for (const language of [customerLanguage, ticketLanguage, "en"]) {
    if (language && (templates as Record<string, string | undefined>)[language]?.trim()) return language as Language;
  }
  return undefined;
}

/** `template` with `{{customer.name}}`, `{{ticket.number}}` and `{{ticket.subject}}` filled in; other braces stay as written. */
export function fillTemplate(template: string, values: { customerName: string; ticket: Pick<Ticket, "number" | "subject"> }): string {
  const known: Record<string, string> = {
    "customer.name": values.customerName,
    "ticket.number": String(values.ticket.number),
    "ticket.subject": values.ticket.subject,
  };
  return template.replace(/\{\{\s*([a-z.]+)\s*\}\}/g, (whole, name: string) => known[name] ?? whole);
}

export const cannedReply: TicketAction<{ type: "canned_reply"; templates: Templates }> = {
  type: "canned_reply",
  writes: true,
  async run({ work, ticket, customer, changeCause }, action) {
    const language = replyLanguage(action.templates, customer?.language, ticket.language);
    if (!language) return { skipped: [{ why: "no_template" }] };
    if (ticket.status === "closed") throw new InvalidReferenceError("number", `ticket #${ticket.number} is closed`);
    const text = fillTemplate(action.templates[language] as string, { customerName: customer?.name ?? "", ticket });
    const body = messageBody({ text });
    await insertMessage(
      work.tx,
      {
        ticketNumber: ticket.number,
        kind: "reply",
        authorAgentId: null,
        authorCustomerId: null,
        channel: ticket.channel,
        bodyText: body.text,
        bodyHtml: body.html,
        attachments: [],
        createdAt: work.now,
      },
      work.actor,
      [],
      [],
    );
    const search = addedMessageSearch(body.text, ticket.language) as unknown as string;
    const after = await applyChanges(work, { ticket, changes: {}, cause: changeCause, extra: { search } });
    return { ticket: after, done: [{ type: "reply_sent", language }] };
  },
};
