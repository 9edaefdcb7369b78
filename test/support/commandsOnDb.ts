// The commands as the store tests have always called them: each opens its own unit of work on
// the database (or on the transaction given), so that a test states the behaviour, not the plumbing.

import { updateCalendar as updateCalendarIn } from "../../src/commands/sla/calendars.js";
import type { ClockCache } from "../../src/commands/sla/clockCache.js";
import { createPolicy as createPolicyIn, reorderPolicies as reorderPoliciesIn, updatePolicy as updatePolicyIn } from "../../src/commands/sla/policies.js";
import { recomputeTicket as recomputeTicketIn, recomputeTickets as recomputeTicketsIn } from "../../src/commands/sla/recompute.js";
import { SYSTEM } from "../../src/commands/sla/syncClocks.js";
import { type AddMessageProps, addMessage as addMessageIn } from "../../src/commands/tickets/addMessage.js";
import { type UpdateTicketProps, updateTicket as updateTicketIn } from "../../src/commands/tickets/changeTicket.js";
import { type CreateTicketProps, createTicket as createTicketIn } from "../../src/commands/tickets/createTicket.js";
import { inWork, type Work, workIn } from "../../src/commands/work.js";
import type { Db } from "../../src/store/database.js";
import type { Actor } from "../../src/core/events/actor.js";
import type { PolicyFields } from "../../src/store/sla/policyRows.js";

export { clockCache } from "../../src/commands/sla/clockCache.js";

type At = { now: Date; actor: Actor };

/** createTicket in a unit of work of its own. */
export function createTicket(db: Db, { now, actor, ...props }: CreateTicketProps & At) {
  return inWork(db, { now, actor }, (work) => createTicketIn(work, props));
}

/** updateTicket in a unit of work of its own. */
export function updateTicket(db: Db, { now, actor, ...props }: UpdateTicketProps & At) {
  return inWork(db, { now, actor }, (work) => updateTicketIn(work, props));
}

/** addMessage in a unit of work of its own. */
export function addMessage(db: Db, { now, actor, ...props }: AddMessageProps & At) {
  return inWork(db, { now, actor }, (work) => addMessageIn(work, props));
}

// A recompute runs in the transaction the test holds, with the cache it passes (else its own).
function recomputeWork(tx: Db, now: Date, cache: ClockCache | undefined): Work {
  const work = workIn(tx, { now, actor: SYSTEM });
  return cache ? { ...work, clocks: cache } : work;
}

/** recomputeTicket in the transaction `tx`. */
export function recomputeTicket(tx: Db, number: number, now: Date, cache?: ClockCache) {
  return recomputeTicketIn(recomputeWork(tx, now, cache), { number });
}

/** recomputeTickets in the transaction `tx`. */
export function recomputeTickets(tx: Db, numbers: readonly number[], now: Date, cache?: ClockCache) {
  return recomputeTicketsIn(recomputeWork(tx, now, cache), { numbers });
}

/** createPolicy in a unit of work of its own. */
export function createPolicy(db: Db, fields: PolicyFields, now: Date) {
  return inWork(db, { now, actor: SYSTEM }, (work) => createPolicyIn(work, { fields }));
}

/** updatePolicy in a unit of work of its own. */
export function updatePolicy(db: Db, id: string, changes: Partial<PolicyFields>, now: Date, expectedVersion?: number) {
  return inWork(db, { now, actor: SYSTEM }, (work) => updatePolicyIn(work, { id, changes, expectedVersion }));
}

/** reorderPolicies in a unit of work of its own. */
export function reorderPolicies(db: Db, ids: readonly string[], now: Date) {
  return inWork(db, { now, actor: SYSTEM }, (work) => reorderPoliciesIn(work, { ids }));
}

/** updateCalendar in a unit of work of its own. */
export function updateCalendar(db: Db, id: string, changes: Parameters<typeof updateCalendarIn>[1]["changes"], now: Date, expectedVersion?: number) {
  return inWork(db, { now, actor: SYSTEM }, (work) => updateCalendarIn(work, { id, changes, expectedVersion }));
}
