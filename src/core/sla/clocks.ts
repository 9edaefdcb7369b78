// SLA clocks: one per target on a ticket (and one per cycle for next response). A clock runs
// from its start, pauses while the ticket sits in a pausing status, stops when its target is
// met, and is due when its budget of business time (with pauses) is used up.

import { BusinessCalendar, type Instant, NoOpenTimeError, parseCalendar } from "../calendar/index.js";
import type { Priority, Status } from "../ticket/ticket.js";
import { budgetSeconds, type SlaPolicy, type Target } from "./policy.js";

export type ClockState = "running" | "paused" | "met" | "cancelled";

export interface SlaClock {
  target: Target;
  /** 1 for first response and resolution; next response counts its cycles 1, 2, 3… */
  cycle: number;
  policyId: string;
  /** The policy's calendar when the clock was last computed; null: wall clock (24/7). */
  calendarId: string | null;
  startedAt: Instant;
  budgetSeconds: number;
  /** Wall-clock intervals during which the clock did not run; the last one may be open (null end). */
  pauses: [Instant, Instant | null][];
  /** When the clock was met or cancelled. */
  stoppedAt: Instant | null;
  state: ClockState;
  /**
   * When the budget runs out. Null while paused (the due time moves with the pause), unless
   * the budget ran out before the pause began: a breached clock stays due when it pauses.
   */
  dueAt: Instant | null;
}

/** Open around the clock, in UTC: the calendar of wall-clock targets. */
export const ALWAYS_OPEN = new BusinessCalendar(
  parseCalendar({
    timezone: "UTC",
    hours: Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((day) => [day, [["00:00", "24:00"]]])),
  }),
);

/** What happened to the ticket, as far as clocks care. */
export type Happening =
  | { type: "created" }
  /** An agent's public reply, an internal note or an answered outbound call (these two a response only if the policy says so). */
  | { type: "agent_message"; kind: "reply" | "note" | "call" }
  | { type: "customer_message" }
  /** Status, priority or policy changed: clocks follow the ticket as it now is. */
  | { type: "changed"; statusFrom?: Status };

export interface ClockContext {
  now: Instant;
  /** The policy that applies now (after any re-match), or undefined when none does. */
  policy: SlaPolicy | undefined;
  priority: Priority;
  status: Status;
  /** The calendar of a policy's `calendarId`; null gives the wall clock. */
  calendar(id: string | null): BusinessCalendar;
}

/** A change to one clock, for the timeline. */
export interface ClockChange {
  target: Target;
  cycle: number;
  change: "started" | "paused" | "resumed" | "met" | "cancelled" | "due_changed";
  dueAt: Instant | null;
  /** For `met`: seconds past the due time (0 when met in time). */
  lateBySeconds?: number;
}

const LIVE: ReadonlySet<ClockState> = new Set(["running", "paused"]);

/** Whether a clock can still be met (running or paused). */
export const isLive = (clock: SlaClock) => LIVE.has(clock.state);

/** The closed pauses of a clock, clipped to `until` for an open one. */
function closedPauses(clock: SlaClock, until: Instant): [Instant, Instant][] {
  return clock.pauses.map(([from, to]) => [from, to ?? until] as [Instant, Instant]).filter(([from, to]) => to > from);
}

/**
 * When a running clock's budget runs out, given its pauses; null when the calendar cannot reach
 * it within its horizon (a policy saved before saves refused such targets, or hours since cut):
 * the clock then runs without a due time, not plannable, so that a ticket change never fails on it.
 */
export function dueOf(clock: SlaClock, calendar: BusinessCalendar): Instant | null {
  try {
    return calendar.add(clock.startedAt, clock.budgetSeconds, closedPauses(clock, clock.startedAt));
  } catch (error) {
    if (error instanceof NoOpenTimeError) return null;
    throw error;
  }
}

/** Business seconds the clock has run by `at` (its pauses excluded). */
export function elapsedOf(clock: SlaClock, calendar: BusinessCalendar, at: Instant): number {
  const end = clock.stoppedAt !== null ? Math.min(clock.stoppedAt, at) : at;
  if (end <= clock.startedAt) return 0;
  return calendar.elapsed(clock.startedAt, end, closedPauses(clock, end));
}

/**
 * The due time of a paused clock: the one it had when the budget ran out before the pause
 * began (a pause does not undo a breach), else null (the due time moves with the pause).
 */
export function dueWhilePaused(clock: SlaClock, calendar: BusinessCalendar): Instant | null {
  const open = clock.pauses.at(-1);
  if (!open || open[1] !== null) return dueOf(clock, calendar);
  const due = dueOf(clock, calendar);
  return due !== null && due <= open[0] ? due : null;
}

/** Whether a clock is past due at `at`: live after its due time (paused too), or met late. */
export function isBreached(clock: SlaClock, at: Instant): boolean {
  if (clock.dueAt === null) return false;
  if (clock.state === "met") return (clock.stoppedAt ?? at) > clock.dueAt;
  return isLive(clock) && at >= clock.dueAt;
}

