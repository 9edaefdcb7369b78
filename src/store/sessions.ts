// Browser sessions: signing in and out, and finding the caller behind a session cookie. The
// cookie holds a random token; the table holds its SHA-256, the CSRF token and the expiry.

import { randomBytes } from "node:crypto";
import { eq, lte } from "drizzle-orm";
import type { Principal, Role } from "../core/access/permissions.js";
import { type LoginScope, type PrincipalView, checkCredentials, hashSecret, normalizeEmail, principalOf } from "./accounts.js";
import type { Db } from "./database.js";
import { agents, customers, sessions } from "./schema.js";
import { loginThrottle, recordSecurityEvent } from "./securityEvents.js";

/** A session ends after this long without a request (sliding)… */
export const SESSION_IDLE_MS = 12 * 60 * 60_000;
/** …and in any case this long after sign-in (the cookie's Max-Age too). */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60_000;
/** The expiry slides forward at most once a minute, so that reads do not write on every request. */
const SLIDE_EVERY_MS = 60_000;

/** A new session: `token` goes into the cookie, `csrfToken` to the client's script. */
export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** A live session, found from its cookie. */
export interface ActiveSession {
  principal: Principal;
  csrfToken: string;
  expiresAt: Date;
}

type Account = { agentId: string } | { customerId: string };

/** Opens a session for an account (and drops sessions that have expired meanwhile). */
export async function createSession(db: Db, account: Account, now: Date): Promise<NewSession> {
  await db.delete(sessions).where(lte(sessions.expiresAt, now));
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
  await db.insert(sessions).values({
    tokenHash: hashSecret(token),
    agentId: "agentId" in account ? account.agentId : null,
    customerId: "customerId" in account ? account.customerId : null,
    csrfToken,
    createdAt: now,
    expiresAt,
  });
  return { token, csrfToken, expiresAt };
}

/**
 * The session behind a cookie's token, sliding its expiry forward; undefined when unknown,
 * expired, or its agent deactivated (such a session is deleted).
 */
export async function findSession(db: Db, token: string, now: Date): Promise<ActiveSession | undefined> {
  const tokenHash = hashSecret(token);
  const [row] = await db
    .select({
      agentId: sessions.agentId,
      customerId: sessions.customerId,
      csrfToken: sessions.csrfToken,
      createdAt: sessions.createdAt,
      expiresAt: sessions.expiresAt,
      role: agents.role,
      teamId: agents.teamId,
      active: agents.active,
      customerExists: customers.id,
    })
    .from(sessions)
    .leftJoin(agents, eq(agents.id, sessions.agentId))
    .leftJoin(customers, eq(customers.id, sessions.customerId))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!row) return undefined;
  let principal: Principal | undefined;
  if (row.agentId && row.role && row.active) principal = { kind: "agent", id: row.agentId, role: row.role as Role, teamId: row.teamId };
  else if (row.customerId && row.customerExists) principal = { kind: "customer", id: row.customerId };
  if (!principal || row.expiresAt.getTime() <= now.getTime()) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return undefined;
  }
  let expiresAt = row.expiresAt;
  const slid = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, row.createdAt.getTime() + SESSION_MAX_MS));
  if (slid.getTime() - expiresAt.getTime() >= SLIDE_EVERY_MS) {
    await db.update(sessions).set({ expiresAt: slid }).where(eq(sessions.tokenHash, tokenHash));
    expiresAt = slid;
  }
  return { principal, csrfToken: row.csrfToken, expiresAt };
}

/** Deletes the session behind a cookie's token; the account it belonged to, if any. */
export async function endSession(db: Db, token: string): Promise<Account | undefined> {
  const [row] = await db
    .delete(sessions)
    .where(eq(sessions.tokenHash, hashSecret(token)))
    .returning({ agentId: sessions.agentId, customerId: sessions.customerId });
  if (row?.agentId) return { agentId: row.agentId };
  if (row?.customerId) return { customerId: row.customerId };
  return undefined;
}

export interface LoginProps {
  email: string;
  password: string;
  scope: LoginScope;
  /** The caller's address: throttled on, and recorded. */
  ip: string;
  now: Date;
  /** The session cookie the browser already had, if any: it is ended (no session fixation). */
  previousToken?: string;
}

export type LoginResult =
  | { outcome: "ok"; session: NewSession; principal: Principal; view: PrincipalView }
  | { outcome: "failed" }
  | { outcome: "throttled"; retryAfterSeconds: number };

/**
 * Signs in: refuses while the e-mail or address has too many recent failures (see
 * `loginThrottle`), checks the password, opens a session, and records `login` or `login_failed`.
 */
export async function logIn(db: Db, props: LoginProps): Promise<LoginResult> {
  const email = normalizeEmail(props.email);
  const throttled = await loginThrottle(db, { email, ip: props.ip, now: props.now });
  if (throttled) return { outcome: "throttled", retryAfterSeconds: throttled.retryAfterSeconds };
  const check = await checkCredentials(db, { email, password: props.password, scope: props.scope });
  if (!check.ok) {
    await recordSecurityEvent(db, {
      type: "login_failed",
      at: props.now,
      agentId: check.agentId ?? null,
      customerId: check.customerId ?? null,
      ip: props.ip,
      data: { email, scope: props.scope, reason: check.reason },
    });
    return { outcome: "failed" };
  }
  if (props.previousToken) await endSession(db, props.previousToken);
  const account: Account = check.view.kind === "agent" ? { agentId: check.view.id } : { customerId: check.view.id };
  const session = await createSession(db, account, props.now);
  await recordSecurityEvent(db, { type: "login", at: props.now, ...account, ip: props.ip, data: { scope: props.scope } });
  return { outcome: "ok", session, principal: principalOf(check.view), view: check.view };
}

/** Signs out: ends the session behind `token` and records `logout`. */
export async function logOut(db: Db, props: { token: string; ip: string; now: Date }): Promise<void> {
  const account = await endSession(db, props.token);
  if (!account) return;
  await recordSecurityEvent(db, { type: "logout", at: props.now, ...account, ip: props.ip, data: { scope: "agentId" in account ? "agent" : "customer" } });
}

/**
 * Whether the session behind a cookie's token is still live (not ended, not expired, its
 * account active), without sliding its expiry: an open stream is no sign of a person's activity.
 */
export async function sessionIsLive(db: Db, token: string, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ expiresAt: sessions.expiresAt, agentId: sessions.agentId, active: agents.active, customerExists: customers.id })
    .from(sessions)
    .leftJoin(agents, eq(agents.id, sessions.agentId))
    .leftJoin(customers, eq(customers.id, sessions.customerId))
    .where(eq(sessions.tokenHash, hashSecret(token)));
  if (!row || row.expiresAt.getTime() <= now.getTime()) return false;
  return row.agentId ? row.active === true : row.customerExists !== null;
}

/** Deletes the sessions that expired at or before `now`; returns how many. */
export async function purgeExpiredSessions(db: Db, now: Date): Promise<number> {
  const deleted = await db.delete(sessions).where(lte(sessions.expiresAt, now)).returning({ tokenHash: sessions.tokenHash });
  return deleted.length;
}

/** Ends every session of an account (after a password change or deactivation, say). */
export async function endSessionsOf(db: Db, account: Account): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where("agentId" in account ? eq(sessions.agentId, account.agentId) : eq(sessions.customerId, account.customerId))
    .returning({ tokenHash: sessions.tokenHash });
  return ended.length;
}
