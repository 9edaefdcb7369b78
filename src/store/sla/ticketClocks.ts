// A ticket's SLA clocks in the store: kept in step with every ticket change, in the same
// transaction (policy matched, clocks advanced, matrix timers planned), and read for the API.

import { randomUUID } from "node:crypto";
import { asc, eq, type SQL, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { BusinessCalendar, Instant } from "../../core/calendar/index.js";
import { ALWAYS_OPEN, advanceClocks, type ClockChange, elapsedOf, type Happening, isBreached, isLive, type SlaClock } from "../../core/sla/clocks.js";
import { matchPolicy } from "../../core/sla/conditions.js";
import { type SlaPolicy, TARGETS, type Target, type TicketFacts } from "../../core/sla/policy.js";
import { type ClockHistory, messageHappening, replayClocks } from "../../core/sla/replay.js";
import type { MessageKind, Status } from "../../core/ticket/ticket.js";
import type { Db } from "../database.js";
import type { Actor } from "../events.js";
import { pgTextArray } from "../outboxDelivery.js";
import { slaClocks, slaPolicies, timers } from "../schema.js";
import { lockTicket, type Ticket } from "../tickets.js";
import { clocksCover, loadClockHistory, rebuildClocks } from "./clockHistory.js";
import { loadCalendars, loadPolicies } from "./policies.js";
import { applyTimerDiff, diffTimers, planTimers, type StoredClock, type StoredTimer, TIMERS_CHANNEL, type TimerState } from "./timers.js";

/** The actor of a recompute's events. */
export const SYSTEM: Actor = { type: "system" };

/**
 * What one transaction has read (or written) already: a ticket change costs few queries. A
 * caller that works in savepoints (one per ticket) passes one cache to all of them, or each
 * savepoint would read the policies and calendars again.
 */
export interface ClockCache {
  policies?: SlaPolicy[];
  calendars: Map<string, BusinessCalendar>;
  /** Organization and segment per customer. */
  customers: Map<string, CustomerFacts>;
  /** The clocks and timers of each ticket synced in this transaction, as written. */
  tickets: Map<number, { clocks: StoredClock[]; timers: StoredTimer[] }>;
}

// Keyed by the transaction object, so it lives as long as the transaction. Outside a
// transaction nothing is kept (a later call must see later edits).
const caches = new WeakMap<object, ClockCache>();

/** An empty cache, for a transaction and the savepoints within it (see {@link recomputeTicket}). */
export function clockCache(): ClockCache {
  return { calendars: new Map(), customers: new Map(), tickets: new Map() };
}

function cacheOf(tx: Db): ClockCache {
  if (!(tx instanceof PgTransaction)) return clockCache();
  let cache = caches.get(tx);
  if (!cache) caches.set(tx, (cache = clockCache()));
  return cache;
}

/** The happening of a new message for the clocks. */
export function happeningOf(kind: MessageKind): Happening {
  return messageHappening(kind);
}

// The ticket fields that policies match on or clocks follow.
const CLOCK_FIELDS = ["status", "priority", "teamId", "productId", "tags", "language", "customerId", "customFields"] as const;

/** After `changes` were applied to a ticket locked in `tx`: syncs its clocks when a field they follow changed. Returns the ticket. */
export async function syncChanged(tx: Db, ticket: Ticket, changes: Record<string, [unknown, unknown]>, now: Date, actor?: Actor): Promise<Ticket> {
  if (CLOCK_FIELDS.some((field) => changes[field])) {
    await syncClocks(tx, ticket, { type: "changed", ...(changes.status ? { statusFrom: changes.status[0] as Status } : {}) }, now, actor);
  }
  return ticket;
}

/** After a ticket was created in `tx` (with its first message's kind, if any): starts its clocks. */
export async function syncCreated(tx: Db, ticket: Ticket, messageKind: MessageKind | undefined, now: Date, actor?: Actor): Promise<void> {
  await syncClocks(tx, ticket, { type: "created" }, now, actor);
  if (messageKind) await syncClocks(tx, ticket, happeningOf(messageKind), now, actor);
}

/**
 * Brings the clocks of a ticket (locked in `tx`, or just created) in line with `happening`:
 * matches the policy (recording an `sla_policy` event when it changes), advances the clocks
 * (an `sla` event lists what changed), and plans the matrix timers. Policies and calendars are
 * read once per transaction: edit them before the first call in a transaction, not after.
 * With no policy at all, it reads one table and does nothing.
 */
export async function syncClocks(tx: Db, ticket: Ticket, happening: Happening, now: Date, actor: Actor = SYSTEM): Promise<void> {
  await sync(tx, cacheOf(tx), ticket, happening, now, actor, false);
}

/** {@link syncClocks}, with the cache to use; `rebuild`: rebuild from the history clocks that do not cover the policy. */
async function sync(tx: Db, cache: ClockCache, ticket: Ticket, happening: Happening, now: Date, actor: Actor, rebuild: boolean): Promise<void> {
  const policies = (cache.policies ??= await loadPolicies(tx));
  // A clock refers to its policy: with no policy there can be no clock.
  if (policies.length === 0) return;
  const state = await ticketState(tx, cache, ticket, happening.type === "created");
  const match = matchPolicy(policies, factsOf(ticket, cache));
  const calendar = await calendarsOf(tx, cache, calendarIdsOf(match, state.clocks));
  const history = rebuild && needsRebuild(state.clocks, match, ticket) ? await loadClockHistory(tx, ticket) : undefined;
  const plan = planClocks({ ticket, state, match, policies, calendar, happening, at: now.getTime(), history });
  if (plan.writes) await writeClocks(tx, [plan.writes], now, actor);
  cache.tickets.set(ticket.number, plan.after);
}

/** The ticket fields that clocks follow or policies match on (a stored ticket, or one being created). */
export type ClockTicket = Pick<
  Ticket,
  "number" | "status" | "priority" | "channel" | "language" | "tags" | "productId" | "teamId" | "customerId" | "customFields" | "createdAt" | "firstResponseAt" | "lastCustomerMessageAt" | "lastAgentMessageAt"
>;

/** What policies match on for `ticket`, its customer's organization and segment taken from `cache` (unknown: none). */
export function factsOf(ticket: ClockTicket, cache: ClockCache): TicketFacts {
  const customer = cache.customers.get(ticket.customerId) ?? { organizationId: null, segment: null };
  return { ...customer, priority: ticket.priority, channel: ticket.channel, language: ticket.language, tags: ticket.tags, productId: ticket.productId, teamId: ticket.teamId, customerId: ticket.customerId, customFields: ticket.customFields };
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
  policies: readonly SlaPolicy[];
  calendar: (id: string | null) => BusinessCalendar;
  happening: Happening;
  at: Instant;
  /** Given when the clocks are rebuilt from the history (see {@link needsRebuild}). */
  history?: ClockHistory | undefined;
}

/**
 * The clocks, timers and events a happening brings about for one ticket, computed in memory:
 * the writes (undefined when nothing changes) and the clocks and timers once written.
 */
export function planClocks(input: ClockInput): { writes: ClockWrites | undefined; after: { clocks: StoredClock[]; timers: StoredTimer[] } } {
  const { ticket, state, match, policies, calendar, happening, at, history } = input;
  // Clocks that do not cover what the policy measures (a ticket opened before it, a target its
  // priority lacked) are rebuilt from the history as if the policy had always applied.
  const rebuilt = history && match ? rebuildClocks(state.clocks, replayClocks(history, { policy: match.policy, calendar }), at, calendar) : undefined;
  const advanced = advanceClocks(rebuilt?.clocks ?? state.clocks, { now: at, policy: match?.policy, priority: ticket.priority, status: ticket.status, calendar }, happening);
  const clocks = advanced.clocks.map((c): StoredClock => ({ ...c, id: (c as Partial<StoredClock>).id ?? randomUUID() }));
  const before = new Map(state.clocks.map((c) => [c.id, JSON.stringify(c)]));
  const changedClocks = clocks.filter((c) => before.get(c.id) !== JSON.stringify(c));

  const events: ClockEvent[] = [];
  const announced = policyAnnouncement(state.clocks, clocks, match, happening);
  if (announced) events.push(announced);
  if (rebuilt && changedClocks.length > 0) {
    events.push({ type: "sla", reason: "clocks rebuilt from history", data: { rebuilt: true, changes: [...rebuilt.changes, ...advanced.changes].map(changeData) } });
  } else if (advanced.changes.length > 0) events.push({ type: "sla", reason: reasonOf(happening, ticket.status), data: { changes: advanced.changes.map(changeData) } });

  const byId = new Map(policies.map((p) => [p.id, p]));
  const diff = diffTimers(planTimers(clocks, byId, ticket.priority, calendar), state.timers);
  const changed = changedClocks.length > 0 || events.length > 0 || diff.write.length > 0 || diff.cancel.length > 0;
  return {
    writes: changed ? { number: ticket.number, clocks: changedClocks, timers: diff.write, cancel: diff.cancel, events } : undefined,
    after: { clocks, timers: applyTimerDiff(state.timers, diff) },
  };
}

/** The `sla_policy` event when the policy that applies is not the one the clocks ran on. */
function policyAnnouncement(before: readonly StoredClock[], after: readonly StoredClock[], match: ReturnType<typeof matchPolicy>, happening: Happening) {
  const liveBefore = before.filter(isLive);
  const previous = (liveBefore.length > 0 ? liveBefore : before).at(-1)?.policyId ?? null;
  const matched = match?.policy.id ?? null;
  // Nothing to say about a ticket that is not measured before nor after (solved, or no target).
  const measured = liveBefore.length > 0 || after.some(isLive) || (happening.type === "created" && matched !== null);
  if (matched === previous || !measured) return undefined;
  const reason = match?.reason ?? "no policy applies";
  return { type: "sla_policy", reason, data: { policyId: matched, policyName: match?.policy.name ?? null, reason } };
}

function reasonOf(happening: Happening, status: Status): string {
  switch (happening.type) {
    case "created":
      return "ticket created";
    case "agent_message":
      return happening.kind === "reply" ? "agent replied" : "internal note";
    case "customer_message":
      return "customer wrote";
    case "changed":
      return happening.statusFrom && happening.statusFrom !== status ? `status ${happening.statusFrom} → ${status}` : "ticket or policy changed";
  }
}

const iso = (at: Instant | null) => (at === null ? null : new Date(at).toISOString());

function changeData(change: ClockChange): Record<string, unknown> {
  return { ...change, dueAt: iso(change.dueAt) };
}

/** The clocks and timers of a ticket (none for a ticket being created), and its customer's organization. */
async function ticketState(tx: Db, cache: ClockCache, ticket: Ticket, creating: boolean): Promise<{ clocks: StoredClock[]; timers: StoredTimer[] }> {
  const cached = cache.tickets.get(ticket.number);
  const knownCustomer = cache.customers.has(ticket.customerId);
  if ((cached || creating) && knownCustomer) return cached ?? { clocks: [], timers: [] };
  const readClocks = !cached && !creating;
  const number = sql`${ticket.number}::bigint`;
  const rows = await selectRows<{ clocks: RawClock[] | null; timers: RawTimer[] | null; customer: CustomerFacts | null }>(
    tx,
    sql`select ${readClocks ? clocksJson(number) : sql`null::jsonb`} as clocks, ${readClocks ? timersJson(number) : sql`null::jsonb`} as timers,
      ${customerJson(sql`${ticket.customerId}::uuid`)} as customer`,
  );
  const row = rows[0];
  cache.customers.set(ticket.customerId, row?.customer ?? { organizationId: null, segment: null });
  if (cached) return cached;
  if (!readClocks) return { clocks: [], timers: [] };
  return stateOf(row?.clocks ?? null, row?.timers ?? null);
}

/** A customer's organization and segment, as policies match on them. */
export type CustomerFacts = Pick<TicketFacts, "organizationId" | "segment">;

/** The stored clocks of the ticket numbered `number` (an SQL expression), as one jsonb array in their order (null: none). */
export function clocksJson(number: SQL): SQL {
  return sql`(select jsonb_agg(jsonb_build_object('id', c.id, 'target', c.target, 'cycle', c.cycle, 'policyId', c.policy_id, 'calendarId', c.calendar_id,
      'startedAt', c.started_at, 'budgetSeconds', c.budget_seconds, 'pauses', c.pauses, 'state', c.state, 'dueAt', c.due_at, 'stoppedAt', c.stopped_at)
      order by c.started_at, array_position(array['first_response', 'next_response', 'resolution'], c.target), c.cycle) from sla_clocks c where c.ticket_number = ${number})`;
}

/** The stored timers of the ticket numbered `number` (an SQL expression), as one jsonb array (null: none). */
export function timersJson(number: SQL): SQL {
  return sql`(select jsonb_agg(jsonb_build_object('clockId', t.clock_id, 'stepId', t.step_id, 'dueAt', t.due_at, 'state', t.state)) from timers t where t.ticket_number = ${number})`;
}

/** The organization and segment of the customer `id` (an SQL expression), as a jsonb object (null: no such customer). */
export function customerJson(id: SQL): SQL {
  return sql`(select jsonb_build_object('organizationId', cu.organization_id, 'segment', o.segment)
     from customers cu left join organizations o on o.id = cu.organization_id where cu.id = ${id})`;
}

/** A ticket's clocks and timers from what {@link clocksJson} and {@link timersJson} read. */
export function stateOf(clocks: RawClock[] | null, timers: RawTimer[] | null): { clocks: StoredClock[]; timers: StoredTimer[] } {
  return { clocks: (clocks ?? []).map(clockOf), timers: (timers ?? []).map((t) => ({ clockId: t.clockId, stepId: t.stepId, dueAt: Date.parse(t.dueAt), state: t.state })) };
}

export interface RawClock {
  id: string;
  target: Target;
  cycle: number;
  policyId: string;
  calendarId: string | null;
  startedAt: string;
  budgetSeconds: number;
  pauses: [number, number | null][];
  state: SlaClock["state"];
  dueAt: string | null;
  stoppedAt: string | null;
}

export interface RawTimer {
  clockId: string;
  stepId: string;
  dueAt: string;
  state: TimerState;
}

const instant = (value: string | Date | null): Instant | null => (value === null ? null : typeof value === "string" ? Date.parse(value) : value.getTime());

function clockOf(raw: RawClock): StoredClock {
  return {
    id: raw.id,
    target: raw.target,
    cycle: raw.cycle,
    policyId: raw.policyId,
    calendarId: raw.calendarId,
    startedAt: instant(raw.startedAt) as Instant,
    budgetSeconds: raw.budgetSeconds,
    pauses: raw.pauses,
    stoppedAt: instant(raw.stoppedAt),
    state: raw.state,
    dueAt: instant(raw.dueAt),
  };
}

/** The calendars of `ids`, parsed once per transaction (and once per version across them). */
export async function calendarsOf(tx: Db, cache: ClockCache, ids: (string | null)[]): Promise<(id: string | null) => BusinessCalendar> {
  const missing = ids.filter((id): id is string => id !== null && !cache.calendars.has(id));
  if (missing.length > 0) {
    const loaded = await loadCalendars(tx, missing);
    for (const id of new Set(missing)) cache.calendars.set(id, loaded(id));
  }
  return (id) => {
    if (id === null) return ALWAYS_OPEN;
    const calendar = cache.calendars.get(id);
    if (!calendar) throw new Error(`calendar ${id} was not loaded`);
    return calendar;
  };
}

/** One timeline event about clocks. */
interface ClockEvent {
  type: string;
  reason: string | null;
  data: Record<string, unknown>;
}

/** What one ticket's sync writes. */
export interface ClockWrites {
  number: number;
  clocks: StoredClock[];
  timers: ReturnType<typeof planTimers>;
  cancel: StoredTimer[];
  events: ClockEvent[];
}

/**
 * Writes the clocks, timers, cancellations and events of one or many tickets in one statement,
 * with one array parameter per column (`unnest`); wakes the timer workers when a timer was
 * (re)planned, since it may be due before the one they sleep towards.
 */
export async function writeClocks(tx: Db, writes: readonly ClockWrites[], now: Date, actor: Actor): Promise<void> {
  if (writes.length === 0) return;
  const at = now.toISOString();
  const rows = <T>(pick: (w: ClockWrites) => readonly T[]) => writes.flatMap((w) => pick(w).map((row) => ({ number: String(w.number), row })));
  const column = <T>(items: readonly { number: string; row: T }[], value: (item: { number: string; row: T }) => string | number | null) =>
    pgTextArray(items.map((item) => {
      const v = value(item);
      return v === null ? null : String(v);
    }));
  const clocks = rows((w) => w.clocks);
  const planned = rows((w) => w.timers);
  const cancel = rows((w) => w.cancel);
  const events = rows((w) => w.events);
  await tx.execute(sql`
    with written_clocks as (
      insert into sla_clocks (id, ticket_number, target, cycle, policy_id, calendar_id, started_at, budget_seconds, pauses, state, due_at, stopped_at, updated_at)
      select c.id, c.ticket_number, c.target, c.cycle, c.policy_id, c.calendar_id, c.started_at, c.budget_seconds, c.pauses::jsonb, c.state, c.due_at, c.stopped_at, ${at}::timestamptz
        from unnest(
          ${column(clocks, (c) => c.row.id)}::uuid[], ${column(clocks, (c) => c.number)}::bigint[], ${column(clocks, (c) => c.row.target)}::text[],
          ${column(clocks, (c) => c.row.cycle)}::int[], ${column(clocks, (c) => c.row.policyId)}::uuid[], ${column(clocks, (c) => c.row.calendarId)}::uuid[],
          ${column(clocks, (c) => iso(c.row.startedAt))}::timestamptz[], ${column(clocks, (c) => c.row.budgetSeconds)}::int[],
          ${column(clocks, (c) => JSON.stringify(c.row.pauses))}::text[], ${column(clocks, (c) => c.row.state)}::text[],
          ${column(clocks, (c) => iso(c.row.dueAt))}::timestamptz[], ${column(clocks, (c) => iso(c.row.stoppedAt))}::timestamptz[]
        ) as c(id, ticket_number, target, cycle, policy_id, calendar_id, started_at, budget_seconds, pauses, state, due_at, stopped_at)
      on conflict (id) do update set policy_id = excluded.policy_id, calendar_id = excluded.calendar_id, budget_seconds = excluded.budget_seconds,
        pauses = excluded.pauses, state = excluded.state, due_at = excluded.due_at, stopped_at = excluded.stopped_at, updated_at = excluded.updated_at
      returning 1
    ), written_timers as (
      insert into timers (ticket_number, clock_id, step_id, kind, level, due_at, state, created_at, updated_at)
      select t.ticket_number, t.clock_id, t.step_id, t.kind, t.level, t.due_at, 'pending', ${at}::timestamptz, ${at}::timestamptz
        from unnest(
          ${column(planned, (t) => t.number)}::bigint[], ${column(planned, (t) => t.row.clockId)}::uuid[], ${column(planned, (t) => t.row.stepId)}::text[],
          ${column(planned, (t) => t.row.kind)}::text[], ${column(planned, (t) => t.row.level)}::int[], ${column(planned, (t) => iso(t.row.dueAt))}::timestamptz[]
        ) as t(ticket_number, clock_id, step_id, kind, level, due_at)
      on conflict (clock_id, step_id) do update set kind = excluded.kind, level = excluded.level, due_at = excluded.due_at, state = 'pending', updated_at = excluded.updated_at
        where timers.state <> 'fired'
      returning 1
    ), cancelled_timers as (
      update timers set state = 'cancelled', updated_at = ${at}::timestamptz
        from unnest(${column(cancel, (t) => t.row.clockId)}::uuid[], ${column(cancel, (t) => t.row.stepId)}::text[]) as x(clock_id, step_id)
        where timers.clock_id = x.clock_id and timers.step_id = x.step_id and timers.state = 'pending'
      returning 1
    ), written_events as (
      insert into ticket_events (ticket_number, at, actor_type, actor_id, type, reason, data)
      select e.ticket_number, ${at}::timestamptz, ${actor.type}::text, ${actor.id ?? null}::uuid, e.type, e.reason, e.data::jsonb
        from unnest(
          ${column(events, (e) => e.number)}::bigint[], ${column(events, (e) => e.row.type)}::text[], ${column(events, (e) => e.row.reason)}::text[],
          ${column(events, (e) => JSON.stringify(e.row.data))}::text[]
        ) with ordinality as e(ticket_number, type, reason, data, position)
        order by e.position
      returning 1
    )
    select pg_notify(${TIMERS_CHANNEL}, '') where exists (select 1 from written_timers)`);
}

/**
 * Locks a ticket and brings its clocks in line with the policies and calendars as they now are:
 * live clocks carry over (their start and pauses kept); clocks that do not cover what the policy
 * measures are rebuilt from the ticket's history (an `sla` event says so), and their steps already
 * due are planned to fire at once, late. `cache` (see {@link clockCache}) serves several tickets
 * recomputed in savepoints of one transaction.
 */
export async function recomputeTicket(tx: Db, number: number, now: Date, cache: ClockCache = cacheOf(tx)): Promise<void> {
  const ticket = await lockTicket(tx, number);
  try {
    await sync(tx, cache, ticket, { type: "changed" }, now, SYSTEM, true);
  } catch (error) {
    // What the cache holds of this ticket was written in a savepoint that is rolled back.
    cache.tickets.delete(number);
    throw error;
  }
}

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

/** The clocks of a ticket, first response, next response cycles, then resolution. */
export async function ticketClocks(db: Db, number: number, now: Date): Promise<TicketClock[]> {
  const rows = await db
    .select({ clock: slaClocks, policyName: slaPolicies.name })
    .from(slaClocks)
    .innerJoin(slaPolicies, eq(slaPolicies.id, slaClocks.policyId))
    .where(eq(slaClocks.ticketNumber, number));
  if (rows.length === 0) return [];
  const timerRows = await db.select().from(timers).where(eq(timers.ticketNumber, number)).orderBy(asc(timers.dueAt), asc(timers.level));
  const calendar = await loadCalendars(db, rows.map((r) => r.clock.calendarId));
  const at = now.getTime();
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
        stoppedAt: instant(row.stoppedAt),
        state: row.state as SlaClock["state"],
        dueAt: instant(row.dueAt),
      };
      const elapsed = elapsedOf(clock, calendar(clock.calendarId), at);
      const clockTimers = timerRows.filter((t) => t.clockId === row.id);
      const reminders = clockTimers.filter((t) => t.kind === "reminder" && t.state !== "cancelled").map((t) => t.dueAt.getTime());
      const warningAt = reminders.length > 0 ? Math.min(...reminders) : null;
      const breached = isBreached(clock, at);
      const date = (ms: Instant | null) => (ms === null ? null : new Date(ms));
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
        timers: clockTimers
          .map((t) => ({ stepId: t.stepId, kind: t.kind as ClockTimer["kind"], level: t.level, dueAt: t.dueAt, state: t.state as TimerState, firedAt: t.firedAt, lagMs: t.lagMs })),
      };
    });
}

async function selectRows<T>(tx: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
