// Who a matrix step reaches: the directory a batch needs (agents, teams, region managers, read
// in a few queries for the whole batch) and each step's recipients resolved against it, with
// the reason for every recipient that could not be reached.

import { and, eq, inArray, or, type SQL } from "drizzle-orm";
import type { MatrixStep, Recipient } from "../../core/sla/policy.js";
import type { Db } from "../../store/database.js";
import { agents, teams } from "../../store/schema.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";

export interface AgentInfo {
  id: string;
  name: string;
  email: string;
  role: string;
  teamId: string | null;
  managerId: string | null;
  region: string | null;
  calendarId: string | null;
  locale: string;
  active: boolean;
}

export interface TeamInfo {
  id: string;
  name: string;
  leadId: string | null;
  calendarId: string | null;
}

/** The agents and teams a batch of steps may reach. */
export interface Directory {
  agents: Map<string, AgentInfo>;
  teams: Map<string, TeamInfo>;
}

const agentColumns = {
  id: agents.id,
  name: agents.name,
  email: agents.email,
  role: agents.role,
  teamId: agents.teamId,
  managerId: agents.managerId,
  region: agents.region,
  calendarId: agents.calendarId,
  locale: agents.locale,
  active: agents.active,
};
const teamColumns = { id: teams.id, name: teams.name, leadId: teams.leadId, calendarId: teams.calendarId };

/** Reads everyone the `steps` may reach on `tickets`: a handful of queries, whatever the batch size. */
export async function loadDirectory(tx: Db, tickets: readonly Ticket[], steps: readonly MatrixStep[]): Promise<Directory> {
  const directory: Directory = { agents: new Map(), teams: new Map() };
  const recipients = steps.flatMap((s) => s.recipients);
  const actions = steps.flatMap((s) => s.actions);
  const teamIds = new Set<string>(tickets.map((t) => t.teamId).filter((id): id is string => id !== null));
  const memberTeams = new Set<string>();
  const agentIds = new Set<string>(tickets.map((t) => t.assigneeId).filter((id): id is string => id !== null));
  for (const r of recipients) {
    if (r.kind === "team") {
      teamIds.add(r.teamId);
      memberTeams.add(r.teamId);
    }
    if (r.kind === "agent") agentIds.add(r.agentId);
  }
  for (const a of actions) {
    if (a.type === "reassign" && a.teamId) teamIds.add(a.teamId);
    if (a.type === "reassign" && a.agentId) agentIds.add(a.agentId);
  }
  await addTeams(tx, directory, teamIds);
  for (const team of directory.teams.values()) if (team.leadId) agentIds.add(team.leadId);
  const wanted: SQL[] = [];
  if (agentIds.size) wanted.push(inArray(agents.id, [...agentIds]));
  if (memberTeams.size) wanted.push(and(inArray(agents.teamId, [...memberTeams]), eq(agents.active, true)) as SQL);
  await addAgents(tx, directory, wanted);

  // Managers of assignees, and managers of the regions of assignees and team leads.
  const managerIds = new Set<string>();
  const regions = new Set<string>();
  const needsManagers = recipients.some((r) => r.kind === "assignee_manager");
  const needsRegions = recipients.some((r) => r.kind === "region_managers");
  for (const ticket of tickets) {
    const assignee = ticket.assigneeId ? directory.agents.get(ticket.assigneeId) : undefined;
    if (needsManagers && assignee?.managerId) managerIds.add(assignee.managerId);
    const region = regionOf(ticket, directory);
    if (needsRegions && region) regions.add(region);
  }
  const more: SQL[] = [];
  if (managerIds.size) more.push(inArray(agents.id, [...managerIds]));
  if (regions.size) more.push(and(inArray(agents.region, [...regions]), eq(agents.role, "manager"), eq(agents.active, true)) as SQL);
  await addAgents(tx, directory, more);
  // Every agent's team, for the working hours of agents without a calendar of their own.
  await addTeams(tx, directory, new Set([...directory.agents.values()].map((a) => a.teamId).filter((id): id is string => id !== null)));
  return directory;
}

async function addTeams(tx: Db, directory: Directory, ids: Set<string>): Promise<void> {
  const missing = [...ids].filter((id) => !directory.teams.has(id));
  if (missing.length === 0) return;
  for (const team of await tx.select(teamColumns).from(teams).where(inArray(teams.id, missing))) directory.teams.set(team.id, team);
}

async function addAgents(tx: Db, directory: Directory, conditions: SQL[]): Promise<void> {
  if (conditions.length === 0) return;
  for (const agent of await tx.select(agentColumns).from(agents).where(or(...conditions))) directory.agents.set(agent.id, agent);
}

/** The region whose managers a ticket escalates to: its assignee's, else its team lead's. */
function regionOf(ticket: Ticket, directory: Directory): string | null {
  const assignee = ticket.assigneeId ? directory.agents.get(ticket.assigneeId) : undefined;
  if (assignee) return assignee.region;
  const team = ticket.teamId ? directory.teams.get(ticket.teamId) : undefined;
  const lead = team?.leadId ? directory.agents.get(team.leadId) : undefined;
  return lead?.region ?? null;
}

/** One person a step reaches, and through which of its recipients. */
export interface ResolvedRecipient {
  kind: Recipient["kind"];
  agent: AgentInfo;
}

/**
 * The agents `step` reaches on `ticket`, each once (by the first recipient that names them), and
 * a sentence for every recipient that reaches nobody.
 */
export function resolveRecipients(step: MatrixStep, ticket: Ticket, directory: Directory): { recipients: ResolvedRecipient[]; skipped: string[] } {
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
