// One matrix step firing on one ticket, inside the batch's transaction: who it reaches, what it
// does (each ticket change in a savepoint of its own, so that one failed action is reported
// and the rest still happen), and the `escalation` event that explains it all.

import { appendMessage } from "../../commands/tickets/addMessage.js";
import { applyChanges } from "../../commands/tickets/changeTicket.js";
import { workIn } from "../../commands/work.js";
import type { BusinessCalendar } from "../../core/calendar/index.js";
import { escalationReason, escalationText } from "../../core/notify/escalationTexts.js";
import type { MatrixStep, SlaPolicy, StepAction, Target } from "../../core/sla/policy.js";
import { PRIORITIES, type Priority } from "../../core/ticket/ticket.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import type { Db } from "../../store/database.js";
import type { Actor } from "../../store/events.js";
import type { OutboxItem } from "../../store/outbox.js";
import type { ticketEvents } from "../../store/schema.js";
import type { ClockRow } from "./firingContext.js";
import { type AgentInfo, type Directory, resolveRecipients } from "./recipients.js";
import type { DueTimer } from "./timerRows.js";

/** A step fired more than this long after its due time is marked late (the engine was down or behind). */
export const LATE_AFTER_MS = 60_000;

const SYSTEM: Actor = { type: "system" };

export interface StepFiring {
  timer: DueTimer;
  clock: ClockRow;
  policy: SlaPolicy;
  step: MatrixStep;
  /** The ticket, locked by this transaction, as the previous steps left it. */
  ticket: Ticket;
  now: Date;
  directory: Directory;
  /** The calendars of the directory's agents and teams, and of the policy. */
  calendar(id: string | null): BusinessCalendar;
  /** The first level to fire on this clock: the clock breached. */
  breached: boolean;
  /** The id the `escalation` event takes, drawn before the actions so that it precedes their events. */
  eventId: number;
  workerId: string;
}

/** A notification for one agent, queued in-app and by e-mail (the delivery worker makes the bell's row). */
export interface Notice {
  agent: AgentInfo;
  ticketNumber: number;
  title: string;
  body: string;
  locale: string;
  /** Quiet hours: not before the agent's next working instant. */
  notBefore?: Date;
  data: Record<string, unknown>;
}

export interface StepResult {
  /** The ticket after the step's actions. */
  ticket: Ticket;
  /** Whether an action changed the ticket (the store may have replanned its timers). */
  changed: boolean;
  event: typeof ticketEvents.$inferInsert;
  notices: Notice[];
  /** Webhooks. */
  outbox: OutboxItem[];
}

