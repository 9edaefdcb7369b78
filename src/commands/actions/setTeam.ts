// set_team: hands the ticket to a team; an assignee from another team lets go of it (it goes to
// the team's queue), one of that team keeps it.

import { applyChanges } from "../tickets/applyChanges.js";
import type { TicketAction } from "./ticketAction.js";

export const setTeam: TicketAction<{ type: "set_team"; teamId: string }> = {
  type: "set_team",
  writes: true,
  async run({ work, ticket, directory, changeCause }, action) {
    const team = directory.teams.get(action.teamId);
    if (!team) return { skipped: [{ why: "unknown_team", teamId: action.teamId }] };
    if (ticket.teamId === team.id) return { skipped: [{ why: "already_team", teamId: team.id }] };
    const assignee = ticket.assigneeId ? directory.agents.get(ticket.assigneeId) : undefined;
    const assigneeId = assignee?.teamId === team.id ? ticket.assigneeId : null;
    const after = await applyChanges(work, { ticket, changes: { teamId: team.id, assigneeId }, cause: changeCause });
    return { ticket: after, done: [{ type: "team_set", teamId: team.id, name: team.name }] };
  },
};
