// reassign: to a named agent (and their team), or to a team's queue, unless the ticket is
// already held so.

import { applyChanges } from "../tickets/applyChanges.js";
import type { TicketAction } from "./ticketAction.js";

export const reassign: TicketAction<{ type: "reassign"; agentId?: string; teamId?: string }> = {
  type: "reassign",
  writes: true,
  async run({ work, ticket, directory, changeCause }, action) {
    const agent = action.agentId ? directory.agents.get(action.agentId) : undefined;
    const team = action.teamId ? directory.teams.get(action.teamId) : undefined;
    if (action.agentId && !agent?.active) return { skipped: [{ why: "inactive_agent", agentId: action.agentId }] };
    if (action.teamId && !team) return { skipped: [{ why: "unknown_team", teamId: action.teamId }] };
    // To a team alone: its queue, unless the assignee already belongs to that team.
    const current = ticket.assigneeId ? directory.agents.get(ticket.assigneeId) : undefined;
    const assigneeId = agent ? agent.id : team && current?.teamId !== team.id ? null : ticket.assigneeId;
    const teamId = team ? team.id : (agent?.teamId ?? ticket.teamId);
    if (assigneeId === ticket.assigneeId && teamId === ticket.teamId) return { skipped: [{ why: "already_assigned" }] };
    const after = await applyChanges(work, { ticket, changes: { assigneeId, teamId }, cause: changeCause });
    return {
      ticket: after,
      done: [
        agent ? { type: "reassigned", agentId: agent.id, name: agent.name } : { type: "reassigned", teamId: team?.id as string, name: team?.name as string },
      ],
    };
  },
};
