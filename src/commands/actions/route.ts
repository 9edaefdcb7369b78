// route: hands the ticket to its team's routing, which chooses the agent by the team's strategy
// (skills, load against capacity, working hours); nobody available, the ticket waits in the queue.

import { routeTicket } from "../routing/routeTicket.js";
import type { TicketAction } from "./ticketAction.js";

export const route: TicketAction<{ type: "route" }> = {
  type: "route",
  writes: true,
  async run({ work, ticket, directory }) {
    if (ticket.assigneeId !== null) return { skipped: [{ why: "already_assigned" }] };
    if (ticket.teamId === null) return { skipped: [{ why: "not_routed", reason: "no_team" }] };
    const routed = await routeTicket(work, { ticket });
    switch (routed.outcome) {
      case "assigned": {
        const agentId = routed.ticket.assigneeId as string;
        const name = directory.agents.get(agentId)?.name;
        return { ticket: routed.ticket, done: [{ type: "reassigned", agentId, ...(name ? { name } : {}) }] };
      }
      case "queued":
        return { ...(routed.ticket !== ticket ? { ticket: routed.ticket } : {}), skipped: [{ why: "not_routed", reason: "queued" }] };
      case "manual":
        return { skipped: [{ why: "not_routed", reason: "manual" }] };
      case "not_routed":
        return { skipped: [{ why: "not_routed", reason: "no_team" }] };
    }
  },
};
