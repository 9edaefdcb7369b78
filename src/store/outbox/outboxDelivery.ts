// The delivery worker's side of the outbox: claim due rows under a lease, then record each
// outcome (delivered, retried later, dead) in one statement per batch.

import { sql } from "drizzle-orm";
import type { Db } from "../database.js";
import { pgIntArray, pgTextArray } from "../sql/pgArray.js";
import { rowsOf } from "../sql/rows.js";
import type { OutboxRow } from "./outbox.js";

/** How long a claim holds a row; a worker that dies holding it loses it after this. */
export const LEASE_MS = 60_000;

/** An outbox row as `returning *` gives it (snake case), turned into the drizzle shape. */
interface RawOutboxRow {
  id: number | string;
  delivery_id: string;
  kind: string;
  ticket_number: number | string | null;
  agent_id: string | null;
  address: string | null;
  payload: Record<string, unknown> | string;
  state: string;
  attempts: number;
  next_attempt_at: Date | string;
  lease_until: Date | string | null;
  last_error: string | null;
  transport: string | null;
  created_at: Date | string;
  delivered_at: Date | string | null;
}

const date = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));
const dateOrNull = (value: Date | string | null): Date | null => (value === null ? null : date(value));

/** A raw row (pg gives bigint as a string, PGlite may give JSON as text) as an OutboxRow. */
export function outboxRowOf(raw: RawOutboxRow): OutboxRow {
  return {
    id: Number(raw.id),
    deliveryId: raw.delivery_id,
    kind: raw.kind,
    ticketNumber: raw.ticket_number === null ? null : Number(raw.ticket_number),
    agentId: raw.agent_id,
    address: raw.address,
    payload: typeof raw.payload === "string" ? (JSON.parse(raw.payload) as Record<string, unknown>) : raw.payload,
    state: raw.state,
    attempts: Number(raw.attempts),
    nextAttemptAt: date(raw.next_attempt_at),
    leaseUntil: dateOrNull(raw.lease_until),
    lastError: raw.last_error,
    transport: raw.transport,
    createdAt: date(raw.created_at),
    deliveredAt: dateOrNull(raw.delivered_at),
  };
}

/**
 * Claims up to `limit` pending rows that are due at `now` and not leased by a live worker:
 * each gets a lease until `now` + LEASE_MS and one more attempt. Concurrent workers skip each
 * other's rows (SKIP LOCKED), so a row is claimed by one worker at a time.
 */
export async function claimOutbox(db: Db, props: { now: Date; limit: number; leaseMs?: number }): Promise<OutboxRow[]> {
  const leaseUntil = new Date(props.now.getTime() + (props.leaseMs ?? LEASE_MS));
  const result = await db.execute(sql`
    update outbox set lease_until = ${leaseUntil}, attempts = attempts + 1
    where id in (
      select id from outbox
      where state = 'pending' and next_attempt_at <= ${props.now} and (lease_until is null or lease_until < ${props.now})
      order by id
      limit ${props.limit}
      for update skip locked
    )
    returning *`);
  return rowsOf<RawOutboxRow>(result)
    .map(outboxRowOf)
    .sort((a, b) => a.id - b.id);
}

/**
 * Marks rows delivered, each with its transport, in one statement. Only rows still pending are
 * touched; returns the ids this call delivered (a row another worker finished is left out).
 */
export async function markDelivered(db: Db, deliveries: readonly { id: number; transport: string }[], now: Date): Promise<number[]> {
  if (deliveries.length === 0) return [];
  const ids = pgIntArray(deliveries.map((d) => d.id));
  const transports = pgTextArray(deliveries.map((d) => d.transport));
  const result = await db.execute(sql`
    update outbox o set state = 'delivered', delivered_at = ${now}, transport = d.transport, lease_until = null, last_error = null
    from unnest(${ids}::bigint[], ${transports}::text[]) as d(id, transport)
    where o.id = d.id and o.state = 'pending'
    returning o.id`);
  return rowsOf<{ id: number | string }>(result).map((r) => Number(r.id));
}

/** A failed attempt: try again at `retryAt`, or give up (`retryAt` null: the row is dead). */
export interface FailedAttempt {
  id: number;
  error: string;
  retryAt: Date | null;
}

/** Records failed attempts in one statement: pending again at their retry instant, or dead. */
export async function markFailed(db: Db, failures: readonly FailedAttempt[]): Promise<void> {
  if (failures.length === 0) return;
  const ids = pgIntArray(failures.map((f) => f.id));
  const errors = pgTextArray(failures.map((f) => f.error.slice(0, 2000)));
  const retries = pgTextArray(failures.map((f) => (f.retryAt ? f.retryAt.toISOString() : null)));
  await db.execute(sql`
    update outbox o set
      state = case when f.retry_at is null then 'dead' else 'pending' end,
      next_attempt_at = coalesce(f.retry_at, o.next_attempt_at),
      last_error = f.error,
      lease_until = null
    from unnest(${ids}::bigint[], ${errors}::text[], ${retries}::timestamptz[]) as f(id, error, retry_at)
    where o.id = f.id and o.state = 'pending'`);
}

/** The earliest instant a pending row becomes due (its lease may hold it a little longer), or null. */
export async function nextOutboxDue(db: Db): Promise<Date | null> {
  const result = await db.execute(sql`
    select min(greatest(next_attempt_at, coalesce(lease_until, next_attempt_at))) as due from outbox where state = 'pending'`);
  const due = rowsOf<{ due: Date | string | null }>(result)[0]?.due ?? null;
  return due === null ? null : date(due);
}
