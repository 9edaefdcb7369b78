// An agent logs a phone call (docs/phone.md), as a new ticket on the `phone` channel or on an
// existing ticket, through the ticket commands: an incoming call is what the customer said (a
// customer message, triaged, answered by rules), an outgoing one an internal note; the call is
// kept with its number, duration and outcome, and a `call` event says whether it counted as a
// response. An answered outgoing call meets the response clocks when the ticket's SLA policy
// counts calls.

import { randomUUID } from "node:crypto";
import { localeOf, translate } from "../../core/i18n/index.js";
import { type CallEventData, type CallInput, callAnswersCustomer, checkCall } from "../../core/phone/call.js";
import type { Priority } from "../../core/ticket/ticket.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import { customerStore } from "../../store/entities.js";
import { InvalidReferenceError } from "../../store/errors.js";
import { writeEvents } from "../../store/events.js";
import { customerIdByPhone, insertCall, type PhoneCall } from "../../store/phone.js";
import { loadPolicies } from "../../store/sla/policies.js";
import type { Message } from "../../store/tickets/messageRows.js";
import { syncClocks } from "../sla/syncClocks.js";
import { addMessage } from "../tickets/addMessage.js";
import { createTicket } from "../tickets/createTicket.js";
import type { Work } from "../work.js";

export interface LogCallProps extends CallInput {
  /** The ticket the call belongs to; none: the call opens a new ticket. */
  ticketNumber?: number | undefined;
  /** For a new ticket: its customer (default: the customer with this phone number, or a new one named after it), subject, team and priority. */
  customerId?: string | undefined;
  subject?: string | undefined;
  teamId?: string | undefined;
  priority?: Priority | undefined;
}

/** The customer whose phone is `number`, or a new one named after it. */
async function customerOfNumber(work: Work, number: string): Promise<string> {
  const found = await customerIdByPhone(work.tx, number);
  if (found) return found;
  return (await customerStore.create(work.tx, { name: number, phone: number }, work.now)).id;
}

/** Whether the SLA policy of the ticket's clocks counts an answered outgoing call as a response. */
async function policyCountsCalls(work: Work, ticket: Ticket): Promise<boolean> {
  const policies = (work.clocks.policies ??= await loadPolicies(work.tx));
  const clocks = work.clocks.tickets.get(ticket.number)?.clocks ?? [];
  const policyIds = new Set(clocks.map((clock) => clock.policyId));
  return policies.some((policy) => policyIds.has(policy.id) && policy.callCountsAsResponse === true);
}

/** Logs one call as the work's actor (an agent); CallInvalid naming a wrong field, InvalidReferenceError for a wrong ticket or customer. */
export async function logCall(work: Work, props: LogCallProps): Promise<{ ticket: Ticket; message: Message; call: PhoneCall }> {
  const call = checkCall(props);
  const kind = call.direction === "in" ? ("customer" as const) : ("note" as const);
  const line = (language: string | null) =>
    translate(localeOf(language ?? "en"), "phone.call", {
      direction: call.direction,
      number: call.number,
      minutes: Math.floor(call.durationSeconds / 60),
      seconds: call.durationSeconds % 60,
      outcome: call.outcome,
    });
  let ticket: Ticket;
  let message: Message;
  if (props.ticketNumber !== undefined) {
    const added = await addMessage(work, { number: props.ticketNumber, kind, text: call.notes || line(null), channel: "phone" });
    ticket = added.ticket;
    message = added.message;
  } else {
    const customerId = props.customerId ?? (await customerOfNumber(work, call.number));
    const customer = await customerStore.get(work.tx, customerId);
    if (!customer) throw new InvalidReferenceError("customerId", `customer ${customerId} does not exist`);
    const subject =
      props.subject?.trim() || translate(localeOf(customer.language ?? "en"), "phone.subject", { direction: call.direction, number: call.number });
    const created = await createTicket(work, {
      subject,
      customerId,
      channel: "phone",
      ...(props.teamId ? { teamId: props.teamId } : {}),
      ...(props.priority ? { priority: props.priority } : {}),
      message: { kind, text: call.notes || line(customer.language), channel: "phone" },
    });
    ticket = created.ticket;
    if (!created.message) throw new Error("the call's message was not written");
    message = created.message;
  }
  const id = randomUUID();
  const row = await insertCall(work.tx, {
    id,
    ticketNumber: ticket.number,
    messageId: message.id,
    direction: call.direction,
    number: call.number,
    durationSeconds: call.durationSeconds,
    outcome: call.outcome,
    notes: call.notes,
    agentId: work.actor.type === "agent" ? (work.actor.id ?? null) : null,
    createdAt: work.now,
  });
  const answers = callAnswersCustomer(call);
  const countedAsResponse = answers && (await policyCountsCalls(work, ticket));
  const data: CallEventData = {
    callId: id,
    direction: call.direction,
    number: call.number,
    durationSeconds: call.durationSeconds,
    outcome: call.outcome,
    answers,
    countedAsResponse,
  };
  await writeEvents(work.tx, [{ ticketNumber: ticket.number, at: work.now, actor: work.actor, type: "call", data }]);
  if (answers) await syncClocks(work, { ticket, happening: { type: "agent_message", kind: "call" } });
  return { ticket, message, call: row };
}
