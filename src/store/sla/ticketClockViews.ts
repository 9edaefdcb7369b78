// Reading a ticket's SLA clocks for the API: its clock and timer rows with their policies'
// names and calendars, each shown through the core's clockView at the instant given.

import { asc, eq } from "drizzle-orm";
import { type ClockTimer, clockView, type TicketClock } from "../../core/sla/clockView.js";
import type { SlaClock } from "../../core/sla/clocks.js";
import { TARGETS, type Target } from "../../core/sla/policy.js";
import type { TimerState } from "../../core/sla/timerPlan.js";
import type { Db } from "../database.js";
import { slaClocks, slaPolicies, timers } from "../schema.js";
import { instantOf } from "./clockRows.js";
import { loadCalendars } from "./policies.js";

/** The clocks of a ticket at `now`: first response, next response cycles, then resolution. */
export async function ticketClocks(db: Db, number: number, now: Date): Promise<TicketClock[]> {
  const rows = await db
    .select({ clock: slaClocks, policyName: slaPolicies.name })
    .from(slaClocks)
    .innerJoin(slaPolicies, eq(slaPolicies.id, slaClocks.policyId))
    .where(eq(slaClocks.ticketNumber, number));
  if (rows.length === 0) return [];
  const timerRows = await db.select().from(timers).where(eq(timers.ticketNumber, number)).orderBy(asc(timers.dueAt), asc(timers.level));
  const calendar = await loadCalendars(
    db,
    rows.map((r) => r.clock.calendarId),
  );
  const order = (target: string) => TARGETS.indexOf(target as Target);
  return rows
    .sort((a, b) => order(a.clock.target) - order(b.clock.target) || a.clock.cycle - b.clock.cycle)
    .map(({ clock: row, policyName }) => {
      const clock: SlaClock = {
        target: row.target as Target,
        cycle: row.cycle,
        policyId: row.policyId,
        calendarId: row.calendarId,
        startedAt: row.startedAt.getTime(),
        budgetSeconds: row.budgetSeconds,
        pauses: row.pauses,
        stoppedAt: instantOf(row.stoppedAt),
        state: row.state as SlaClock["state"],
        dueAt: instantOf(row.dueAt),
      };
      const clockTimers = timerRows
        .filter((t) => t.clockId === row.id)
        .map((t): ClockTimer => ({
          stepId: t.stepId,
          kind: t.kind as ClockTimer["kind"],
          level: t.level,
          dueAt: t.dueAt,
          state: t.state as TimerState,
          firedAt: t.firedAt,
          lagMs: t.lagMs,
        }));
      return clockView(clock, policyName, clockTimers, calendar(clock.calendarId), now.getTime());
    });
}