/**
 * The clocks after a happening: starts, meets or cancels clocks, then brings every live clock
 * in line with the ticket as it now is (pausing status, policy, priority) and recomputes due
 * times. Returns every clock (changed or not) and the list of changes.
 */
export function advanceClocks(clocks: readonly SlaClock[], context: ClockContext, happening: Happening): { clocks: SlaClock[]; changes: ClockChange[] } {
  const { now, policy, priority, status } = context;
  const next = clocks.map((c) => ({ ...c, pauses: c.pauses.map((p) => [...p] as [Instant, Instant | null]) }));
  const changes: ClockChange[] = [];
  const note = (clock: SlaClock, change: ClockChange["change"], extra: Partial<ClockChange> = {}) =>
    changes.push({ target: clock.target, cycle: clock.cycle, change, dueAt: clock.dueAt, ...extra });
  const live = (target: Target) => next.find((c) => c.target === target && isLive(c));

  const start = (target: Target, cycle: number) => {
    if (!policy) return;
    const budget = budgetSeconds(policy, priority, target);
    if (budget === null) return;
    const clock: SlaClock = {
      target,
      cycle,
      policyId: policy.id,
      calendarId: policy.calendarId,
      startedAt: now,
      budgetSeconds: budget,
      pauses: [],
      stoppedAt: null,
      state: "running",
      dueAt: null,
    };
    next.push(clock);
    clock.dueAt = dueOf(clock, context.calendar(clock.calendarId));
    note(clock, "started");
  };
  const stop = (clock: SlaClock, state: "met" | "cancelled") => {
    const calendar = context.calendar(clock.calendarId);
    closeOpenPause(clock, now);
    if (clock.state === "paused" || clock.dueAt === null) clock.dueAt = dueOf(clock, calendar);
    clock.state = state;
    clock.stoppedAt = now;
    // Late by business seconds, as elapsed and remaining times are counted.
    if (state === "met") note(clock, "met", { lateBySeconds: Math.max(0, elapsedOf(clock, calendar, now) - clock.budgetSeconds) });
    else note(clock, "cancelled");
  };

  switch (happening.type) {
    case "created":
      start("first_response", 1);
      start("resolution", 1);
      break;
    case "agent_message": {
      if (happening.kind === "note" && !policy?.noteCountsAsResponse) break;
      if (happening.kind === "call" && !policy?.callCountsAsResponse) break;
      for (const target of ["first_response", "next_response"] as const) {
        const clock = live(target);
        if (clock) stop(clock, "met");
      }
      break;
    }
    case "customer_message": {
      // Waiting on a first response already measures this; otherwise a next-response cycle starts.
      if (live("first_response") || live("next_response")) break;
      const cycles = next.filter((c) => c.target === "next_response").map((c) => c.cycle);
      start("next_response", cycles.length ? Math.max(...cycles) + 1 : 1);
      break;
    }
    case "changed":
      break;
  }

  const finished = status === "solved" || status === "closed";
  for (const clock of next) {
    // A solved ticket meets its resolution; a reopened one (by a status change or by the
    // customer writing) resumes it, the solved time paused. Only solving meets a resolution.
    if (clock.target === "resolution" && clock.state === "met" && !finished) {
      clock.pauses.push([clock.stoppedAt as Instant, now]);
      clock.stoppedAt = null;
      clock.state = "running";
      clock.dueAt = dueOf(clock, context.calendar(clock.calendarId));
      note(clock, "resumed");
    }
    if (!isLive(clock)) continue;
    if (finished) {
      stop(clock, clock.target === "resolution" ? "met" : "cancelled");
      continue;
    }
    // Follow the policy and priority as they are now: elapsed time and pauses carry over.
    const budget = policy ? budgetSeconds(policy, priority, clock.target) : null;
    if (!policy || budget === null) {
      stop(clock, "cancelled");
      continue;
    }
    clock.policyId = policy.id;
    clock.calendarId = policy.calendarId;
    clock.budgetSeconds = budget;
    const pausing = policy.pauseStatuses.includes(status);
    if (pausing && clock.state === "running") {
      clock.pauses.push([now, null]);
      clock.state = "paused";
      clock.dueAt = dueWhilePaused(clock, context.calendar(clock.calendarId));
      note(clock, "paused");
    } else if (!pausing && clock.state === "paused") {
      closeOpenPause(clock, now);
      clock.state = "running";
      clock.dueAt = dueOf(clock, context.calendar(clock.calendarId));
      note(clock, "resumed");
    } else {
      // The due time follows the budget and the calendar as they are now: a new policy or
      // priority, but also a calendar whose hours were edited under the same id.
      const calendar = context.calendar(clock.calendarId);
      const due = clock.state === "running" ? dueOf(clock, calendar) : dueWhilePaused(clock, calendar);
      if (due !== clock.dueAt) {
        clock.dueAt = due;
        note(clock, "due_changed");
      }
    }
  }
  return { clocks: next, changes };
}

function closeOpenPause(clock: SlaClock, now: Instant): void {
  const last = clock.pauses.at(-1);
  if (last && last[1] === null) last[1] = now;
}
