// Escalate-and-forget: every open or accepted escalation without activity for the workspace's
// business hours (on its owner's calendar) reminds its owner once per such stretch, with a
// `handoff_reminder` event on the ticket. Its owner: whoever holds the ticket, else the person
// it was handed to, else the receiving team's lead, else the agent who escalated.

import { reminderDue } from "../../core/escalation/reminder.js";
import { getEscalationSettings, idleEscalations, lockEscalation, markReminded } from "../../store/escalations.js";
import { writeEvents } from "../../store/events.js";
import { loadCalendars } from "../../store/sla/policies.js";
import { getTicket } from "../../store/tickets/ticketRows.js";
import type { Work } from "../work.js";
import { loadPeople, loadTeams, queueNotices } from "./handoffNotices.js";

/** Reminds the owners of idle escalations; returns how many were reminded. */
export async function remindIdleEscalations(work: Work): Promise<number> {
  const { tx, now, actor } = work;
  const settings = await getEscalationSettings(tx);
  const hours = settings.reminderHours;
  let reminded = 0;
  for (const idle of await idleEscalations(tx, now, hours)) {
    const escalation = await lockEscalation(tx, idle.id);
    const ticket = await getTicket(tx, idle.ticketNumber);
    if (!escalation || !ticket || (escalation.status !== "open" && escalation.status !== "accepted")) continue;
    const teams = await loadTeams(tx, [escalation.toTeamId]);
    const lead = escalation.toTeamId ? (teams.get(escalation.toTeamId)?.leadId ?? null) : null;
    const ownerId = ticket.assigneeId ?? escalation.toAgentId ?? lead ?? escalation.fromAgentId;
    const owner = ownerId ? (await loadPeople(tx, [ownerId])).get(ownerId) : undefined;
    if (!owner) continue;
    const ownTeam = owner.teamId ? (await loadTeams(tx, [owner.teamId])).get(owner.teamId) : undefined;
    const calendarId = owner.calendarId ?? ownTeam?.calendarId ?? null;
    const calendar = calendarId ? (await loadCalendars(tx, [calendarId]))(calendarId) : null;
    if (!reminderDue({ lastActivityAt: idle.lastActivityAt, remindedAt: idle.remindedAt, now, calendar, hours })) continue;
    await markReminded(tx, escalation.id, now);
    await writeEvents(tx, [
      { ticketNumber: ticket.number, at: now, actor, type: "handoff_reminder", data: { escalationId: escalation.id, agentId: owner.id, hours } },
    ]);
    await queueNotices(tx, {
      kind: "reminder",
      ticketNumber: ticket.number,
      escalationId: escalation.id,
      recipients: [owner],
      values: () => ({ subject: ticket.subject, hours }),
      now,
    });
    reminded += 1;
  }
  return reminded;
}
