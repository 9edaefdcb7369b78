// The directory of agents and teams an escalation or a rule may reach, as loaded for a batch:
// who exists, who leads and manages whom, where they work and in which hours, who is on call.

import type { CompiledSchedule } from "../oncall/scheduleSpec.js";

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
  /** The zone the agent chose to read instants in; null: their working calendar's. */
  timeZone?: string | null;
  active: boolean;
}

export interface TeamInfo {
  id: string;
  name: string;
  leadId: string | null;
  calendarId: string | null;
  /** The team's on-call schedule (an `on_call` recipient without a schedule of its own reads it). */
  onCallScheduleId?: string | null;
}

/** An on-call schedule as a batch reads it; `schedule` undefined when the stored one no longer compiles. */
export interface ScheduleInfo {
  id: string;
  name: string;
  schedule: CompiledSchedule | undefined;
}

/** The agents and teams a batch may reach, by id. */
export interface Directory {
  agents: Map<string, AgentInfo>;
  teams: Map<string, TeamInfo>;
  /** The on-call schedules the batch's `on_call` recipients name (and everyone they name, in `agents`). */
  schedules?: Map<string, ScheduleInfo>;
}

/** What the directory needs to know of a ticket: who holds it. */
export interface TicketHolders {
  assigneeId: string | null;
  teamId: string | null;
}

/** The region whose managers a ticket escalates to: its assignee's, else its team lead's. */
export function regionOf(ticket: TicketHolders, directory: Directory): string | null {
  const assignee = ticket.assigneeId ? directory.agents.get(ticket.assigneeId) : undefined;
  if (assignee) return assignee.region;
  const team = ticket.teamId ? directory.teams.get(ticket.teamId) : undefined;
  const lead = team?.leadId ? directory.agents.get(team.leadId) : undefined;
  return lead?.region ?? null;
}

/** The calendar of an agent's working hours: their own, else their team's; null: always at work. */
export function workingCalendarId(agent: AgentInfo, directory: Directory): string | null {
  return agent.calendarId ?? (agent.teamId ? (directory.teams.get(agent.teamId)?.calendarId ?? null) : null);
}
