// Keeping a ticket's SLA clocks in step with a change, in the change's unit of work: the policy
// matched, the clocks advanced (or rebuilt from history), the matrix timers planned and written.

import { randomUUID } from "node:crypto";
import type { BusinessCalendar } from "../../core/calendar/index.js";
import { calendarIdsOf, factsOf, needsRebuild, planClocks } from "../../core/sla/clockPlan.js";
import { ALWAYS_OPEN, type Happening } from "../../core/sla/clocks.js";
import { matchPolicy } from "../../core/sla/conditions.js";
import { messageHappening } from "../../core/sla/replay.js";
import type { MessageKind, Status } from "../../core/ticket/ticket.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import type { SlaPolicy } from "../../core/sla/policy.js";
import type { Actor } from "../../core/events/index.js";
import { loadClockHistory } from "../../store/sla/clockHistory.js";
import { type ClockState, readTicketState, writeClocks } from "../../store/sla/clockRows.js";
import { loadCalendars, loadPoliciesAndCalendars } from "../../store/sla/policies.js";
import type { Work } from "../work.js";

/** The actor of a recompute's events. */
export const SYSTEM: Actor = { type: "system" };

/** The happening of a new message for the clocks. */
export function happeningOf(kind: MessageKind): Happening {
  return messageHappening(kind);
}

// The ticket fields that policies match on or clocks follow.
const CLOCK_FIELDS = ["status", "priority", "teamId", "productId", "tags", "language", "customerId", "customFields", "slaPolicyId"] as const;

export interface SyncChangedProps {
  /** The ticket as changed, locked in the unit of work. */
  ticket: Ticket;
  /** The fields changed, `[before, after]` by name: the clocks follow only some of them. */
  changes: Record<string, [unknown, unknown]>;
}

/** After a change to a locked ticket: syncs its clocks when a field they follow changed. Returns the ticket. */
export async function syncChanged(work: Work, props: SyncChangedProps): Promise<Ticket> {
  const { ticket, changes } = props;
  if (CLOCK_FIELDS.some((field) => changes[field])) {
    await syncClocks(work, { ticket, happening: { type: "changed", ...(changes.status ? { statusFrom: changes.status[0] as Status } : {}) } });
  }
  return ticket;
}

export interface SyncCreatedProps {
  /** The ticket just inserted in the unit of work. */
  ticket: Ticket;
  /** The kind of its first message; undefined without one. */
  messageKind?: MessageKind | undefined;
}

/** After a ticket was created: starts its clocks, then lets its first message (if any) act on them. */
export async function syncCreated(work: Work, props: SyncCreatedProps): Promise<void> {
  await syncClocks(work, { ticket: props.ticket, happening: { type: "created" } });
  if (props.messageKind) await syncClocks(work, { ticket: props.ticket, happening: happeningOf(props.messageKind) });
}

export interface SyncClocksProps {
  /** The ticket, locked in the unit of work (or just created). */
  ticket: Ticket;
  happening: Happening;
  /** Rebuild from the history the clocks that do not cover the policy (a recompute); default false. */
  rebuild?: boolean;
}

/**
 * Brings the clocks of a ticket in line with `happening`: matches the policy (recording an
 * `sla_policy` event when it changes), advances the clocks (an `sla` event lists what changed),
 * and plans the matrix timers, as the work's actor. Policies and calendars are read once per
 * unit of work (see ClockCache). With no policy at all, it reads one table and does nothing.
 */
export async function syncClocks(work: Work, props: SyncClocksProps): Promise<void> {
  const { tx, clocks: cache, now, actor } = work;
  const { ticket, happening } = props;
  const policies = cache.policies ?? (await policiesInto(work));
  // A clock refers to its policy: with no policy there can be no clock.
  if (policies.length === 0) return;
  const state = await ticketState(work, ticket, happening.type === "created");
  const facts = factsOf(ticket, cache.customers.get(ticket.customerId));
  const match = matchPolicy(policies, facts);
  const calendar = await calendarsOf(work, calendarIdsOf(match, state.clocks));
  const history = props.rebuild && needsRebuild(state.clocks, match, ticket) ? await loadClockHistory(tx, ticket) : undefined;
  const plan = planClocks({ ticket, state, match, facts, policies, calendar, happening, at: now.getTime(), history, newId: randomUUID });
  if (plan.writes) await writeClocks(tx, [plan.writes], now, actor);
  cache.tickets.set(ticket.number, plan.after);
}

/** The policies, read with their calendars into the work's cache. */
async function policiesInto(work: Work): Promise<SlaPolicy[]> {
  const { policies, calendars } = await loadPoliciesAndCalendars(work.tx);
  work.clocks.policies = policies;
  for (const [id, calendar] of calendars) if (!work.clocks.calendars.has(id)) work.clocks.calendars.set(id, calendar);
  return policies;
}

/** The clocks and timers of a ticket (none for a ticket being created), its customer's facts into the cache; one query at most. */
async function ticketState(work: Work, ticket: Ticket, creating: boolean): Promise<ClockState> {
  const cache = work.clocks;
  const cached = cache.tickets.get(ticket.number);
  const knownCustomer = cache.customers.has(ticket.customerId);
  if ((cached || creating) && knownCustomer) return cached ?? { clocks: [], timers: [] };
  const read = await readTicketState(work.tx, ticket.number, ticket.customerId, !cached && !creating);
  cache.customers.set(ticket.customerId, read.customer);
  return cached ?? { clocks: read.clocks, timers: read.timers };
}

/** The calendars of `ids`, parsed once per unit of work (and once per version across them). */
export async function calendarsOf(work: Work, ids: (string | null)[]): Promise<(id: string | null) => BusinessCalendar> {
  const cache = work.clocks;
  const missing = ids.filter((id): id is string => id !== null && !cache.calendars.has(id));
  if (missing.length > 0) {
    const loaded = await loadCalendars(work.tx, missing);
    for (const id of new Set(missing)) cache.calendars.set(id, loaded(id));
  }
  return (id) => {
    if (id === null) return ALWAYS_OPEN;
    const calendar = cache.calendars.get(id);
    if (!calendar) throw new Error(`calendar ${id} was not loaded`);
    return calendar;
  };
}
