// What admins see of the outbox: rows by state and kind, a replay of a dead (or delivered) row,
// and the built-in mailbox (the e-mails kept because no SMTP server is configured).

import { and, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import type { Db } from "../database.js";
import { NotFoundError } from "../errors.js";
import { outbox } from "../schema.js";
import { decodeIdCursor, encodeIdCursor, type Page } from "../sql/pageCursor.js";
import type { OutboxRow } from "./outbox.js";

export const OUTBOX_STATES = ["pending", "delivered", "dead"] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];
export const OUTBOX_KINDS = ["email", "webhook", "inapp", "social"] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** The transport of e-mails kept in the built-in mailbox. */
export const MAILBOX_TRANSPORT = "mailbox";

/** A row that cannot be replayed in its state (a pending one is still on its way). */
export class OutboxStateError extends Error {
  constructor(
    readonly id: number,
    readonly state: string,
  ) {
    super(`outbox row ${id} is ${state}: only a dead or delivered row can be replayed`);
    this.name = "OutboxStateError";
  }
}

/** Rows newest first, `limit` (1–200, default 50) at a time, optionally of one state and kind. */
export async function listOutbox(db: Db, props: { state?: OutboxState; kind?: OutboxKind; limit?: number; cursor?: string } = {}): Promise<Page<OutboxRow>> {
  const conditions: SQL[] = [];
  if (props.state) conditions.push(eq(outbox.state, props.state));
  if (props.kind) conditions.push(eq(outbox.kind, props.kind));
  return pageById(db, conditions, props);
}

/**
 * The e-mails of the built-in mailbox, newest first: delivered with transport `mailbox`
 * because no SMTP server was configured when they went out.
 */
export async function listMailbox(db: Db, props: { limit?: number; cursor?: string } = {}): Promise<Page<OutboxRow>> {
  return pageById(db, [eq(outbox.kind, "email"), eq(outbox.transport, MAILBOX_TRANSPORT), eq(outbox.state, "delivered")], props);
}

async function pageById(db: Db, conditions: SQL[], props: { limit?: number; cursor?: string }): Promise<Page<OutboxRow>> {
  const limit = Math.min(Math.max(props.limit ?? 50, 1), 200);
  if (props.cursor !== undefined) conditions.push(lt(outbox.id, decodeIdCursor(props.cursor)));
  const rows = await db
    .select()
    .from(outbox)
    .where(and(...conditions))
    .orderBy(desc(outbox.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeIdCursor(last.id) : null };
}

/**
 * Puts a dead or delivered row back in the queue: pending, no attempts, due at `now`, its last
 * error kept until the next attempt. NotFoundError when there is no such row; OutboxStateError
 * when it is pending.
 */
export async function replayOutbox(db: Db, id: number, now: Date): Promise<OutboxRow> {
  const [row] = await db
    .update(outbox)
    .set({ state: "pending", attempts: 0, nextAttemptAt: now, leaseUntil: null, deliveredAt: null, transport: null })
    .where(and(eq(outbox.id, id), inArray(outbox.state, ["dead", "delivered"])))
    .returning();
  if (row) return row;
  const [current] = await db.select({ state: outbox.state }).from(outbox).where(eq(outbox.id, id));
  if (!current) throw new NotFoundError("outbox row", id);
  throw new OutboxStateError(id, current.state);
}
