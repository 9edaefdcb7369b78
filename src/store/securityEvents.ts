// Security events: the audit trail of sign-ins, failed sign-ins, sign-outs, API tokens and role
// changes, and the failed-sign-in throttle that reads it.

import { and, desc, eq, gt, lt, type SQL, sql } from "drizzle-orm";
import type { Db } from "./database.js";
import { InvalidReferenceError } from "./errors.js";
import { securityEvents } from "./schema.js";

export const SECURITY_EVENT_TYPES = [
  "login",
  "login_failed",
  "logout",
  "token_created",
  "token_revoked",
  "role_changed",
  "password_set",
  "sessions_ended",
] as const;
export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

/**
 * An event to record. `agentId`/`customerId` name the account the event is about; `data` by type:
 * - `login`, `logout`: `{scope}`;
 * - `login_failed`: `{email, scope, reason}` (`email` as tried, lower-cased; `reason` is
 *   `unknown_account`, `no_password`, `wrong_password` or `inactive`; the caller only ever sees 401);
 * - `token_created`, `token_revoked`: `{tokenId, name, prefix}` (plus `by: "bootstrap"` for PALIER_ADMIN_TOKEN);
 * - `role_changed`: `{from, to, changedBy}` where `agentId` is the agent whose role changed and
 *   `changedBy` the acting agent's id (or `"bootstrap"`).
 */
export interface SecurityEventInput {
  type: SecurityEventType;
  at: Date;
  agentId?: string | null;
  customerId?: string | null;
  /** The caller's address, when the event comes from a request. */
  ip?: string | null;
  data?: Record<string, unknown>;
}

/** A recorded event, as the API lists it. */
export interface SecurityEvent {
  id: number;
  at: Date;
  type: string;
  agentId: string | null;
  customerId: string | null;
  ip: string | null;
  data: Record<string, unknown>;
}

/** Appends an event (pass a transaction as `db` to record it with the change it describes). */
export async function recordSecurityEvent(db: Db, event: SecurityEventInput): Promise<SecurityEvent> {
  const [row] = await db
    .insert(securityEvents)
    .values({
      at: event.at,
      type: event.type,
      agentId: event.agentId ?? null,
      customerId: event.customerId ?? null,
      ip: event.ip ?? null,
      data: event.data ?? {},
    })
    .returning();
  if (!row) throw new Error(`recording the security event ${event.type} returned no row`);
  return { ...row, id: Number(row.id) };
}

export interface SecurityEventPage {
  items: SecurityEvent[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** Events newest first, `limit` (1–200, default 50) at a time. */
export async function listSecurityEvents(db: Db, props: { limit?: number; cursor?: string } = {}): Promise<SecurityEventPage> {
  const limit = Math.min(Math.max(props.limit ?? 50, 1), 200);
  const before = props.cursor === undefined ? undefined : decodeCursor(props.cursor);
  const rows = await db
    .select()
    .from(securityEvents)
    .where(before === undefined ? undefined : lt(securityEvents.id, before))
    .orderBy(desc(securityEvents.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map((row) => ({ ...row, id: Number(row.id) }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? Buffer.from(String(last.id)).toString("base64url") : null };
}

function decodeCursor(cursor: string): number {
  const id = Buffer.from(cursor, "base64url").toString("utf8");
  if (/^[1-9][0-9]{0,15}$/.test(id)) return Number(id);
  throw new InvalidReferenceError("cursor", "is not a cursor from a previous page");
}

/** Failed sign-ins are counted over this sliding window. */
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60_000;
/** Failed sign-ins allowed per e-mail address within the window. */
export const LOGIN_FAILURES_PER_EMAIL = 10;
/** Failed sign-ins allowed per client address within the window (an office shares one). */
export const LOGIN_FAILURES_PER_IP = 30;

/**
 * Whether sign-ins for `email` (lower-cased) or from `ip` are paused by too many recent
 * `login_failed` events; if so, how many seconds until one more attempt is allowed.
 */
export async function loginThrottle(
  db: Db,
  props: { email: string; ip: string; now: Date },
): Promise<{ retryAfterSeconds: number; by: "email" | "ip" } | undefined> {
  const since = new Date(props.now.getTime() - LOGIN_FAILURE_WINDOW_MS);
  const byEmail = await oldestBlockingFailure(db, sql`${securityEvents.data}->>'email' = ${props.email}`, since, LOGIN_FAILURES_PER_EMAIL);
  const byIp = await oldestBlockingFailure(db, eq(securityEvents.ip, props.ip), since, LOGIN_FAILURES_PER_IP);
  const blocking = [byEmail && { at: byEmail, by: "email" as const }, byIp && { at: byIp, by: "ip" as const }]
    .filter((b) => b !== undefined)
    .sort((a, b) => b.at.getTime() - a.at.getTime())[0];
  if (!blocking) return undefined;
  const retryAfterMs = blocking.at.getTime() + LOGIN_FAILURE_WINDOW_MS - props.now.getTime();
  return { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)), by: blocking.by };
}

// With n ≥ limit failures in the window, one more attempt is allowed once the (n − limit + 1)
// oldest have left it: the failure at offset limit − 1, newest first, is the one to wait for.
async function oldestBlockingFailure(db: Db, match: SQL, since: Date, limit: number): Promise<Date | undefined> {
  const [row] = await db
    .select({ at: securityEvents.at })
    .from(securityEvents)
    .where(and(eq(securityEvents.type, "login_failed"), gt(securityEvents.at, since), match))
    .orderBy(desc(securityEvents.at))
    .offset(limit - 1)
    .limit(1);
  return row?.at;
}
