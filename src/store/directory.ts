// The directory a batch of matrix steps needs (agents, teams, managers of assignees and of
// regions, on-call schedules and everyone they name), read in a handful of queries whatever the
// batch size.

import { and, eq, inArray, or, type SQL } from "drizzle-orm";
import { type Directory, regionOf, type TicketHolders } from "../core/directory/directory.js";
import { compileSchedule, InvalidScheduleError, peopleOf } from "../core/oncall/scheduleSpec.js";
import type { MatrixStep } from "../core/sla/policy.js";
import type { Db } from "./database.js";
import { oncallSchedulesByIds, specOf } from "./oncall.js";
import { agents, teams } from "./schema.js";
import { isUuid } from "./sql/uuid.js";

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
  timeZone: agents.timeZone,
  active: agents.active,
};
const teamColumns = { id: teams.id, name: teams.name, leadId: teams.leadId, calendarId: teams.calendarId, onCallScheduleId: teams.onCallScheduleId };

/** Reads everyone the `steps` may reach on `tickets`: a handful of queries, whatever the batch size. */
export async function loadDirectory(
  tx: Db,
  tickets: readonly TicketHolders[],
  steps: readonly Pick<MatrixStep, "recipients" | "actions">[],
): Promise<Directory> {
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
  await addSchedules(tx, directory, tickets, recipients, agentIds);
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

/** The schedules `on_call` recipients name, or their tickets' teams' when they name none; everyone in them joins `agentIds`. */
async function addSchedules(
  tx: Db,
  directory: Directory,
  tickets: readonly TicketHolders[],
  recipients: readonly MatrixStep["recipients"][number][],
  agentIds: Set<string>,
): Promise<void> {
  const ids = new Set<string>();
  for (const r of recipients) {
    if (r.kind !== "on_call") continue;
    if (r.scheduleId) ids.add(r.scheduleId);
    else
      for (const ticket of tickets) {
        const scheduleId = ticket.teamId ? directory.teams.get(ticket.teamId)?.onCallScheduleId : undefined;
        if (scheduleId) ids.add(scheduleId);
      }
  }
  if (ids.size === 0) return;
  directory.schedules ??= new Map();
  for (const row of await oncallSchedulesByIds(tx, [...ids])) {
    const spec = specOf(row);
    let schedule;
    try {
      schedule = compileSchedule(spec);
    } catch (error) {
      // Validated when saved; one the runtime no longer reads (a zone gone) reaches nobody.
      if (!(error instanceof InvalidScheduleError)) throw error;
    }
    directory.schedules.set(row.id, { id: row.id, name: row.name, schedule });
    for (const who of peopleOf(spec)) if (isUuid(who)) agentIds.add(who);
  }
}

async function addTeams(tx: Db, directory: Directory, ids: Set<string>): Promise<void> {
  const missing = [...ids].filter((id) => !directory.teams.has(id));
  if (missing.length === 0) return;
  for (const team of await tx.select(teamColumns).from(teams).where(inArray(teams.id, missing))) directory.teams.set(team.id, team);
}

async function addAgents(tx: Db, directory: Directory, conditions: SQL[]): Promise<void> {
  if (conditions.length === 0) return;
  for (const agent of await tx
    .select(agentColumns)
    .from(agents)
    .where(or(...conditions)))
    directory.agents.set(agent.id, agent);
}
