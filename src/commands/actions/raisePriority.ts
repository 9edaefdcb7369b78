// raise_priority: to a given priority, or one step up; never lowers it.

import { PRIORITIES, type Priority } from "../../core/ticket/ticket.js";
import { applyChanges } from "../tickets/applyChanges.js";
import type { TicketAction } from "./ticketAction.js";

const rank = (p: Priority) => PRIORITIES.indexOf(p);

export const raisePriority: TicketAction<{ type: "raise_priority"; to?: Priority }> = {
  type: "raise_priority",
  writes: true,
  async run({ work, ticket, changeCause }, action) {
    const to = action.to ?? PRIORITIES[Math.min(rank(ticket.priority) + 1, PRIORITIES.length - 1)];
    if (!to || rank(to) <= rank(ticket.priority)) return { skipped: [{ why: "already_priority", priority: ticket.priority }] };
    const from = ticket.priority;
    return { ticket: await applyChanges(work, { ticket, changes: { priority: to }, cause: changeCause }), done: [{ type: "priority_raised", from, to }] };
  },
};
