// The widget's contact form: a ticket on the `web` channel through the ticket commands (so that
// triage, rules, SLA and routing run), for the customer found or created by e-mail, with the
// visitor's journey before they wrote attached to it.

import { JOURNEY_ATTACHED_MAX, JOURNEY_LOOKBACK_MS } from "../../core/selfcare/journey.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import type { Language } from "../../core/ticket/ticket.js";
import { attachJourney, insertJourneySteps } from "../../store/selfcare.js";
import { customerForRequester } from "../customers/requester.js";
import { createTicket } from "../tickets/createTicket.js";
import type { Work } from "../work.js";

export interface SubmitRequestProps {
  visitorId: string;
  /** The team the ticket goes to; null: the rules and routing decide. */
  teamId: string | null;
  name: string;
  email: string;
  subject: string;
  message: string;
  /** The language the widget spoke: a new customer's language. */
  language: Language | null;
  pageUrl: string | null;
}

/** Creates the ticket as the customer and attaches the visitor's journey of the last day to it. */
export async function submitRequest(work: Work, props: SubmitRequestProps): Promise<{ ticket: Ticket; journeySteps: number }> {
  const { customerId } = await customerForRequester(work, { email: props.email, name: props.name, language: props.language });
  const asCustomer: Work = { ...work, actor: { type: "customer", id: customerId } };
  const { ticket } = await createTicket(asCustomer, {
    subject: props.subject.trim(),
    customerId,
    channel: "web",
    ...(props.teamId ? { teamId: props.teamId } : {}),
    message: { kind: "customer", text: props.message, channel: "web" },
  });
  const attached = await attachJourney(work.tx, {
    visitorId: props.visitorId,
    since: new Date(work.now.getTime() - JOURNEY_LOOKBACK_MS),
    number: ticket.number,
    max: JOURNEY_ATTACHED_MAX - 1,
  });
  await insertJourneySteps(work.tx, [
    {
      visitorId: props.visitorId,
      teamId: props.teamId,
      kind: "request",
      language: props.language,
      pageUrl: props.pageUrl,
      ticketNumber: ticket.number,
      at: work.now,
    },
  ]);
  return { ticket, journeySteps: attached + 1 };
}
