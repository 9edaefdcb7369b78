// What a new message does to its ticket (its kind, body, stamps and status move), who may
// write it, and the row it is stored as.

import { type MessageBody, messageBody } from "../../core/message/messageBody.js";
import type { Channel, MessageKind, Status } from "../../core/ticket/ticket.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import { InvalidReferenceError } from "../../store/errors.js";
import type { Actor, ChangeCause } from "../../core/events/index.js";
import type { AttachmentMeta } from "../../store/schema.js";
import type { MessageValues } from "../../store/tickets/messageRows.js";

/** A message to add: text or HTML (sanitized), with its kind and channel. */
export interface NewMessage {
  /** Defaults to `reply` for an agent, `customer` for anyone else. */
  kind?: MessageKind;
  text?: string;
  html?: string;
  attachments?: AttachmentMeta[];
  /** Defaults to the ticket's channel. */
  channel?: Channel;
  /** An internal note's mentioned agents, by id (checked by the command that takes them from a caller). */
  mentions?: readonly string[];
  /** An internal note written as a reply its mentioned agents may send. */
  suggestion?: boolean;
}

/** What a new message does to its ticket: its kind, its body, the times it stamps and the status it moves the ticket to. */
export interface MessageEffects {
  kind: MessageKind;
  body: MessageBody;
  stamps: Partial<Pick<Ticket, "lastCustomerMessageAt" | "lastAgentMessageAt" | "firstResponseAt">>;
  changes: { status?: Status };
  /** Why the status moved: a first reply or the customer writing (none when it did not). */
  cause?: ChangeCause;
}

/**
 * A customer message reopens a pending, on-hold or solved ticket; an agent's public reply
 * opens a new ticket and sets its first response time.
 */
export function messageEffects(props: NewMessage, actor: Actor, ticket: Pick<Ticket, "status" | "firstResponseAt">, now: Date): MessageEffects {
  // Only an agent replies by default: what an intake (system) or a rule writes unasked is the customer's request.
  const kind: MessageKind = props.kind ?? (actor.type === "agent" ? "reply" : "customer");
  const effects: MessageEffects = { kind, body: messageBody({ text: props.text, html: props.html }), stamps: {}, changes: {} };
  if (kind === "customer") {
    effects.stamps.lastCustomerMessageAt = now;
    if (ticket.status === "pending" || ticket.status === "solved" || ticket.status === "on_hold") {
      effects.changes.status = "open";
      effects.cause = { cause: "customer_wrote" };
    }
  } else if (kind === "reply") {
    effects.stamps.lastAgentMessageAt = now;
    if (ticket.firstResponseAt === null) effects.stamps.firstResponseAt = now;
    if (ticket.status === "new") {
      effects.changes.status = "open";
      effects.cause = { cause: "first_reply" };
    }
  }
  return effects;
}

/** Refuses a message its author may not write, or one to a closed ticket. */
export function checkMessage(kind: MessageKind, actor: Actor, ticket: Pick<Ticket, "number" | "status">): void {
  if (kind === "customer" && actor.type === "agent") {
    // An agent logging what the customer said (a phone call) writes it as the customer.
  } else if (kind !== "customer" && actor.type === "customer") {
    throw new InvalidReferenceError("kind", "a customer can only write customer messages");
  }
  if (ticket.status === "closed") throw new InvalidReferenceError("number", `ticket #${ticket.number} is closed: a follow-up is a new ticket`);
}

/** The row a message is stored as: its author from the actor (a customer message by the system is the ticket's customer's). */
export function messageValues(ticket: Ticket, props: NewMessage, effects: MessageEffects, actor: Actor, now: Date): MessageValues {
  return {
    ticketNumber: ticket.number,
    kind: effects.kind,
    authorAgentId: actor.type === "agent" ? (actor.id ?? null) : null,
    authorCustomerId: actor.type === "customer" ? (actor.id ?? null) : effects.kind === "customer" ? ticket.customerId : null,
    channel: props.channel ?? ticket.channel,
    bodyText: effects.body.text,
    bodyHtml: effects.body.html,
    attachments: props.attachments ?? [],
    ...(effects.kind === "note" && props.mentions?.length ? { mentions: [...props.mentions], suggestion: props.suggestion === true } : {}),
    createdAt: now,
  };
}
