// A ticket's clock and timer rows: read as jsonb in one query (one ticket or a batch, with the
// customer facts policies match on), and written for one or many tickets in one statement.

import { type SQL, sql } from "drizzle-orm";
import type { Instant } from "../../core/calendar/index.js";
import type { ClockTicket, ClockWrites, CustomerFacts } from "../../core/sla/clockPlan.js";
import type { SlaClock } from "../../core/sla/clocks.js";
import type { Target } from "../../core/sla/policy.js";
import type { StoredClock, StoredTimer, TimerState } from "../../core/sla/timerPlan.js";
import type { Db } from "../database.js";
import { type Actor, eventReason } from "../../core/events/index.js";
import { pgTextArray } from "../sql/pgArray.js";
import { tickets } from "../schema.js";

/** Channel the timer workers listen on: a NOTIFY tells them that a timer may be due sooner. */
export const TIMERS_CHANNEL = "palier_timers";

/** A ticket's clocks and timers as stored. */
export interface ClockState {
  clocks: StoredClock[];
  timers: StoredTimer[];
}

const NO_CUSTOMER: CustomerFacts = { organizationId: null, segment: null };

/**
 * In one query: the clocks and timers of ticket `number` (empty when `withClocks` is false, for a
 * ticket being created or already read) and the facts of its customer `customerId`.
 */
export async function readTicketState(tx: Db, number: number, customerId: string, withClocks: boolean): Promise<ClockState & { customer: CustomerFacts }> {
  const key = sql`${number}::bigint`;
  const rows = await selectRows<{ clocks: RawClock[] | null; timers: RawTimer[] | null; customer: CustomerFacts | null }>(
    tx,
    sql`select ${withClocks ? clocksJson(key) : sql`null::jsonb`} as clocks, ${withClocks ? timersJson(key) : sql`null::jsonb`} as timers,
      ${customerJson(sql`${customerId}::uuid`)} as customer`,
  );
  const row = rows[0];
  return { ...stateOf(row?.clocks ?? null, row?.timers ?? null), customer: row?.customer ?? NO_CUSTOMER };
}

const bigints = (numbers: readonly number[]) => sql`${`{${numbers.join(",")}}`}::bigint[]`;

/** Locks the tickets `numbers` in one statement, skipping those another transaction holds; returns the fields clocks need, by number. */
export async function lockClockTickets(tx: Db, numbers: readonly number[]): Promise<ClockTicket[]> {
  return (await tx
    .select({
      number: tickets.number,
      status: tickets.status,
      priority: tickets.priority,
      channel: tickets.channel,
      language: tickets.language,
      tags: tickets.tags,
      productId: tickets.productId,
      teamId: tickets.teamId,
      customerId: tickets.customerId,
      customFields: tickets.customFields,
      createdAt: tickets.createdAt,
      firstResponseAt: tickets.firstResponseAt,
      lastCustomerMessageAt: tickets.lastCustomerMessageAt,
      lastAgentMessageAt: tickets.lastAgentMessageAt,
    })
    .from(tickets)
    .where(sql`${tickets.number} = any(${bigints(numbers)})`)
    .orderBy(tickets.number)
    .for("update", { skipLocked: true })) as unknown as ClockTicket[];
}

/** The clocks and timers of tickets, by number, in one query. */
export async function readClockStates(tx: Db, numbers: readonly number[]): Promise<Map<number, ClockState>> {
  const result = (await tx.execute(sql`
    select b.number::text as number, ${clocksJson(sql`b.number`)} as clocks, ${timersJson(sql`b.number`)} as timers
      from unnest(${bigints(numbers)}) as b(number)`)) as unknown as { rows: { number: string; clocks: RawClock[] | null; timers: RawTimer[] | null }[] };
  return new Map(result.rows.map((row) => [Number(row.number), stateOf(row.clocks, row.timers)]));
}

/** The organization and segment of customers `ids`, by id, in one query (an unknown id: none). */
export async function readCustomerFacts(tx: Db, ids: readonly string[]): Promise<Map<string, CustomerFacts>> {
  const facts = new Map<string, CustomerFacts>();
  if (ids.length === 0) return facts;
  const customers = (await tx.execute(sql`
    select c.id::text as id, ${customerJson(sql`c.id`)} as facts from unnest(${pgTextArray(ids)}::uuid[]) as c(id)`)) as unknown as {
    rows: { id: string; facts: CustomerFacts | null }[];
  };
  for (const row of customers.rows) facts.set(row.id, row.facts ?? NO_CUSTOMER);
  return facts;
}

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
export function stateOf(clocks: RawClock[] | null, timers: RawTimer[] | null): ClockState {
  return {
    clocks: (clocks ?? []).map(clockOf),
    timers: (timers ?? []).map((t) => ({ clockId: t.clockId, stepId: t.stepId, dueAt: Date.parse(t.dueAt), state: t.state })),
  };
}

