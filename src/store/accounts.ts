// Accounts: who signs in (agents and customers, with argon2id passwords), the principals they
// act as, and personal API tokens (shown once, stored as SHA-256).

import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Principal, Role } from "../core/access/permissions.js";
import type { Db } from "./database.js";
import { InvalidReferenceError, NotFoundError } from "./errors.js";
import { hashPassword, verifyPassword } from "./passwords.js";
import { recordSecurityEvent } from "./securityEvents.js";
import { agents, apiTokens, customers, sessions } from "./schema.js";

export const TOKEN_PREFIX = "plr_";
/** Passwords set through Palier are at least this long (PALIER_ADMIN_PASSWORD too). */
export const MIN_PASSWORD_LENGTH = 10;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** SHA-256 hex of a secret: tokens are long and random, so a fast hash is the right one. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** A new random token (`plr_` + 43 characters of base64url). */
export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

/** An e-mail address as accounts are matched on it: trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Principals and what the API shows of them

/**
 * The caller as `/auth/login` and `/auth/me` show it (docs/api.md), with their profile: the
 * language they read (`locale` for an agent, `language` for a customer) and their IANA time zone
 * (null until they choose one).
 */
export type PrincipalView =
  | { kind: "agent"; id: string; name: string; email: string; role: Role; teamId: string | null; locale: string; timeZone: string | null }
  | { kind: "customer"; id: string; name: string; email: string | null; language: string | null; timeZone: string | null };

type AgentRow = typeof agents.$inferSelect;
type CustomerRow = typeof customers.$inferSelect;

function agentView(row: AgentRow): PrincipalView {
  return {
    kind: "agent",
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role as Role,
    teamId: row.teamId,
    locale: row.locale,
    timeZone: row.timeZone,
  };
}

function customerView(row: CustomerRow): PrincipalView {
  return { kind: "customer", id: row.id, name: row.name, email: row.email, language: row.language, timeZone: row.timeZone };
}

/** The principal a view stands for (what permissions are checked against). */
export function principalOf(view: PrincipalView): Principal {
  return view.kind === "agent" ? { kind: "agent", id: view.id, role: view.role, teamId: view.teamId } : { kind: "customer", id: view.id };
}

/** The current name, e-mail, role… of a principal; undefined when the account is gone. */
export async function describePrincipal(db: Db, principal: Principal): Promise<PrincipalView | undefined> {
  if (principal.kind === "agent") {
    const [row] = await db.select().from(agents).where(eq(agents.id, principal.id));
    return row && agentView(row);
  }
  const [row] = await db.select().from(customers).where(eq(customers.id, principal.id));
  return row && customerView(row);
}

/** What a person may change of their own profile; an absent field stays as it is. */
export interface ProfileChange {
  /** `fr`, `nl` or `en` (checked by the caller). */
  locale?: string;
  /** An IANA zone (checked by the caller), or null to follow the working calendar or the browser again. */
  timeZone?: string | null;
}

/** Sets a principal's own language and time zone; the view after the change, undefined when the account is gone. */
export async function updateProfile(db: Db, principal: Principal, change: ProfileChange, now: Date): Promise<PrincipalView | undefined> {
  if (principal.kind === "agent") {
    const set: Partial<typeof agents.$inferInsert> = { updatedAt: now };
    if (change.locale !== undefined) set.locale = change.locale;
    if (change.timeZone !== undefined) set.timeZone = change.timeZone;
    if (Object.keys(set).length === 1) return describePrincipal(db, principal);
    const [row] = await db.update(agents).set(set).where(eq(agents.id, principal.id)).returning();
    return row && agentView(row);
  }
  const set: Partial<typeof customers.$inferInsert> = { updatedAt: now };
  if (change.locale !== undefined) set.language = change.locale;
  if (change.timeZone !== undefined) set.timeZone = change.timeZone;
  if (Object.keys(set).length === 1) return describePrincipal(db, principal);
  const [row] = await db.update(customers).set(set).where(eq(customers.id, principal.id)).returning();
  return row && customerView(row);
}

/** The language a principal reads (`fr`, `nl`, `en` or another tag as stored); undefined when unknown. */
export async function readerLanguage(db: Db, principal: Principal): Promise<string | undefined> {
  if (principal.kind === "agent") {
    const [row] = await db.select({ locale: agents.locale }).from(agents).where(eq(agents.id, principal.id));
    return row?.locale;
  }
  const [row] = await db.select({ language: customers.language }).from(customers).where(eq(customers.id, principal.id));
  return row?.language ?? undefined;
}

