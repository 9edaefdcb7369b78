// What an edit of a policy or calendar would do to open tickets, from their clocks and timers
// before and after the recompute it brings: which tickets it concerns, whose due times move,
// which clocks breach at once, and what the timer worker would fire at once, after the catch-up
// rules (a reminder past due is not sent; one notice per person per ticket).

import type { Directory, TicketHolders } from "../directory/directory.js";
import type { Instant } from "../calendar/index.js";
import { isLive } from "./clocks.js";
import type { SlaPolicy, Target } from "./policy.js";
import { resolveRecipients } from "./recipients.js";
import type { StoredClock, StoredTimer } from "./timerPlan.js";

/** One open ticket examined: its clocks and timers before the edit and after its recompute. */
export interface ImpactTicket extends TicketHolders {
  number: number;
  subject: string;
  before: { clocks: StoredClock[]; timers: StoredTimer[] };
  after: { clocks: StoredClock[]; timers: StoredTimer[] };
}

/** A clock whose due time moves. Instants are ISO 8601; null: no due time (paused, or not plannable). */
export interface ImpactExample {
  number: number;
  subject: string;
  clock: Target;
  dueBefore: string | null;
  dueAfter: string | null;
}

/** The impact of an edit, as `PATCH …?dryRun=true` answers it. */
export interface EditImpact {
  /** Open tickets the policy or calendar applies to, before or after. */
  openTickets: number;
  /** Of those, the tickets a due time of some clock moves on. */
  retargeted: number;
  /** Clocks not breached before that would be breached at once. */
  breachedNow: number;
  /** Matrix steps that would fire at once (reminders past due, which are not sent, left out). */
  stepsNow: number;
  /** Notices that would go out at once: one per person per ticket (in-app and e-mail count as one). */
  notificationsNow: number;
  /** Up to ten clocks whose due time moves. */
  examples: ImpactExample[];
}

export interface EditImpactInput {
  tickets: readonly ImpactTicket[];
  /** Whether a clock runs on the edited policy or calendar. */
  concerns(clock: StoredClock): boolean;
  /** The policies as edited, by id. */
  policies: ReadonlyMap<string, SlaPolicy>;
  /** Everyone the steps firing at once may reach on these tickets. */
  directory: Directory;
  now: Instant;
}

const EXAMPLES = 10;

/** Compares each ticket's clocks and timers before and after, and counts what would happen at `now`. */
export function editImpact(input: EditImpactInput): EditImpact {
  const { now } = input;
  const impact: EditImpact = { openTickets: 0, retargeted: 0, breachedNow: 0, stepsNow: 0, notificationsNow: 0, examples: [] };
  for (const ticket of input.tickets) {
    const live = (clocks: readonly StoredClock[]) => clocks.filter((c) => isLive(c));
    if (![...live(ticket.before.clocks), ...live(ticket.after.clocks)].some(input.concerns)) continue;
    impact.openTickets += 1;

    const before = new Map(ticket.before.clocks.map((c) => [c.id, c]));
    const after = new Map(ticket.after.clocks.map((c) => [c.id, c]));
    let moved = false;
    for (const clock of live(ticket.after.clocks)) {
      const was = before.get(clock.id);
      const wasLive = was !== undefined && isLive(was);
      const dueBefore = wasLive ? was.dueAt : null;
      if (!wasLive || dueBefore !== clock.dueAt) {
        moved = true;
        if (impact.examples.length < EXAMPLES) {
          impact.examples.push({ number: ticket.number, subject: ticket.subject, clock: clock.target, dueBefore: iso(dueBefore), dueAfter: iso(clock.dueAt) });
        }
      }
      const breachedAfter = clock.dueAt !== null && clock.dueAt <= now;
      const breachedBefore = wasLive && dueBefore !== null && dueBefore <= now;
      if (breachedAfter && !breachedBefore) impact.breachedNow += 1;
    }
    for (const clock of live(ticket.before.clocks)) {
      const later = after.get(clock.id);
      if (!later || !isLive(later)) {
        moved = true;
        if (impact.examples.length < EXAMPLES) {
          impact.examples.push({ number: ticket.number, subject: ticket.subject, clock: clock.target, dueBefore: iso(clock.dueAt), dueAfter: null });
        }
      }
    }
    if (moved) impact.retargeted += 1;

    // The steps the edit makes due at once: pending and due now after, not so before.
    const dueBefore = new Set(ticket.before.timers.filter((t) => t.state === "pending" && t.dueAt <= now).map((t) => `${t.clockId} ${t.stepId}`));
    const firing = ticket.after.timers.filter((t) => t.state === "pending" && t.dueAt <= now && !dueBefore.has(`${t.clockId} ${t.stepId}`));
    const reached = new Set<string>();
    for (const timer of firing) {
      const clock = after.get(timer.clockId);
      const step = clock ? input.policies.get(clock.policyId)?.matrix.steps.find((s) => s.id === timer.stepId) : undefined;
      if (!clock || !step) continue;
      if (step.kind === "reminder" && clock.dueAt !== null && clock.dueAt < now) continue;
      impact.stepsNow += 1;
      const notifies = step.actions.length === 0 || step.actions.some((a) => a.type === "notify");
      if (notifies) for (const r of resolveRecipients(step, ticket, input.directory, now).recipients) reached.add(r.agent.id);
    }
    impact.notificationsNow += reached.size;
  }
  return impact;
}

const iso = (instant: Instant | null) => (instant === null ? null : new Date(instant).toISOString());
