// Who a matrix step reaches on a ticket, resolved against a loaded directory, with why (as data)
// every recipient that could not be reached reaches nobody. Pure: the directory is read beforehand.

import { type AgentInfo, type Directory, regionOf, type TicketHolders } from "../directory/directory.js";
import type { RecipientSkip } from "../events/escalationData.js";
import { onCallAt } from "../oncall/onCall.js";
import type { MatrixStep, Recipient } from "./policy.js";

/** One person a step reaches, and through which of its recipients. */
export interface ResolvedRecipient {
  kind: Recipient["kind"];
  agent: AgentInfo;
}

/**
 * The agents `step` reaches on `ticket`, each once (by the first recipient that names them), and
 * a skip for every recipient that reaches nobody, saying why. `at` (epoch ms) is when the step
 * fires: who is on call then is who an `on_call` recipient reaches.
 */
export function resolveRecipients(
  step: Pick<MatrixStep, "recipients">,
  ticket: TicketHolders,
  directory: Directory,
  at: number,
): { recipients: ResolvedRecipient[]; skipped: RecipientSkip[] } {
  const found = new Map<string, ResolvedRecipient>();
  const skipped: RecipientSkip[] = [];
  // `none` says why an empty list reaches nobody, for the recipient `kind`.
  type Why = RecipientSkip extends infer S ? (S extends RecipientSkip ? Omit<S, "recipient"> : never) : never;
  const reach = (kind: Recipient["kind"], list: AgentInfo[], none: Why) => {
    const active = list.filter((a) => a.active);
    for (const agent of list.filter((a) => !a.active)) skipped.push({ recipient: kind, why: "inactive", agentId: agent.id, name: agent.name });
    if (list.length === 0) skipped.push({ recipient: kind, ...none } as RecipientSkip);
    for (const agent of active) if (!found.has(agent.id)) found.set(agent.id, { kind, agent });
  };
  const agent = (id: string | null | undefined) => (id ? directory.agents.get(id) : undefined);
  const assignee = agent(ticket.assigneeId);
  const team = ticket.teamId ? directory.teams.get(ticket.teamId) : undefined;
  for (const recipient of step.recipients) {
    switch (recipient.kind) {
      case "assignee":
        reach("assignee", assignee ? [assignee] : [], { why: "no_assignee" });
        break;
      case "assignee_manager": {
        const manager = agent(assignee?.managerId);
        reach(
          "assignee_manager",
          manager ? [manager] : [],
          assignee ? { why: "no_manager", agentId: assignee.id, name: assignee.name } : { why: "no_assignee" },
        );
        break;
      }
      case "team_lead": {
        const lead = agent(team?.leadId);
        reach("team_lead", lead ? [lead] : [], team ? { why: "no_lead", teamId: team.id, name: team.name } : { why: "no_team" });
        break;
      }
      case "region_managers": {
        const region = regionOf(ticket, directory);
        const managers = region ? [...directory.agents.values()].filter((a) => a.role === "manager" && a.region === region && a.active) : [];
        reach("region_managers", managers, region ? { why: "no_region_manager", region } : { why: "no_region" });
        break;
      }
      case "agent": {
        const named = agent(recipient.agentId);
        reach("agent", named ? [named] : [], { why: "unknown_agent", agentId: recipient.agentId });
        break;
      }
      case "team": {
        const named = directory.teams.get(recipient.teamId);
        const members = [...directory.agents.values()].filter((a) => a.teamId === recipient.teamId && a.active);
        reach(
          "team",
          members,
          named ? { why: "no_active_member", teamId: recipient.teamId, name: named.name } : { why: "unknown_team", teamId: recipient.teamId },
        );
        break;
      }
      case "on_call": {
        const scheduleId = recipient.scheduleId ?? team?.onCallScheduleId ?? undefined;
        const info = scheduleId ? directory.schedules?.get(scheduleId) : undefined;
        if (!scheduleId || !info?.schedule) {
          skipped.push({ recipient: "on_call", why: "no_schedule", ...(scheduleId ? { scheduleId } : {}) });
          break;
        }
        const onCall = onCallAt(info.schedule, at).flatMap((id) => agent(id) ?? []);
        reach("on_call", onCall, { why: "nobody_on_call", scheduleId, name: info.name });
        break;
      }
    }
  }
  return { recipients: [...found.values()], skipped };
}