// ---------------------------------------------------------------------------------------------
// Passwords

export type LoginScope = "agent" | "customer";

/** Why a sign-in failed (recorded for admins; the caller only ever hears "wrong e-mail or password"). */
export type CredentialFailure = "unknown_account" | "no_password" | "wrong_password" | "inactive";

export type CredentialCheck = { ok: true; view: PrincipalView } | { ok: false; reason: CredentialFailure; agentId?: string; customerId?: string };

// Verified against when there is no account or no password, so that the answer takes as long
// as for a real account and timing does not tell which e-mail addresses exist.
let dummyHash: Promise<string> | undefined;

/** The hash compared against when there is nothing to compare; computing it once up front keeps the first miss as slow as the rest. */
export function credentialDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(24).toString("base64url"));
  return dummyHash;
}

/**
 * Checks an e-mail and password against the agents (scope `agent`) or the customers (scope
 * `customer`). Always verifies one argon2 hash, whether or not the account exists.
 */
export async function checkCredentials(db: Db, props: { email: string; password: string; scope: LoginScope }): Promise<CredentialCheck> {
  const email = normalizeEmail(props.email);
  if (props.scope === "agent") {
    const [row] = await db
      .select()
      .from(agents)
      .where(sql`lower(${agents.email}) = ${email}`);
    const matches = await verifyPassword(row?.passwordHash ?? (await credentialDummyHash()), props.password);
    if (!row) return { ok: false, reason: "unknown_account" };
    if (!row.passwordHash) return { ok: false, reason: "no_password", agentId: row.id };
    if (!matches) return { ok: false, reason: "wrong_password", agentId: row.id };
    if (!row.active) return { ok: false, reason: "inactive", agentId: row.id };
    return { ok: true, view: agentView(row) };
  }
  const [row] = await db
    .select()
    .from(customers)
    .where(sql`lower(${customers.email}) = ${email}`);
  const matches = await verifyPassword(row?.passwordHash ?? (await credentialDummyHash()), props.password);
  if (!row) return { ok: false, reason: "unknown_account" };
  if (!row.passwordHash) return { ok: false, reason: "no_password", customerId: row.id };
  if (!matches) return { ok: false, reason: "wrong_password", customerId: row.id };
  return { ok: true, view: customerView(row) };
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new InvalidReferenceError("password", `use at least ${MIN_PASSWORD_LENGTH} characters`);
}

/**
 * Sets an agent's password (argon2id) and ends the agent's sessions, so that a changed
 * password signs out every browser. Throws NotFoundError for an unknown agent.
 */
export async function setAgentPassword(db: Db, agentId: string, password: string): Promise<void> {
  checkPassword(password);
  if (!UUID.test(agentId)) throw new NotFoundError("agent", agentId);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const updated = await tx.update(agents).set({ passwordHash }).where(eq(agents.id, agentId)).returning({ id: agents.id });
    if (updated.length === 0) throw new NotFoundError("agent", agentId);
    await tx.delete(sessions).where(eq(sessions.agentId, agentId));
  });
}

/** Replaces an agent's password hash; false when there is no such agent. */
export async function replaceAgentPasswordHash(db: Db, agentId: string, passwordHash: string): Promise<boolean> {
  if (!UUID.test(agentId)) return false;
  const updated = await db.update(agents).set({ passwordHash }).where(eq(agents.id, agentId)).returning({ id: agents.id });
  return updated.length > 0;
}

/**
 * Sets a customer's password, which lets them sign in with scope `customer`, and ends their
 * sessions. Throws NotFoundError for an unknown customer.
 */
export async function setCustomerPassword(db: Db, customerId: string, password: string): Promise<void> {
  checkPassword(password);
  if (!UUID.test(customerId)) throw new NotFoundError("customer", customerId);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const updated = await tx.update(customers).set({ passwordHash }).where(eq(customers.id, customerId)).returning({ id: customers.id });
    if (updated.length === 0) throw new NotFoundError("customer", customerId);
    await tx.delete(sessions).where(eq(sessions.customerId, customerId));
  });
}

// ---------------------------------------------------------------------------------------------
// API tokens

export interface CreateApiTokenProps {
  agentId: string;
  name: string;
  now: Date;
  /** Use this value instead of a random one (PALIER_ADMIN_TOKEN). */
  value?: string;
}

