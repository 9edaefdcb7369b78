// The demo tickets' SLA clocks and matrix timers as their histories leave them: each ticket's
// timeline (created, messages, status and priority changes) replayed through the core's clock
// rules (replayClocks) under the policy that matches it, then written in bulk. Steps due before
// the seeding are recorded as fired then, so that a first start does not fire weeks of
// escalations at once (a recompute plans them to fire late instead: see docs/sla.md).

import { randomUUID } from "node:crypto";
import type { BusinessCalendar } from "../../core/calendar/index.js";
import { matchPolicy } from "../../core/sla/conditions.js";
import type { SlaPolicy, TicketFacts } from "../../core/sla/policy.js";
import { replayClocks } from "../../core/sla/replay.js";
import { slaClocks, timers } from "../schema.js";
import { clockHistoryOf } from "../../core/sla/clockTimeline.js";
import { planTimers, type StoredClock } from "../../core/sla/timerPlan.js";
import type { PlannedTicket } from "./demoTickets.js";

export interface DemoClockRows {
  clocks: (typeof slaClocks.$inferInsert)[];
  timers: (typeof timers.$inferInsert)[];
}

export interface DemoClockProps {
  /** The tickets with their numbers and the facts policies match on (segment, organization). */
  tickets: { number: number; ticket: PlannedTicket; facts: Pick<TicketFacts, "organizationId" | "segment"> }[];
  policies: readonly SlaPolicy[];
  calendar(id: string | null): BusinessCalendar;
  now: Date;
}

/** The clock and timer rows of the demo's tickets. */
export function planDemoClocks({ tickets, policies, calendar, now }: DemoClockProps): DemoClockRows {
  const rows: DemoClockRows = { clocks: [], timers: [] };
  const byId = new Map(policies.map((p) => [p.id, p]));
  for (const { number, ticket, facts } of tickets) {
    const match = matchPolicy(policies, { ...facts, priority: ticket.priority, channel: ticket.channel, language: ticket.language, tags: ticket.tags, productId: ticket.productId, teamId: ticket.teamId, customerId: ticket.customerId, customFields: ticket.customFields });
    const clocks = replayClocks(historyOf(ticket), { policy: match?.policy, calendar });
    const stored: StoredClock[] = clocks.map((clock) => ({ ...clock, id: randomUUID() }));
    for (const clock of stored) {
      rows.clocks.push({
        id: clock.id,
        ticketNumber: number,
        target: clock.target,
        cycle: clock.cycle,
        policyId: clock.policyId,
        calendarId: clock.calendarId,
        startedAt: new Date(clock.startedAt),
        budgetSeconds: clock.budgetSeconds,
        pauses: clock.pauses,
        state: clock.state,
        dueAt: clock.dueAt === null ? null : new Date(clock.dueAt),
        stoppedAt: clock.stoppedAt === null ? null : new Date(clock.stoppedAt),
        updatedAt: ticket.updatedAt,
      });
    }
    for (const timer of planTimers(stored, byId, ticket.priority, calendar)) {
      const due = new Date(timer.dueAt);
      const fired = due <= now;
      rows.timers.push({
        ticketNumber: number,
        clockId: timer.clockId,
        stepId: timer.stepId,
        kind: timer.kind,
        level: timer.level,
        dueAt: due,
        state: fired ? "fired" : "pending",
        firedAt: fired ? due : null,
        lagMs: fired ? 0 : null,
        createdAt: ticket.createdAt,
        updatedAt: fired ? due : ticket.updatedAt,
      });
    }
  }
  return rows;
}

/** A planned ticket's timeline as the clocks see it. */
function historyOf(ticket: PlannedTicket) {
  const events = ticket.events.map((event) => ({
    type: event.type,
    at: event.at.getTime(),
    changes: event.changes,
    kind: event.message === undefined ? null : (ticket.messages[event.message]?.kind ?? null),
  }));
  return clockHistoryOf(events, ticket);
}
