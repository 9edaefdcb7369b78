// assign: to a named active agent (and their team, when they have one). To let the team's
// strategy choose the agent (skills, load, hours), a rule uses `route` instead.

import { applyChanges } from "../tickets/applyChanges.js";
import type { TicketAction } from "./ticketAction.js";

export const assign: TicketAction<{ type: "assign"; agentId: string }> = {
  type: "assign",
  writes: true,
  async run({ work, ticket, directory, changeCause }, action) {
    const agent = directory.agents.get(action.agentId);
    if (!agent?.active) return { skipped: [{ why: "inactive_agent", agentId: action.agentId }] };
    const teamId = agent.teamId ?? ticket.teamId;
    if (ticket.assigneeId === agent.id && ticket.teamId === teamId) return { skipped: [{ why: "already_assigned" }] };
    const after = await applyChanges(work, { ticket, changes: { assigneeId: agent.id, teamId }, cause: changeCause });
    return { ticket: after, done: [{ type: "reassigned", agentId: agent.id, name: agent.name }] };
  },
};
