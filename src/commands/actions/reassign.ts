// reassign: to a named agent (and their team), or to a team's queue, unless the ticket is
// already held so.

import { applyChanges } from "../tickets/changeTicket.js";
import type { TicketAction } from "./ticketAction.js";

export const reassign: TicketAction<{ type: "reassign"; agentId?: string; teamId?: string }> = {
  type: "reassign",
  writes: true,
  async run({ work, ticket, directory, reason }, action) {
    const agent = action.agentId ? directory.agents.get(action.agentId) : undefined;
    const team = action.teamId ? directory.teams.get(action.teamId) : undefined;
    if (action.agentId && !agent?.active) return { skipped: [`no active agent ${action.agentId}`] };
    if (action.teamId && !team) return { skipped: [`no team ${action.teamId}`] };
    // To a team alone: its queue, unless the assignee already belongs to that team.
    const current = ticket.assigneeId ? directory.agents.get(ticket.assigneeId) : undefined;
    const assigneeId = agent ? agent.id : team && current?.teamId !== team.id ? null : ticket.assigneeId;
    const teamId = team ? team.id : (agent?.teamId ?? ticket.teamId);
    if (assigneeId === ticket.assigneeId && teamId === ticket.teamId) return { skipped: ["already assigned so"] };
    const after = await applyChanges(work, { ticket, changes: { assigneeId, teamId }, reason });
    return { ticket: after, done: [agent ? `reassigned to ${agent.name}` : `reassigned to team ${team?.name}`] };
  },
};
