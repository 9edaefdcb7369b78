// set_priority: to the given priority, up or down (raise_priority only ever raises).

import type { Priority } from "../../core/ticket/ticket.js";
import { applyChanges } from "../tickets/applyChanges.js";
import type { TicketAction } from "./ticketAction.js";

export const setPriority: TicketAction<{ type: "set_priority"; priority: Priority }> = {
  type: "set_priority",
  writes: true,
  async run({ work, ticket, changeCause }, action) {
    if (ticket.priority === action.priority) return { skipped: [{ why: "already_priority", priority: action.priority }] };
    const from = ticket.priority;
    return {
      ticket: await applyChanges(work, { ticket, changes: { priority: action.priority }, cause: changeCause }),
      done: [{ type: "priority_set", from, to: action.priority }],
    };
  },
};
