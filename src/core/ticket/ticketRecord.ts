// A ticket as the rest of Palier sees it (the stored row without its search text, with its
// followers), and the fields a caller sets at creation and changes afterwards.

import type { Channel, Language, Priority, Status, Tier } from "./ticket.js";

/** The fields of a ticket that can be set at creation and changed afterwards. */
export interface TicketFields {
  subject: string;
  status: Status;
  priority: Priority;
  tier: Tier;
  language: Language | null;
  productId: string | null;
  customerId: string;
  teamId: string | null;
  assigneeId: string | null;
  /** The SLA policy a rule applied, above the policies' own conditions; null: they decide. */
  slaPolicyId: string | null;
  tags: string[];
  customFields: Record<string, unknown>;
  /** Agent ids, without repeats. */
  followers: string[];
}

/** A ticket: its fields, its channel and number, the instants its messages and status stamp, and its version. */
export interface Ticket extends TicketFields {
  /** The human-readable number, shown as #1042. */
  number: number;
  channel: Channel;
  firstResponseAt: Date | null;
  lastCustomerMessageAt: Date | null;
  lastAgentMessageAt: Date | null;
  solvedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Bumped on every change; an update may require the version it read. */
  version: number;
}

/** Tags are case-insensitive words: trimmed, lower-cased, deduplicated, sorted. */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim().toLowerCase()).filter((tag) => tag !== ""))].sort();
}
