// In-app notifications: what an agent's bell shows. Inserted by the delivery worker (from
// `inapp` outbox rows), published on a channel so that live streams push them at once.

import { and, desc, eq, gt, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "./database.js";
import { decodeIdCursor, encodeIdCursor, type Page } from "./sql/pageCursor.js";
import { NOTIFICATIONS_CHANNEL, signalPayload } from "./notificationSignal.js";
import { notifications } from "./schema.js";

export { NOTIFICATIONS_CHANNEL } from "./notificationSignal.js";

export type Notification = typeof notifications.$inferSelect;

export interface NewNotification {
  agentId: string;
  ticketNumber?: number | null;
  title: string;
  body: string;
  data?: Record<string, unknown>;
}

/**
 * Inserts notifications in one statement and publishes each (id and recipient, see
 * notificationSignal.ts) on NOTIFICATIONS_CHANNEL; listeners get it when the caller's transaction commits.
 */
export async function insertNotifications(tx: Db, items: readonly NewNotification[], now: Date): Promise<Notification[]> {
  if (items.length === 0) return [];
  const rows = await tx
    .insert(notifications)
    .values(
      items.map((item) => ({
        agentId: item.agentId,
        ticketNumber: item.ticketNumber ?? null,
        title: item.title,
        body: item.body,
        data: item.data ?? {},
        createdAt: now,
      })),
    )
    .returning();
  // Payloads hold digits, hex, '-' and ':' only: safe inside an array literal unquoted.
  const payloads = `{${rows.map(signalPayload).join(",")}}`;
  await tx.execute(sql`select pg_notify(${NOTIFICATIONS_CHANNEL}, payload) from unnest(${payloads}::text[]) as payload`);
  return rows;
}

/** An agent's notifications, newest first, `limit` (1–200, default 50) at a time; `unread` keeps the unread ones. */
export async function listNotifications(db: Db, props: { agentId: string; unread?: boolean; limit?: number; cursor?: string }): Promise<Page<Notification>> {
  const limit = Math.min(Math.max(props.limit ?? 50, 1), 200);
  const conditions: SQL[] = [eq(notifications.agentId, props.agentId)];
  if (props.unread) conditions.push(isNull(notifications.readAt));
  if (props.cursor !== undefined) conditions.push(lt(notifications.id, decodeIdCursor(props.cursor)));
  const rows = await db
    .select()
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeIdCursor(last.id) : null };
}

/** How many of an agent's notifications are unread. */
export async function countUnread(db: Db, agentId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.agentId, agentId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** Notifications by id (the ones a stream was told about), oldest first. */
export async function notificationsById(db: Db, ids: readonly number[]): Promise<Notification[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(notifications)
    .where(inArray(notifications.id, [...ids]))
    .orderBy(notifications.id);
}

/** An agent's notifications after `afterId`, oldest first, at most `limit` (a stream catching up). */
export async function notificationsAfter(db: Db, agentId: string, afterId: number, limit = 100): Promise<Notification[]> {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.agentId, agentId), gt(notifications.id, afterId)))
    .orderBy(notifications.id)
    .limit(limit);
}

/**
 * The notifications of any of `agentIds` after `afterId`, oldest first, at most `limit`: what a
 * process's streams missed while its listening connection was down.
 */
export async function notificationsAfterFor(db: Db, agentIds: readonly string[], afterId: number, limit = 500): Promise<Notification[]> {
  if (agentIds.length === 0) return [];
  return db
    .select()
    .from(notifications)
    .where(and(inArray(notifications.agentId, [...agentIds]), gt(notifications.id, afterId)))
    .orderBy(notifications.id)
    .limit(limit);
}

/** The highest notification id so far (0 when there is none). */
export async function latestNotificationId(db: Db): Promise<number> {
  const [row] = await db.select({ id: sql<number>`coalesce(max(${notifications.id}), 0)::bigint` }).from(notifications);
  return Number(row?.id ?? 0);
}

/**
 * Marks an agent's notifications read at `now`: the listed ids (others' ids are ignored), or
 * all of them. Already-read ones keep their first reading. Returns how many changed.
 */
export async function markNotificationsRead(db: Db, props: { agentId: string; ids?: readonly number[]; all?: boolean; now: Date }): Promise<number> {
  const conditions: SQL[] = [eq(notifications.agentId, props.agentId), isNull(notifications.readAt)];
  if (!props.all) {
    if (!props.ids || props.ids.length === 0) return 0;
    conditions.push(inArray(notifications.id, [...props.ids]));
  }
  const rows = await db
    .update(notifications)
    .set({ readAt: props.now })
    .where(and(...conditions))
    .returning({ id: notifications.id });
  return rows.length;
}
