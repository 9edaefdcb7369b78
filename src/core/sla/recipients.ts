// Who a matrix step reaches on a ticket, resolved against a loaded directory, with the reason
// for every recipient that could not be reached. Pure: the directory is read beforehand.

import { type AgentInfo, type Directory, regionOf, type TicketHolders } from "../directory/directory.js";
import type { MatrixStep, Recipient } from "./policy.js";

/** One person a step reaches, and through which of its recipients. */
export interface ResolvedRecipient {
  kind: Recipient["kind"];
  agent: AgentInfo;
}

/**
 * The agents `step` reaches on `ticket`, each once (by the first recipient that names them), and
 * a sentence for every recipient that reaches nobody.
 */
export function resolveRecipients(step: Pick<MatrixStep, "recipients">, ticket: TicketHolders, directory: Directory): { recipients: ResolvedRecipient[]; skipped: string[] } {
  const found = new Map<string, ResolvedRecipient>();
  const skipped: string[] = [];
  const reach = (kind: Recipient["kind"], list: AgentInfo[], none: string) => {
    const active = list.filter((a) => a.active);
    for (const agent of list.filter((a) => !a.active)) skipped.push(`${kind}: ${agent.name} is inactive`);
    if (list.length === 0) skipped.push(`${kind}: ${none}`);
    for (const agent of active) if (!found.has(agent.id)) found.set(agent.id, { kind, agent });
  };
  const agent = (id: string | null | undefined) => (id ? directory.agents.get(id) : undefined);
  const assignee = agent(ticket.assigneeId);
  const team = ticket.teamId ? directory.teams.get(ticket.teamId) : undefined;
  for (const recipient of step.recipients) {
    switch (recipient.kind) {
      case "assignee":
        reach("assignee", assignee ? [assignee] : [], "the ticket has no assignee");
        break;
      case "assignee_manager": {
        const manager = agent(assignee?.managerId);
        reach("assignee_manager", manager ? [manager] : [], assignee ? `${assignee.name} has no manager` : "the ticket has no assignee");
        break;
      }
      case "team_lead": {
        const lead = agent(team?.leadId);
        reach("team_lead", lead ? [lead] : [], team ? `team ${team.name} has no lead` : "the ticket has no team");
        break;
      }
      case "region_managers": {
        const region = regionOf(ticket, directory);
        const managers = region ? [...directory.agents.values()].filter((a) => a.role === "manager" && a.region === region && a.active) : [];
        reach("region_managers", managers, region ? `no active manager in region ${region}` : "neither the assignee nor the team lead has a region");
        break;
      }
      case "agent": {
        const named = agent(recipient.agentId);
        reach("agent", named ? [named] : [], `no agent ${recipient.agentId}`);
        break;
      }
      case "team": {
        const named = directory.teams.get(recipient.teamId);
        const members = [...directory.agents.values()].filter((a) => a.teamId === recipient.teamId && a.active);
        reach("team", members, named ? `team ${named.name} has no active agent` : `no team ${recipient.teamId}`);
        break;
      }
      case "on_call":
        skipped.push("on_call: no schedule yet");
        break;
    }
  }
  return { recipients: [...found.values()], skipped };
}
