// A listed ticket's next SLA due time, as the ticket list answers it (`slaDueAt`, `slaBreached`),
// measured against the server's clock (`now` of the list), which may be a manual one; or paused.

import type { Ticket } from "../api/types.js";

export interface DueTime {
  dueAt: string | null;
  breached: boolean;
  /** No clock runs and one is paused (the ticket waits on the customer, say): no countdown to show. */
  paused: boolean;
  /** Seconds from the server's now to the due time (negative: overdue). */
  leftSeconds?: number;
}

/** The ticket's due time, or undefined when the list does not say (an older server). */
export function dueFromList(ticket: Ticket, now: string | null): DueTime | undefined {
  if (ticket.slaDueAt === undefined) return undefined;
  const due: DueTime = { dueAt: ticket.slaDueAt, breached: ticket.slaBreached ?? false, paused: ticket.slaDueAt === null && (ticket.slaPaused ?? false) };
  if (ticket.slaDueAt !== null && now !== null) due.leftSeconds = (new Date(ticket.slaDueAt).getTime() - new Date(now).getTime()) / 1000;
  return due;
}
