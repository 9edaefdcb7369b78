// Clock planning for one ticket, in memory: which policy applies (and the event announcing a
// new one), how its clocks advance or are rebuilt from history, and the timers and events to write.

import type { BusinessCalendar, Instant } from "../calendar/index.js";
import { clockCauseOf, policyMatchCause } from "../events/causes.js";
import { clockChangeData, type TicketEventBody } from "../events/ticketEvent.js";
import type { Ticket } from "../ticket/ticketRecord.js";
import { clocksCover, rebuildClocks } from "./clockRebuild.js";
import { advanceClocks, type Happening, isLive } from "./clocks.js";
import type { matchPolicy } from "./conditions.js";
import type { SlaPolicy, TicketFacts } from "./policy.js";
import { type ClockHistory, replayClocks } from "./replay.js";
import { applyTimerDiff, diffTimers, planTimers, type StoredClock, type StoredTimer } from "./timerPlan.js";

/** A customer's organization and segment, as policies match on them. */
export type CustomerFacts = Pick<TicketFacts, "organizationId" | "segment">;

/** The ticket fields that clocks follow or policies match on (a stored ticket, or one being created). */
export type ClockTicket = Pick<
  Ticket,
  | "number"
  | "status"
  | "priority"
  | "channel"
  | "language"
  | "tags"
  | "productId"
  | "teamId"
  | "customerId"
  | "customFields"
  | "slaPolicyId"
  | "createdAt"
  | "firstResponseAt"
  | "lastCustomerMessageAt"
  | "lastAgentMessageAt"
>;

/** What policies match on for `ticket`, with its customer's organization and segment (undefined: unknown, read as none). */
export function factsOf(ticket: ClockTicket, customer: CustomerFacts = { organizationId: null, segment: null }): TicketFacts {
  return {
    ...customer,
    priority: ticket.priority,
    channel: ticket.channel,
    language: ticket.language,
    tags: ticket.tags,
    productId: ticket.productId,
    teamId: ticket.teamId,
    customerId: ticket.customerId,
    customFields: ticket.customFields,
    appliedPolicyId: ticket.slaPolicyId,
  };
}

/** The calendars a ticket's clocks need: the matched policy's and the stored clocks' own. */
export function calendarIdsOf(match: ReturnType<typeof matchPolicy>, clocks: readonly StoredClock[]): (string | null)[] {
  return [match?.policy.calendarId ?? null, ...clocks.map((c) => c.calendarId)];
}

/** Whether a recompute rebuilds the clocks from the history: a policy applies and they do not cover it. */
export function needsRebuild(clocks: readonly StoredClock[], match: ReturnType<typeof matchPolicy>, ticket: ClockTicket): boolean {
  return match !== undefined && match !== null && !clocksCover(clocks, match.policy, ticket);
}

/** What {@link planClocks} works from: a ticket, its stored state, the policy it matches and, to rebuild, its history. */
export interface ClockInput {
  ticket: ClockTicket;
  state: { clocks: StoredClock[]; timers: StoredTimer[] };
  match: ReturnType<typeof matchPolicy>;
  /** What the policy was matched on (see {@link factsOf}): the `sla_policy` event says which conditions held. */
  facts: TicketFacts;
  policies: readonly SlaPolicy[];
  calendar: (id: string | null) => BusinessCalendar;
  happening: Happening;
  at: Instant;
  /** Given when the clocks are rebuilt from the history (see {@link needsRebuild}). */
  history?: ClockHistory | undefined;
  /** Draws the id of a new clock. */
  newId: () => string;
}

/**
 * The clocks, timers and events a happening brings about for one ticket, computed in memory:
 * the writes (undefined when nothing changes) and the clocks and timers once written.
 */
export function planClocks(input: ClockInput): { writes: ClockWrites | undefined; after: { clocks: StoredClock[]; timers: StoredTimer[] } } {
  const { ticket, state, match, facts, policies, calendar, happening, at, history, newId } = input;
  // Clocks that do not cover what the policy measures (a ticket opened before it, a target its
  // priority lacked) are rebuilt from the history as if the policy had always applied.
  const rebuilt = history && match ? rebuildClocks(state.clocks, replayClocks(history, { policy: match.policy, calendar }), at, calendar) : undefined;
  const advanced = advanceClocks(
    rebuilt?.clocks ?? state.clocks,
    { now: at, policy: match?.policy, priority: ticket.priority, status: ticket.status, calendar },
    happening,
  );
  const clocks = advanced.clocks.map((c): StoredClock => ({ ...c, id: (c as Partial<StoredClock>).id ?? newId() }));
  const before = new Map(state.clocks.map((c) => [c.id, JSON.stringify(c)]));
  const changedClocks = clocks.filter((c) => before.get(c.id) !== JSON.stringify(c));

  const events: ClockEvent[] = [];
  const announced = policyAnnouncement(state.clocks, clocks, match, happening, facts);
  if (announced) events.push(announced);
  if (rebuilt && changedClocks.length > 0) {
    events.push({
      type: "sla",
      data: { cause: { cause: "clocks_rebuilt" }, changes: [...rebuilt.changes, ...advanced.changes].map(clockChangeData), rebuilt: true },
    });
  } else if (advanced.changes.length > 0)
    events.push({ type: "sla", data: { cause: clockCauseOf(happening, ticket.status), changes: advanced.changes.map(clockChangeData) } });

  const byId = new Map(policies.map((p) => [p.id, p]));
  const diff = diffTimers(planTimers(clocks, byId, ticket.priority, calendar), state.timers);
  const changed = changedClocks.length > 0 || events.length > 0 || diff.write.length > 0 || diff.cancel.length > 0;
  return {
    writes: changed ? { number: ticket.number, clocks: changedClocks, timers: diff.write, cancel: diff.cancel, events } : undefined,
    after: { clocks, timers: applyTimerDiff(state.timers, diff) },
  };
}

/** The `sla_policy` event when the policy that applies is not the one the clocks ran on (undefined: nothing to announce). */
export function policyAnnouncement(
  before: readonly StoredClock[],
  after: readonly StoredClock[],
  match: ReturnType<typeof matchPolicy>,
  happening: Happening,
  facts: TicketFacts,
): ClockEvent | undefined {
  const liveBefore = before.filter(isLive);
  const previous = (liveBefore.length > 0 ? liveBefore : before).at(-1)?.policyId ?? null;
  const matched = match?.policy.id ?? null;
  // Nothing to say about a ticket that is not measured before nor after (solved, or no target).
  const measured = liveBefore.length > 0 || after.some(isLive) || (happening.type === "created" && matched !== null);
  if (matched === previous || !measured) return undefined;
  return { type: "sla_policy", data: { policyId: matched, policyName: match?.policy.name ?? null, match: policyMatchCause(match, facts) } };
}

/** One timeline event about clocks: the policy that applies, or how the clocks moved (its ticket, instant and actor are the write's). */
export type ClockEvent = Extract<TicketEventBody, { type: "sla" | "sla_policy" }>;

/** What one ticket's sync writes. */
export interface ClockWrites {
  number: number;
  clocks: StoredClock[];
  timers: ReturnType<typeof planTimers>;
  cancel: StoredTimer[];
  events: ClockEvent[];
}