/** A clock as {@link clocksJson} reads it. */
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

/** A timer as {@link timersJson} reads it. */
export interface RawTimer {
  clockId: string;
  stepId: string;
  dueAt: string;
  state: TimerState;
}

/** An instant from a jsonb string or a timestamptz column. */
export const instantOf = (value: string | Date | null): Instant | null =>
  value === null ? null : typeof value === "string" ? Date.parse(value) : value.getTime();

function clockOf(raw: RawClock): StoredClock {
  return {
    id: raw.id,
    target: raw.target,
    cycle: raw.cycle,
    policyId: raw.policyId,
    calendarId: raw.calendarId,
    startedAt: instantOf(raw.startedAt) as Instant,
    budgetSeconds: raw.budgetSeconds,
    pauses: raw.pauses,
    stoppedAt: instantOf(raw.stoppedAt),
    state: raw.state,
    dueAt: instantOf(raw.dueAt),
  };
}

const isoOf = (at: Instant | null) => (at === null ? null : new Date(at).toISOString());

/**
 * Writes the clocks, timers, cancellations and typed events (`sla_policy`, `sla`) of one or many tickets in one statement,
 * with one array parameter per column (`unnest`); wakes the timer workers when a timer was
 * (re)planned, since it may be due before the one they sleep towards.
 */
export async function writeClocks(tx: Db, writes: readonly ClockWrites[], now: Date, actor: Actor): Promise<void> {
  if (writes.length === 0) return;
  const at = now.toISOString();
  const rows = <T>(pick: (w: ClockWrites) => readonly T[]) => writes.flatMap((w) => pick(w).map((row) => ({ number: String(w.number), row })));
  const column = <T>(items: readonly { number: string; row: T }[], value: (item: { number: string; row: T }) => string | number | null) =>
    pgTextArray(
      items.map((item) => {
        const v = value(item);
        return v === null ? null : String(v);
      }),
    );
  const clocks = rows((w) => w.clocks);
  const planned = rows((w) => w.timers);
  const cancel = rows((w) => w.cancel);
  // Each event's English reason is derived from its typed data, as writeEvents does.
  const events = rows((w) => w.events).map(({ number, row }) => ({
    number,
    row: { ...row, reason: eventReason({ ticketNumber: Number(number), at: now, actor, ...row }) },
  }));
  await tx.execute(sql`
    with written_clocks as (
      insert into sla_clocks (id, ticket_number, target, cycle, policy_id, calendar_id, started_at, budget_seconds, pauses, state, due_at, stopped_at, updated_at)
      select c.id, c.ticket_number, c.target, c.cycle, c.policy_id, c.calendar_id, c.started_at, c.budget_seconds, c.pauses::jsonb, c.state, c.due_at, c.stopped_at, ${at}::timestamptz
        from unnest(
          ${column(clocks, (c) => c.row.id)}::uuid[], ${column(clocks, (c) => c.number)}::bigint[], ${column(clocks, (c) => c.row.target)}::text[],
          ${column(clocks, (c) => c.row.cycle)}::int[], ${column(clocks, (c) => c.row.policyId)}::uuid[], ${column(clocks, (c) => c.row.calendarId)}::uuid[],
          ${column(clocks, (c) => isoOf(c.row.startedAt))}::timestamptz[], ${column(clocks, (c) => c.row.budgetSeconds)}::int[],
          ${column(clocks, (c) => JSON.stringify(c.row.pauses))}::text[], ${column(clocks, (c) => c.row.state)}::text[],
          ${column(clocks, (c) => isoOf(c.row.dueAt))}::timestamptz[], ${column(clocks, (c) => isoOf(c.row.stoppedAt))}::timestamptz[]
        ) as c(id, ticket_number, target, cycle, policy_id, calendar_id, started_at, budget_seconds, pauses, state, due_at, stopped_at)
      on conflict (id) do update set policy_id = excluded.policy_id, calendar_id = excluded.calendar_id, budget_seconds = excluded.budget_seconds,
        pauses = excluded.pauses, state = excluded.state, due_at = excluded.due_at, stopped_at = excluded.stopped_at, updated_at = excluded.updated_at
      returning 1
    ), written_timers as (
      insert into timers (ticket_number, clock_id, step_id, kind, level, due_at, state, created_at, updated_at)
      select t.ticket_number, t.clock_id, t.step_id, t.kind, t.level, t.due_at, 'pending', ${at}::timestamptz, ${at}::timestamptz
        from unnest(
          ${column(planned, (t) => t.number)}::bigint[], ${column(planned, (t) => t.row.clockId)}::uuid[], ${column(planned, (t) => t.row.stepId)}::text[],
          ${column(planned, (t) => t.row.kind)}::text[], ${column(planned, (t) => t.row.level)}::int[], ${column(planned, (t) => isoOf(t.row.dueAt))}::timestamptz[]
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

async function selectRows<T>(tx: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
