// Time rules' timers (`rule_timers`): one per rule per ticket, re-planned when the ticket or the
// rule changes, claimed by the engine's timer loop without waiting on anyone (SKIP LOCKED), and
// the instants a ticket's time rules count from.

import { and, asc, eq, lte, min, sql } from "drizzle-orm";
import type { Db } from "./database.js";
import { ruleTimers } from "./schema.js";
import { TIMERS_CHANNEL } from "./sla/clockRows.js";
import { anyOf } from "./sql/anyOf.js";
import { pgTextArray } from "./sql/pgArray.js";
import { rowsOf } from "./sql/rows.js";

/** A time rule's next moment on one ticket. */
export interface PlannedRuleTimer {
  ruleId: string;
  ticketNumber: number;
  anchorAt: Date;
  dueAt: Date;
}

/**
 * Writes planned timers in one statement and wakes the timer loop. A timer already fired for
 * the same anchor stays fired (a time rule fires once per anchor); any other is re-armed at its
 * new moment.
 */
export async function upsertRuleTimers(tx: Db, planned: readonly PlannedRuleTimer[], now: Date): Promise<void> {
  if (planned.length === 0) return;
  const at = now.toISOString();
  await tx.execute(sql`
    with written as (
      insert into rule_timers (rule_id, ticket_number, anchor_at, due_at, state, created_at, updated_at)
      select p.rule_id, p.ticket_number, p.anchor_at, p.due_at, 'pending', ${at}::timestamptz, ${at}::timestamptz
        from unnest(${pgTextArray(planned.map((p) => p.ruleId))}::uuid[], ${pgTextArray(planned.map((p) => String(p.ticketNumber)))}::bigint[],
                    ${pgTextArray(planned.map((p) => p.anchorAt.toISOString()))}::timestamptz[], ${pgTextArray(planned.map((p) => p.dueAt.toISOString()))}::timestamptz[])
          as p(rule_id, ticket_number, anchor_at, due_at)
      on conflict (rule_id, ticket_number) do update set
        anchor_at = excluded.anchor_at, due_at = excluded.due_at, state = 'pending', fired_at = null, updated_at = excluded.updated_at
        where rule_timers.anchor_at <> excluded.anchor_at
           or (rule_timers.state <> 'fired' and (rule_timers.due_at <> excluded.due_at or rule_timers.state <> 'pending'))
      returning 1
    )
    select pg_notify(${TIMERS_CHANNEL}, '') where exists (select 1 from written)`);
}

/** Cancels the pending timers of a ticket (all, or those of `ruleIds`). */
export async function cancelRuleTimers(tx: Db, ticketNumber: number, now: Date, ruleIds?: readonly string[]): Promise<void> {
  await tx
    .update(ruleTimers)
    .set({ state: "cancelled", updatedAt: now })
    .where(and(eq(ruleTimers.ticketNumber, ticketNumber), eq(ruleTimers.state, "pending"), ...(ruleIds ? [anyOf(ruleTimers.ruleId, ruleIds, "uuid")] : [])));
}

/** Cancels every pending timer of the rules `ruleIds` (a rule no longer a time rule, or disabled). */
export async function cancelTimersOfRules(tx: Db, ruleIds: readonly string[], now: Date): Promise<void> {
  if (ruleIds.length === 0) return;
  await tx
    .update(ruleTimers)
    .set({ state: "cancelled", updatedAt: now })
    .where(and(eq(ruleTimers.state, "pending"), anyOf(ruleTimers.ruleId, ruleIds, "uuid")));
}

/** A due time-rule timer, claimed (row-locked) by this transaction. */
export interface DueRuleTimer {
  id: number;
  ruleId: string;
  ticketNumber: number;
  anchorAt: Date;
  dueAt: Date;
}

/** Locks up to `limit` pending rule timers due at `now`, oldest first; rows another worker holds are skipped. */
export async function claimDueRuleTimers(tx: Db, now: Date, limit: number): Promise<DueRuleTimer[]> {
  return (await tx
    .select({ id: ruleTimers.id, ruleId: ruleTimers.ruleId, ticketNumber: ruleTimers.ticketNumber, anchorAt: ruleTimers.anchorAt, dueAt: ruleTimers.dueAt })
    .from(ruleTimers)
    .where(and(eq(ruleTimers.state, "pending"), lte(ruleTimers.dueAt, now)))
    .orderBy(asc(ruleTimers.dueAt), asc(ruleTimers.id))
    .limit(limit)
    .for("update", { skipLocked: true })) as DueRuleTimer[];
}

/** Marks claimed timers fired or cancelled, in one statement. */
export async function settleRuleTimers(tx: Db, settled: readonly { id: number; state: "fired" | "cancelled" }[], now: Date): Promise<void> {
  if (settled.length === 0) return;
  await tx.execute(sql`
    update rule_timers set state = v.state, fired_at = case when v.state = 'fired' then ${now.toISOString()}::timestamptz end, updated_at = ${now.toISOString()}::timestamptz
      from (select unnest(${sql.param(settled.map((s) => s.id))}::bigint[]) as id, unnest(${sql.param(settled.map((s) => s.state))}::text[]) as state) v
     where rule_timers.id = v.id`);
}

/** The earliest due time among pending rule timers, or null. */
export async function nextRuleDueAt(db: Db): Promise<Date | null> {
  const [row] = await db
    .select({ dueAt: min(ruleTimers.dueAt) })
    .from(ruleTimers)
    .where(eq(ruleTimers.state, "pending"));
  return row?.dueAt ?? null;
}

/** The earliest due times of pending matrix timers (`step`) and rule timers (`rule`), in one query. */
export async function nextDueMoments(db: Db): Promise<{ step: Date | null; rule: Date | null }> {
  const [row] = rowsOf<{ step: string | Date | null; rule: string | Date | null }>(
    await db.execute(sql`
      select (select min(due_at) from timers where state = 'pending') as step,
             (select min(due_at) from rule_timers where state = 'pending') as rule`),
  );
  const at = (value: string | Date | null | undefined) => (value === null || value === undefined ? null : new Date(value));
  return { step: at(row?.step), rule: at(row?.rule) };
}

/** A ticket's timers, for tests and the timeline. */
export async function listRuleTimers(db: Db, ticketNumber: number): Promise<(typeof ruleTimers.$inferSelect)[]> {
  return db.select().from(ruleTimers).where(eq(ruleTimers.ticketNumber, ticketNumber)).orderBy(asc(ruleTimers.id));
}

/** When each ticket's status last changed (its creation counts), from its timeline. */
export async function lastStatusChanges(db: Db, ticketNumbers: readonly number[]): Promise<Map<number, Date>> {
  if (ticketNumbers.length === 0) return new Map();
  const result = await db.execute(sql`
    select ticket_number::text as number, max(at) as at from ticket_events
     where ticket_number = any(${`{${ticketNumbers.join(",")}}`}::bigint[]) and (type = 'created' or changes ? 'status')
     group by ticket_number`);
  return new Map(rowsOf<{ number: string; at: Date | string }>(result).map((r) => [Number(r.number), new Date(r.at)]));
}
