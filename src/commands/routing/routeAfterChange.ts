// What routing does after a ticket changed: a ticket moved to another team, left without an
// assignee, or become urgent without one (the person on call may take it), is routed in its team;
// an assignee who let go of an open ticket (solved, closed, handed on) has room again, and their
// team's queue drains a few tickets into it at once.

import type { Ticket } from "../../core/ticket/ticketRecord.js";
import type { Work } from "../work.js";
import { drainQueues } from "./drainQueues.js";
import { routeTicket } from "./routeTicket.js";

const OPEN = new Set(["new", "open", "pending", "on_hold"]);
/** How many waiting tickets a freed place lets through at once; the queue loop takes the rest. */
const DRAIN_ON_CHANGE = 5;

/** Routes `after` when its team changed, it lost its assignee or it became urgent without one; drains the team's queue when an assignee let go of an open ticket. */
export async function routeAfterChange(work: Work, before: Ticket, after: Ticket): Promise<Ticket> {
  let ticket = after;
  const becameUrgent = after.priority === "urgent" && before.priority !== "urgent";
  if (after.teamId !== before.teamId || (before.assigneeId !== null && after.assigneeId === null) || (becameUrgent && after.assigneeId === null)) {
    ticket = (await routeTicket(work, { ticket: after })).ticket;
  }
  const freed = before.assigneeId !== null && OPEN.has(before.status) && (ticket.assigneeId !== before.assigneeId || !OPEN.has(ticket.status));
  if (freed && before.teamId !== null) await drainQueues(work, { teamId: before.teamId, limit: DRAIN_ON_CHANGE });
  return ticket;
}
