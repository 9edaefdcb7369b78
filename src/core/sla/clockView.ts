// A clock as the API and the app show it: its state with business time elapsed and remaining,
// how late it is, its warning window (from its first reminder) and its step timers.

import type { BusinessCalendar, Instant } from "../calendar/index.js";
import { elapsedOf, isBreached, type SlaClock } from "./clocks.js";
import type { Target } from "./policy.js";
import type { TimerState } from "./timerPlan.js";

/** One step timer of a clock. */
export interface ClockTimer {
  stepId: string;
  kind: "reminder" | "level";
  level: number;
  dueAt: Date;
  state: TimerState;
  firedAt: Date | null;
  /** Milliseconds between the due time and the firing. */
  lagMs: number | null;
}

/** A clock as the API and the app show it. */
export interface TicketClock {
  target: Target;
  cycle: number;
  policyId: string;
  policyName: string;
  state: SlaClock["state"];
  /** Live past its due time, or met late. */
  breached: boolean;
  startedAt: Date;
  dueAt: Date | null;
  stoppedAt: Date | null;
  pauses: [Date, Date | null][];
  budgetSeconds: number;
  /** Business seconds the clock has run (pauses excluded), up to now or its stop. */
  elapsedSeconds: number;
  /** Business seconds left before the due time; 0 once due. */
  remainingSeconds: number;
  /** Business seconds past the due time, when met late or breached; else null. */
  lateBySeconds: number | null;
  /** When the clock enters its warning (its first reminder's due time); null without a reminder. */
  warningAt: Date | null;
  /** Running, not yet due, and past its warning instant: the reminder window. */
  warning: boolean;
  timers: ClockTimer[];
}

const date = (ms: Instant | null) => (ms === null ? null : new Date(ms));

/**
 * The view of `clock` at `at`, with its step timers in their order: elapsed and remaining
 * business time on its calendar; the warning starts at its earliest reminder not cancelled.
 */
export function clockView(clock: SlaClock, policyName: string, timers: readonly ClockTimer[], calendar: BusinessCalendar, at: Instant): TicketClock {
  const elapsed = elapsedOf(clock, calendar, at);
  const reminders = timers.filter((t) => t.kind === "reminder" && t.state !== "cancelled").map((t) => t.dueAt.getTime());
  const warningAt = reminders.length > 0 ? Math.min(...reminders) : null;
  const breached = isBreached(clock, at);
  return {
    target: clock.target,
    cycle: clock.cycle,
    policyId: clock.policyId,
    policyName,
    state: clock.state,
    breached,
    startedAt: new Date(clock.startedAt),
    dueAt: date(clock.dueAt),
    stoppedAt: date(clock.stoppedAt),
    pauses: clock.pauses.map(([from, to]) => [new Date(from), date(to)] as [Date, Date | null]),
    budgetSeconds: clock.budgetSeconds,
    elapsedSeconds: elapsed,
    remainingSeconds: Math.max(0, clock.budgetSeconds - elapsed),
    lateBySeconds: breached ? Math.max(0, elapsed - clock.budgetSeconds) : null,
    warningAt: date(warningAt),
    warning: clock.state === "running" && !breached && warningAt !== null && warningAt <= at,
    timers: [...timers],
  };
}