/** Creates a token for an agent; the returned `token` is the only time its value is seen. */
export async function createApiToken(db: Db, props: CreateApiTokenProps): Promise<{ id: string; token: string; prefix: string }> {
  const token = props.value ?? newToken();
  const prefix = token.slice(0, 8);
  const [row] = await db
    .insert(apiTokens)
    .values({ agentId: props.agentId, name: props.name, tokenHash: hashSecret(token), prefix, createdAt: props.now })
    .returning({ id: apiTokens.id });
  return { id: (row as { id: string }).id, token, prefix };
}

// The token lookup runs on every API call: built once per database and, on PostgreSQL, a named
// statement that each pooled connection parses and plans once.
const tokenLookups = new WeakMap<Db, ReturnType<typeof prepareTokenLookup>>();

function prepareTokenLookup(db: Db) {
  return db
    .select({ tokenId: apiTokens.id, id: agents.id, role: agents.role, teamId: agents.teamId, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(agents, eq(agents.id, apiTokens.agentId))
    .where(and(eq(apiTokens.tokenHash, sql.placeholder("tokenHash")), isNull(apiTokens.revokedAt), eq(agents.active, true)))
    .prepare("palier_principal_for_token");
}

/** The active agent a live (unrevoked) token belongs to, as a principal; records its use. */
export async function principalForToken(db: Db, token: string, now: Date): Promise<Principal | undefined> {
  let lookup = tokenLookups.get(db);
  if (!lookup) tokenLookups.set(db, (lookup = prepareTokenLookup(db)));
  const [row] = await lookup.execute({ tokenHash: hashSecret(token) });
  if (!row) return undefined;
  // Write last use at most once a minute: a busy integration should not write on every call.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
  }
  return { kind: "agent", id: row.id, role: row.role as Role, teamId: row.teamId };
}

/** An agent's role, its row locked until the transaction ends; undefined for no such agent. */
export async function lockAgentRole(tx: Db, id: string): Promise<string | undefined> {
  const [row] = await tx.select({ role: agents.role }).from(agents).where(eq(agents.id, id)).for("update");
  return row?.role;
}

/** Whether an API token still acts (not revoked, its agent active), without recording a use. */
export async function tokenIsLive(db: Db, token: string): Promise<boolean> {
  let lookup = tokenLookups.get(db);
  if (!lookup) tokenLookups.set(db, (lookup = prepareTokenLookup(db)));
  const [row] = await lookup.execute({ tokenHash: hashSecret(token) });
  return row !== undefined;
}

/** A token as its owner sees it in a list: never its value or hash. */
export interface ApiTokenSummary {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const summaryColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

/** An agent's tokens, revoked ones included, newest first. */
export async function listApiTokens(db: Db, agentId: string): Promise<ApiTokenSummary[]> {
  return db.select(summaryColumns).from(apiTokens).where(eq(apiTokens.agentId, agentId)).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** Creates a token for its owner and records `token_created`, in one transaction. */
export async function issueApiToken(
  db: Db,
  props: { agentId: string; name: string; now: Date; ip?: string | null },
): Promise<{ id: string; name: string; prefix: string; token: string }> {
  return db.transaction(async (tx) => {
    const created = await createApiToken(tx, { agentId: props.agentId, name: props.name, now: props.now });
    await recordSecurityEvent(tx, {
      type: "token_created",
      at: props.now,
      agentId: props.agentId,
      ip: props.ip ?? null,
      data: { tokenId: created.id, name: props.name, prefix: created.prefix },
    });
    return { id: created.id, name: props.name, prefix: created.prefix, token: created.token };
  });
}

/**
 * Revokes one of `agentId`'s own tokens and records `token_revoked`. Someone else's token, or
 * an unknown id, is a NotFoundError; revoking a revoked token changes nothing.
 */
export async function revokeApiToken(db: Db, props: { agentId: string; tokenId: string; now: Date; ip?: string | null }): Promise<ApiTokenSummary> {
  if (!UUID.test(props.tokenId)) throw new NotFoundError("API token", props.tokenId);
  return db.transaction(async (tx) => {
    const [token] = await tx
      .select(summaryColumns)
      .from(apiTokens)
      .where(and(eq(apiTokens.id, props.tokenId), eq(apiTokens.agentId, props.agentId)))
      .for("update");
    if (!token) throw new NotFoundError("API token", props.tokenId);
    if (token.revokedAt) return token;
    await tx.update(apiTokens).set({ revokedAt: props.now }).where(eq(apiTokens.id, token.id));
    await recordSecurityEvent(tx, {
      type: "token_revoked",
      at: props.now,
      agentId: props.agentId,
      ip: props.ip ?? null,
      data: { tokenId: token.id, name: token.name, prefix: token.prefix },
    });
    return { ...token, revokedAt: props.now };
  });
}
