// The durable timers of a ticket's clocks: which matrix steps should be pending and when, and
// the difference with what is stored (timers to write, timers to cancel). A fired timer is
// never planned again: a step fires at most once per clock.

import type { BusinessCalendar, Instant } from "../calendar/index.js";
import type { Priority } from "../ticket/ticket.js";
import type { SlaClock } from "./clocks.js";
import { planSteps } from "./matrix.js";
import type { SlaPolicy } from "./policy.js";

export type TimerState = "pending" | "fired" | "cancelled";

/** A stored timer, as far as planning cares. */
export interface StoredTimer {
  clockId: string;
  stepId: string;
  dueAt: Instant;
  state: TimerState;
}

/** A timer the matrix wants pending. */
export interface PlannedTimer {
  clockId: string;
  stepId: string;
  kind: "reminder" | "level";
  level: number;
  dueAt: Instant;
}

/** A clock with its stored id. */
export type StoredClock = SlaClock & { id: string };

const key = (clockId: string, stepId: string) => `${clockId} ${stepId}`;

/** The timers every running clock wants, from its policy's matrix (paused and stopped clocks want none). */
export function planTimers(
  clocks: readonly StoredClock[],
  policies: ReadonlyMap<string, SlaPolicy>,
  priority: Priority,
  calendar: (id: string | null) => BusinessCalendar,
): PlannedTimer[] {
  const planned: PlannedTimer[] = [];
  for (const clock of clocks) {
    const policy = policies.get(clock.policyId);
    if (!policy || clock.state !== "running") continue;
    for (const { step, dueAt } of planSteps(policy.matrix, clock, priority, calendar(clock.calendarId))) {
      planned.push({ clockId: clock.id, stepId: step.id, kind: step.kind, level: step.level, dueAt });
    }
  }
  return planned;
}

/**
 * What to write so that the stored timers follow the plan: planned timers that are missing,
 * cancelled or pending at another time (never a fired one), and pending timers no longer planned.
 */
export function diffTimers(planned: readonly PlannedTimer[], stored: readonly StoredTimer[]): { write: PlannedTimer[]; cancel: StoredTimer[] } {
  const storedByKey = new Map(stored.map((t) => [key(t.clockId, t.stepId), t]));
  const plannedKeys = new Set(planned.map((t) => key(t.clockId, t.stepId)));
  const write = planned.filter((t) => {
    const existing = storedByKey.get(key(t.clockId, t.stepId));
    return !existing || existing.state === "cancelled" || (existing.state === "pending" && existing.dueAt !== t.dueAt);
  });
  const cancel = stored.filter((t) => t.state === "pending" && !plannedKeys.has(key(t.clockId, t.stepId)));
  return { write, cancel };
}

/** The stored timers after `diffTimers`' answer was written. */
export function applyTimerDiff(stored: readonly StoredTimer[], diff: { write: PlannedTimer[]; cancel: StoredTimer[] }): StoredTimer[] {
  const byKey = new Map(stored.map((t) => [key(t.clockId, t.stepId), t]));
  for (const t of diff.cancel) byKey.set(key(t.clockId, t.stepId), { ...t, state: "cancelled" });
  for (const t of diff.write) byKey.set(key(t.clockId, t.stepId), { clockId: t.clockId, stepId: t.stepId, dueAt: t.dueAt, state: "pending" });
  return [...byKey.values()];
}
