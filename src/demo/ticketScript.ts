// The shape of a demo ticket's script: who opens it and with what, and each happening of its
// life (opened, a message, a change) at its instant by its actor.

import type { Actor } from "../core/events/actor.js";
import type { ChangeCause } from "../core/events/causes.js";
import type { Channel, Language, MessageKind, Priority, Status, Tier } from "../core/ticket/ticket.js";
import type { ProductCode, TeamKey } from "./workspace.js";

/** The database ids of the workspace's rows, by their demo keys. */
export interface DemoIds {
  /** By login (`lea.martin`). */
  agents: ReadonlyMap<string, string>;
  /** By e-mail. */
  customers: ReadonlyMap<string, string>;
  teams: ReadonlyMap<TeamKey, string>;
  products: ReadonlyMap<ProductCode, string>;
}

/** A message as the script has someone write it. */
export interface ScriptedMessage {
  kind: MessageKind;
  text: string;
}

/**
 * Changes someone asks for. `addTags` and `addFollowers` add to what the ticket carries when the
 * change happens (an escalation step may have added followers meanwhile).
 */
export interface ScriptedChanges {
  status?: Status;
  priority?: Priority;
  tier?: Tier;
  teamId?: string;
  assigneeId?: string;
  addTags?: string[];
  addFollowers?: string[];
}

/** One thing that happens to a ticket, at an instant, by someone. */
export type Happening =
  | { type: "open"; at: Date; actor: Actor; message: ScriptedMessage }
  | { type: "message"; at: Date; actor: Actor; message: ScriptedMessage }
  | { type: "update"; at: Date; actor: Actor; changes: ScriptedChanges; cause: ChangeCause | null };

/** What a ticket is opened with, besides its first message. */
export interface Opening {
  subject: string;
  channel: Channel;
  language: Language;
  priority: Priority;
  tier: Tier;
  productId: string | null;
  customerId: string;
  teamId: string;
  assigneeId: string | null;
  tags: string[];
  customFields: Record<string, unknown>;
  followers: string[];
}

/** A ticket's script: how it opens, what happens to it (oldest first, the opening first), and where the script leaves it. */
export interface PlannedTicket {
  opening: Opening;
  happenings: Happening[];
  /** The instant of the opening. */
  createdAt: Date;
  /** The instant of the last happening. */
  updatedAt: Date;
  /** What the happenings leave, by the product's rules (a reply opens, a customer reopens). */
  status: Status;
  priority: Priority;
  tier: Tier;
  teamId: string;
  assigneeId: string | null;
  tags: string[];
}
