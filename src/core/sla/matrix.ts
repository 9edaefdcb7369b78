// The escalation matrix on one clock: when each reminder and level is due. A reminder fires
// its offset before the due time, a level its offset after it, in business minutes on the
// policy's calendar or in wall-clock minutes, as the step says.

import { type BusinessCalendar, type Instant, NoOpenTimeError } from "../calendar/index.js";
import type { Priority } from "../ticket/ticket.js";
import { ALWAYS_OPEN, type SlaClock } from "./clocks.js";
import type { EscalationMatrix, MatrixStep } from "./policy.js";

export interface PlannedStep {
  step: MatrixStep;
  dueAt: Instant;
}

/** Whether a step watches this clock's target at this priority. */
export function stepApplies(step: MatrixStep, clock: SlaClock, priority: Priority): boolean {
  return (!step.targets || step.targets.includes(clock.target)) && (!step.priorities || step.priorities.includes(priority));
}

/**
 * The steps of `matrix` for a running clock, with their due instants, in firing order. A
 * paused, met or cancelled clock has none. Reminders that would fall before the clock started
 * are left out (the budget is shorter than the reminder). Levels count from the due time,
 * less any time paused after it. With a start level for the
 * priority, lower levels are left out and the start level fires at the due time.
 */
export function planSteps(matrix: EscalationMatrix, clock: SlaClock, priority: Priority, calendar: BusinessCalendar): PlannedStep[] {
  if (clock.state !== "running" || clock.dueAt === null) return [];
  const due = clock.dueAt;
  const pauses = clock.pauses.filter((p): p is [Instant, Instant] => p[1] !== null);
  const steps = matrix.steps.filter((s) => stepApplies(s, clock, priority));
  const startLevel = matrix.startLevel?.[priority] ?? 0;
  const levels = steps.filter((s) => s.kind === "level" && s.level >= startLevel);
  const shift = startLevel > 0 && levels.length > 0 ? Math.min(...levels.map((s) => s.offsetMinutes)) : 0;
  const planned: PlannedStep[] = [];
  for (const step of steps) {
    try {
      planStep(step);
    } catch (error) {
      // A step its calendar cannot place within the horizon is left out, like one before the start.
      if (!(error instanceof NoOpenTimeError)) throw error;
    }
  }
  return planned.sort((a, b) => a.dueAt - b.dueAt || a.step.level - b.step.level);

  function planStep(step: MatrixStep): void {
    if (step.kind === "reminder") {
      const seconds = step.offsetMinutes * 60;
      const at = step.clock === "wall" ? due - seconds * 1000 : calendar.subtract(due, seconds, pauses);
      if (at >= clock.startedAt) planned.push({ step, dueAt: at });
    } else if (step.level >= startLevel) {
      const seconds = (step.offsetMinutes - shift) * 60;
      // Time paused after the due time (a breached ticket waiting on the customer) does not count either.
      const at = (step.clock === "wall" ? ALWAYS_OPEN : calendar).add(due, seconds, pauses);
      planned.push({ step, dueAt: at });
    }
  }
}
