// When a ticket's clocks must be rebuilt from its history (they do not cover what its policy
// measures), and how the rebuilt clocks take the stored ones' place, keeping their ids.

import type { BusinessCalendar, Instant } from "../calendar/index.js";
import type { Ticket } from "../ticket/ticketRecord.js";
import { type ClockChange, dueOf, elapsedOf, isLive, type SlaClock } from "./clocks.js";
import { budgetSeconds, type SlaPolicy, TARGETS, type Target } from "./policy.js";
import type { StoredClock } from "./timerPlan.js";

/** The ticket fields that tell which targets are still owed. */
export type OwedFacts = Pick<Ticket, "status" | "priority" | "firstResponseAt" | "lastCustomerMessageAt" | "lastAgentMessageAt">;

/**
 * Whether a ticket's clocks cover what `policy` now measures: false when it has no clock at all
 * while the policy measures one of its targets, or when a measured target has no live clock
 * though it is still owed (the ticket is not solved; no response yet for a first response; the
 * customer waits on a reply for a next response). Such a ticket's clocks are rebuilt from its
 * history; otherwise they carry over.
 */
export function clocksCover(clocks: readonly SlaClock[], policy: SlaPolicy, ticket: OwedFacts): boolean {
  const measured = TARGETS.filter((target) => budgetSeconds(policy, ticket.priority, target) !== null);
  if (measured.length === 0) return true;
  if (clocks.length === 0) return false;
  if (ticket.status === "solved" || ticket.status === "closed") return true;
  const live = (target: Target) => clocks.some((c) => c.target === target && isLive(c));
  const waiting = ticket.lastCustomerMessageAt !== null && (ticket.lastAgentMessageAt === null || ticket.lastCustomerMessageAt > ticket.lastAgentMessageAt);
  const owed: Record<Target, () => boolean> = {
    first_response: () => ticket.firstResponseAt === null && !clocks.some((c) => c.target === "first_response" && c.state === "met"),
    next_response: () => waiting && !live("first_response"),
    resolution: () => true,
  };
  return measured.every((target) => live(target) || !owed[target]());
}

/** A clock, stored (with its id) or not yet. */
export type RebuiltClock = SlaClock & { id?: string };

/**
 * The clocks of a ticket once rebuilt from `replayed`: each replayed clock takes the place of the
 * stored one of the same target and cycle, keeping its id (so that a step fired on it does not
 * fire again); a stored live clock the replay does not give is cancelled at `now`; other stored
 * clocks stay as they are. With the changes to tell in the timeline.
 */
export function rebuildClocks(
  stored: readonly StoredClock[],
  replayed: readonly SlaClock[],
  now: Instant,
  calendar: (id: string | null) => BusinessCalendar,
): { clocks: RebuiltClock[]; changes: ClockChange[] } {
  const taken = new Set<string>();
  const clocks: RebuiltClock[] = replayed.map((clock) => {
    const same = stored.find((s) => s.target === clock.target && s.cycle === clock.cycle);
    if (!same) return clock;
    taken.add(same.id);
    return { ...clock, id: same.id };
  });
  for (const clock of stored) {
    if (taken.has(clock.id)) continue;
    if (!isLive(clock)) {
      clocks.push(clock);
      continue;
    }
    const pauses = clock.pauses.map(([from, to]) => [from, to ?? now] as [Instant, Instant]);
    const closed: StoredClock = { ...clock, pauses, state: "cancelled", stoppedAt: now };
    clocks.push({ ...closed, dueAt: clock.dueAt ?? dueOf(closed, calendar(clock.calendarId)) });
  }
  const byId = new Map(stored.map((c) => [c.id, c]));
  const changes: ClockChange[] = [];
  for (const clock of clocks) {
    const change = changeOf(clock.id === undefined ? undefined : byId.get(clock.id), clock);
    if (!change) continue;
    const late = change === "met" ? { lateBySeconds: lateBySeconds(clock, calendar(clock.calendarId), now) } : {};
    changes.push({ target: clock.target, cycle: clock.cycle, change, dueAt: clock.dueAt, ...late });
  }
  return { clocks, changes };
}

/** What became of a clock, for the timeline; undefined when nothing shows. */
function changeOf(before: StoredClock | undefined, after: RebuiltClock): ClockChange["change"] | undefined {
  if (!before) return isLive(after) ? "started" : after.state === "met" ? "met" : "cancelled";
  if (after.state !== before.state) {
    if (after.state === "met" || after.state === "cancelled") return after.state;
    if (!isLive(before)) return "resumed";
    return after.state === "paused" ? "paused" : "resumed";
  }
  return after.dueAt !== before.dueAt ? "due_changed" : undefined;
}

/** Business seconds a clock ran past its budget, up to its stop (or `now` while it runs); 0 when on time. */
export function lateBySeconds(clock: SlaClock, calendar: BusinessCalendar, now: Instant): number {
  return Math.max(0, elapsedOf(clock, calendar, clock.stoppedAt ?? now) - clock.budgetSeconds);
}
