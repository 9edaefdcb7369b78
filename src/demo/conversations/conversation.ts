// The shape of a hand-written demo conversation: a subject and its turns, with placeholders
// ({first}, {agent}, {invoice}, {amount}, {order}, {ref}) filled in per ticket.

import type { Priority, Tier } from "../../core/ticket/ticket.js";
import type { ProductCode } from "../workspace.js";

/** What a conversation is about; it decides the team that handles it. */
export type Topic = "billing" | "account" | "technical" | "delivery";

/** One message: from the customer, a public reply by an agent, or an internal note. */
export interface Turn {
  by: "customer" | "agent" | "note";
  text: string;
  /** With this turn the ticket moves to another tier (engineering, a vendor). */
  tier?: Tier;
}

export interface ConversationTemplate {
  topic: Topic;
  subject: string;
  /** Starts with the customer; has at least one agent reply. */
  turns: readonly Turn[];
  tags: readonly string[];
  product?: ProductCode;
  /** The priority at creation (default normal). */
  priority?: Priority;
  /** A short public post, for the twitter and facebook channels. */
  social?: boolean;
  /** Written by someone at a business customer (an organization's employee). */
  business?: boolean;
  /** Angry, legal or otherwise escalation-worthy: the first agent to act moves it to L2, for this reason. */
  escalate?: string;
}

/** A customer's message. */
export const customer = (text: string): Turn => ({ by: "customer", text });
/** An agent's public reply. */
export const reply = (text: string): Turn => ({ by: "agent", text });
/** An internal note, visible to agents only; `tier` hands the ticket to another tier. */
export const note = (text: string, tier?: Tier): Turn => (tier ? { by: "note", text, tier } : { by: "note", text });
