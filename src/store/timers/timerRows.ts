// The timer engine's SQL on `timers`: claiming due timers without waiting on anyone (FOR UPDATE
// SKIP LOCKED), settling them in one statement, and the next instant anything is due.

import { and, asc, eq, lte, min, sql } from "drizzle-orm";
import type { Db } from "../database.js";
import { timers } from "../schema.js";
import { anyOf, noneOf } from "../sql/anyOf.js";

/** A pending timer whose time has come, claimed (row-locked) by this transaction. */
export interface DueTimer {
  id: number;
  ticketNumber: number;
  clockId: string;
  stepId: string;
  kind: "reminder" | "level";
  level: number;
  dueAt: Date;
}

const dueColumns = {
  id: timers.id,
  ticketNumber: timers.ticketNumber,
  clockId: timers.clockId,
  stepId: timers.stepId,
  kind: timers.kind,
  level: timers.level,
  dueAt: timers.dueAt,
};

/**
 * Locks up to `limit` pending timers due at `now`, oldest first, then the other timers due at
 * `now` of the same tickets (so that a ticket's catch-up fires in one batch, and its notices are
 * sent once per person: the answer may exceed `limit` by those). Rows another worker holds are
 * skipped, never waited for: two workers never claim one timer and never deadlock on one.
 */
export async function claimDueTimers(tx: Db, now: Date, limit: number): Promise<DueTimer[]> {
  const rows = (await tx
    .select(dueColumns)
    .from(timers)
    .where(and(eq(timers.state, "pending"), lte(timers.dueAt, now)))
    .orderBy(asc(timers.dueAt), asc(timers.id))
    .limit(limit)
    .for("update", { skipLocked: true })) as DueTimer[];
  if (rows.length < limit) return rows;
  const siblings = (await tx
    .select(dueColumns)
    .from(timers)
    .where(
      and(
        eq(timers.state, "pending"),
        lte(timers.dueAt, now),
        anyOf(timers.ticketNumber, new Set(rows.map((t) => t.ticketNumber)), "bigint"),
        noneOf(
          timers.id,
          rows.map((t) => t.id),
          "bigint",
        ),
      ),
    )
    .orderBy(asc(timers.dueAt), asc(timers.id))
    .for("update", { skipLocked: true })) as DueTimer[];
  return [...rows, ...siblings].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id - b.id);
}

/**
 * Per ticket, the earliest pending timer due at `now` that is not among `claimed` (another worker
 * holds it): the claimed timers due after it wait, so that one ticket's steps fire in order.
 */
export async function earliestUnclaimed(tx: Db, claimed: readonly DueTimer[], now: Date): Promise<Map<number, Date>> {
  if (claimed.length === 0) return new Map();
  const rows = await tx
    .select({ ticketNumber: timers.ticketNumber, dueAt: min(timers.dueAt) })
    .from(timers)
    .where(
      and(
        eq(timers.state, "pending"),
        lte(timers.dueAt, now),
        anyOf(timers.ticketNumber, new Set(claimed.map((t) => t.ticketNumber)), "bigint"),
        noneOf(
          timers.id,
          claimed.map((t) => t.id),
          "bigint",
        ),
      ),
    )
    .groupBy(timers.ticketNumber);
  return new Map(rows.filter((r) => r.dueAt !== null).map((r) => [r.ticketNumber, r.dueAt as Date]));
}

/** The current state of some timers (a step's action may have made the store replan them). */
export async function readTimers(tx: Db, ids: readonly number[]): Promise<Map<number, { state: string; dueAt: Date }>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: timers.id, state: timers.state, dueAt: timers.dueAt })
    .from(timers)
    .where(anyOf(timers.id, ids, "bigint"));
  return new Map(rows.map((r) => [r.id, { state: r.state, dueAt: r.dueAt }]));
}

/** The clocks among `clockIds` on which a level has already fired. */
export async function clocksWithFiredLevel(tx: Db, clockIds: readonly string[]): Promise<Set<string>> {
  if (clockIds.length === 0) return new Set();
  const rows = await tx
    .selectDistinct({ clockId: timers.clockId })
    .from(timers)
    .where(and(anyOf(timers.clockId, clockIds, "uuid"), eq(timers.kind, "level"), eq(timers.state, "fired")));
  return new Set(rows.map((r) => r.clockId));
}

/** How a claimed timer ends: fired (with its lag) or cancelled (its clock or step is gone). */
export interface SettledTimer {
  id: number;
  state: "fired" | "cancelled";
  lagMs: number | null;
}

/** Writes the outcome of every settled timer in one statement. */
export async function settleTimers(tx: Db, settled: readonly SettledTimer[], now: Date): Promise<void> {
  if (settled.length === 0) return;
  const ids = settled.map((s) => s.id);
  const states = settled.map((s) => s.state);
  const lags = settled.map((s) => s.lagMs);
  await tx.execute(sql`
    update ${timers} set
      state = v.state,
      fired_at = case when v.state = 'fired' then ${now.toISOString()}::timestamptz end,
      lag_ms = v.lag_ms,
      updated_at = ${now.toISOString()}::timestamptz
    from (select unnest(${sql.param(ids)}::bigint[]) as id, unnest(${sql.param(states)}::text[]) as state, unnest(${sql.param(lags)}::bigint[]) as lag_ms) v
    where ${timers.id} = v.id`);
}

/** The earliest due time among pending timers, or null when none is pending. */
export async function nextDueAt(db: Db): Promise<Date | null> {
  const [row] = await db
    .select({ dueAt: min(timers.dueAt) })
    .from(timers)
    .where(eq(timers.state, "pending"));
  return row?.dueAt ?? null;
}
