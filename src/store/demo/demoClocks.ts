// The demo tickets' SLA clocks and matrix timers as their histories leave them: each ticket's
// timeline (created, messages, status and priority changes) replayed through the core's clock
// rules under the policy that matches it, then written in bulk. Steps due before the seeding
// are recorded as fired then, so that a first start does not fire weeks of escalations at once.

import { randomUUID } from "node:crypto";
import type { BusinessCalendar } from "../../core/calendar/index.js";
import { advanceClocks, type Happening, type SlaClock } from "../../core/sla/clocks.js";
import { matchPolicy } from "../../core/sla/conditions.js";
import type { SlaPolicy, TicketFacts } from "../../core/sla/policy.js";
import type { Priority, Status } from "../../core/ticket/ticket.js";
import { slaClocks, timers } from "../schema.js";
import { planTimers, type StoredClock } from "../sla/timers.js";
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
    let clocks: SlaClock[] = [];
    let status = (ticket.events[0]?.changes.status?.[1] as Status | undefined) ?? "new";
    let priority = (ticket.events[0]?.changes.priority?.[1] as Priority | undefined) ?? ticket.priority;
    for (const event of ticket.events) {
      let happening: Happening;
      if (event.type === "created") happening = { type: "created" };
      else if (event.type === "message") {
        const kind = ticket.messages[event.message ?? -1]?.kind ?? "reply";
        happening = kind === "customer" ? { type: "customer_message" } : { type: "agent_message", kind };
      } else {
        const statusFrom = status;
        if (event.changes.status) status = event.changes.status[1] as Status;
        if (event.changes.priority) priority = event.changes.priority[1] as Priority;
        happening = { type: "changed", ...(event.changes.status ? { statusFrom } : {}) };
      }
      clocks = advanceClocks(clocks, { now: event.at.getTime(), policy: match?.policy, priority, status, calendar }, happening).clocks;
    }
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
    for (const timer of planTimers(stored, byId, priority, calendar)) {
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