/** Runs one step: resolves its recipients, performs its actions, and returns what to write. */
export async function fireStep(tx: Db, firing: StepFiring): Promise<StepResult> {
  const { timer, clock, policy, step, now, directory } = firing;
  let ticket = firing.ticket;
  const lagMs = Math.max(0, now.getTime() - timer.dueAt.getTime());
  const late = lagMs > LATE_AFTER_MS;
  const deadline = (clock.dueAt ?? timer.dueAt).getTime();
  const target = clock.target as Target;
  const reason = escalationReason({ policyName: policy.name, kind: step.kind, level: step.level, target, deadline, now: now.getTime(), ...(late ? { lateByMs: lagMs } : {}) });
  const { recipients, skipped } = resolveRecipients(step, ticket, directory);
  const actions: string[] = [];
  const notices: Notice[] = [];
  const outbox: OutboxItem[] = [];
  let changed = false;

  /** Runs a ticket change in a savepoint: a failure is reported, and rolls back only this action. */
  const change = async (type: StepAction["type"], work: (sp: Db) => Promise<{ ticket: Ticket; done: string } | { skip: string }>) => {
    try {
      const outcome = await tx.transaction(async (sp) => work(sp as unknown as Db));
      if ("skip" in outcome) {
        skipped.push(`${type}: ${outcome.skip}`);
        return;
      }
      ticket = outcome.ticket;
      changed = true;
      actions.push(outcome.done);
    } catch (error) {
      skipped.push(`${type}: failed: ${(error as Error).message}`);
    }
  };

  const notifies = step.actions.length === 0 || step.actions.some((a) => a.type === "notify");
  for (const action of step.actions) {
    switch (action.type) {
      case "notify":
        break;
      case "reassign":
        await change("reassign", async (sp) => {
          const agent = action.agentId ? directory.agents.get(action.agentId) : undefined;
          const team = action.teamId ? directory.teams.get(action.teamId) : undefined;
          if (action.agentId && !agent?.active) return { skip: `no active agent ${action.agentId}` };
          if (action.teamId && !team) return { skip: `no team ${action.teamId}` };
          // To a team alone: its queue, unless the assignee already belongs to that team.
          const current = ticket.assigneeId ? directory.agents.get(ticket.assigneeId) : undefined;
          const assigneeId = agent ? agent.id : team && current?.teamId !== team.id ? null : ticket.assigneeId;
          const teamId = team ? team.id : (agent?.teamId ?? ticket.teamId);
          if (assigneeId === ticket.assigneeId && teamId === ticket.teamId) return { skip: "already assigned so" };
          const after = await applyChanges(workIn(sp, { now, actor: SYSTEM }), { ticket, changes: { assigneeId, teamId }, reason });
          return { ticket: after, done: agent ? `reassigned to ${agent.name}` : `reassigned to team ${team?.name}` };
        });
        break;
      case "raise_priority":
        await change("raise_priority", async (sp) => {
          const rank = (p: Priority) => PRIORITIES.indexOf(p);
          const to = action.to ?? PRIORITIES[Math.min(rank(ticket.priority) + 1, PRIORITIES.length - 1)];
          if (!to || rank(to) <= rank(ticket.priority)) return { skip: `already ${ticket.priority}` };
          const from = ticket.priority;
          return { ticket: await applyChanges(workIn(sp, { now, actor: SYSTEM }), { ticket, changes: { priority: to }, reason }), done: `raised priority ${from} → ${to}` };
        });
        break;
      case "set_tier":
        await change("set_tier", async (sp) => {
          if (ticket.tier === action.tier) return { skip: `already ${action.tier}` };
          const from = ticket.tier;
          return { ticket: await applyChanges(workIn(sp, { now, actor: SYSTEM }), { ticket, changes: { tier: action.tier }, reason }), done: `set tier ${from} → ${action.tier}` };
        });
        break;
      case "add_followers":
        await change("add_followers", async (sp) => {
          const added = recipients.map((r) => r.agent).filter((a) => !ticket.followers.includes(a.id));
          if (added.length === 0) return { skip: recipients.length ? "every recipient already follows" : "no recipient to add" };
          const after = await applyChanges(workIn(sp, { now, actor: SYSTEM }), { ticket, changes: { followers: [...ticket.followers, ...added.map((a) => a.id)] }, reason });
          return { ticket: after, done: `added followers ${added.map((a) => a.name).join(", ")}` };
        });
        break;
      case "add_note":
        await change("add_note", async (sp) => {
          const { ticket: after } = await appendMessage(workIn(sp, { now, actor: SYSTEM }), { ticket, kind: "note", text: action.text });
          return { ticket: after, done: "added a note" };
        });
        break;
      case "webhook":
        outbox.push({
          kind: "webhook",
          ticketNumber: ticket.number,
          address: action.url,
          payload: {
            body: {
              event: "sla.escalation",
              ticket: { number: ticket.number, subject: ticket.subject, status: ticket.status, priority: ticket.priority, tier: ticket.tier, teamId: ticket.teamId, assigneeId: ticket.assigneeId },
              policy: { id: policy.id, name: policy.name },
              target,
              step: { id: step.id, kind: step.kind, level: step.level },
              level: step.level,
              dueAt: timer.dueAt.toISOString(),
              firedAt: now.toISOString(),
              lagMs,
              late,
            },
            secret: action.secret,
          },
        });
        actions.push(`queued webhook to ${action.url}`);
        break;
    }
  }

  if (notifies) {
    if (recipients.length === 0) skipped.push("notify: nobody to notify");
    for (const { agent } of recipients) {
      const calendarId = agent.calendarId ?? (agent.teamId ? (directory.teams.get(agent.teamId)?.calendarId ?? null) : null);
      const hours = calendarId ? firing.calendar(calendarId) : undefined;
      const zone = (hours ?? (policy.calendarId ? firing.calendar(policy.calendarId) : undefined))?.zone.name ?? "UTC";
      const text = escalationText({ locale: agent.locale, timeZone: zone, ticket, kind: step.kind, level: step.level, target, policyName: policy.name, deadline, now: now.getTime() });
      const away = hours !== undefined && !hours.isOpen(now.getTime());
      const notBefore = away && !step.urgent ? nextOpening(hours, now) : undefined;
      const channels = agent.email ? "in-app, e-mail" : "in-app";
      const hold = notBefore ? `; held until ${notBefore.toISOString()}, outside working hours` : away ? "; urgent: sent outside working hours" : "";
      actions.push(`notified ${agent.name} (${channels}${hold})`);
      notices.push({
        agent,
        ticketNumber: ticket.number,
        title: text.title,
        body: text.body,
        locale: text.locale,
        ...(notBefore ? { notBefore } : {}),
        data: { type: "escalation", timerId: timer.id, policyId: policy.id, stepId: step.id, kind: step.kind, level: step.level, target },
      });
    }
  }

  const event: typeof ticketEvents.$inferInsert = {
    id: firing.eventId,
    ticketNumber: ticket.number,
    at: now,
    actorType: "system",
    actorId: null,
    type: "escalation",
    changes: {},
    reason,
    data: {
      timerId: timer.id,
      policyId: policy.id,
      policyName: policy.name,
      target,
      cycle: clock.cycle,
      stepId: step.id,
      kind: step.kind,
      level: step.level,
      dueAt: timer.dueAt.toISOString(),
      deadline: new Date(deadline).toISOString(),
      firedAt: now.toISOString(),
      lagMs,
      late,
      ...(firing.breached ? { breached: true } : {}),
      recipients: recipients.map((r) => ({ kind: r.kind, agentId: r.agent.id, name: r.agent.name })),
      actions,
      ...(skipped.length ? { skipped } : {}),
      worker: firing.workerId,
    },
  };
  return { ticket, changed, event, notices, outbox };
}

/** The agent's next working instant; none (a calendar with no open time left) holds nothing. */
function nextOpening(hours: BusinessCalendar, now: Date): Date | undefined {
  try {
    return new Date(hours.nextOpen(now.getTime()));
  } catch {
    return undefined;
  }
}
