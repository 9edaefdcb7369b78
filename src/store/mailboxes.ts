// IMAP mailboxes as stored (docs/email.md, "IMAP mailboxes"): their settings with the password
// sealed, how far each was taken (UIDVALIDITY, last UID), the state admins see, and the lease
// that lets one process only fetch a mailbox when several run on one PostgreSQL. Leases run on
// the database's clock: they are about processes being alive, not about the business's time.

import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "./database.js";
import { agents, mailboxes } from "./schema.js";
import { selectRows } from "./sql/rows.js";

/** Channel told of every admin edit of a mailbox, so that the fetching process picks it up at once. */
export const MAILBOXES_CHANNEL = "palier_mailboxes";

/** Tells the fetchers (on commit) that mailboxes changed. */
export async function signalMailboxes(db: Db): Promise<void> {
  await db.execute(sql`select pg_notify(${MAILBOXES_CHANNEL}, '')`);
}

export type MailboxRow = typeof mailboxes.$inferSelect;
export type MailboxState = "connecting" | "idle" | "polling" | "failing" | "disabled";

/** The settings an admin writes. */
export interface MailboxSettings {
  name: string;
  host: string;
  port: number;
  tls: "tls" | "starttls" | "none";
  username: string;
  folder: string;
  teamId: string;
  address: string;
  enabled: boolean;
}

export async function listMailboxes(db: Db): Promise<MailboxRow[]> {
  return db
    .select()
    .from(mailboxes)
    .orderBy(asc(sql`lower(${mailboxes.name})`));
}

export async function mailboxById(db: Db, id: string): Promise<MailboxRow | undefined> {
  const [row] = await db.select().from(mailboxes).where(eq(mailboxes.id, id)).limit(1);
  return row;
}

export async function insertMailbox(db: Db, settings: MailboxSettings & { passwordSecret: string | null }, now: Date): Promise<MailboxRow> {
  const [row] = await db
    .insert(mailboxes)
    .values({ ...settings, state: settings.enabled ? "connecting" : "disabled", createdAt: now, updatedAt: now })
    .returning();
  return row as MailboxRow;
}

/**
 * Writes an admin's edit; `passwordSecret` undefined keeps the stored one. Moving the mailbox to
 * another server, account or folder starts it over (its UIDs mean nothing there).
 */
export async function updateMailbox(
  db: Db,
  id: string,
  settings: MailboxSettings & { passwordSecret?: string | null },
  now: Date,
): Promise<MailboxRow | undefined> {
  const before = await mailboxById(db, id);
  if (!before) return undefined;
  const moved = before.host !== settings.host || before.port !== settings.port || before.username !== settings.username || before.folder !== settings.folder;
  const written = {
    name: settings.name,
    host: settings.host,
    port: settings.port,
    tls: settings.tls,
    username: settings.username,
    folder: settings.folder,
    teamId: settings.teamId,
    address: settings.address,
    enabled: settings.enabled,
    ...(settings.passwordSecret !== undefined ? { passwordSecret: settings.passwordSecret } : {}),
  };
  const [row] = await db
    .update(mailboxes)
    .set({
      ...written,
      ...(moved ? { uidValidity: null, lastUid: 0 } : {}),
      ...(settings.enabled ? (before.state === "disabled" ? { state: "connecting" } : {}) : { state: "disabled", failingSince: null }),
      updatedAt: now,
      version: sql`${mailboxes.version} + 1`,
    })
    .where(eq(mailboxes.id, id))
    .returning();
  return row;
}

export async function deleteMailbox(db: Db, id: string): Promise<boolean> {
  const rows = await db.delete(mailboxes).where(eq(mailboxes.id, id)).returning({ id: mailboxes.id });
  return rows.length > 0;
}

/**
 * Takes or renews the lease of every enabled mailbox free, held by `owner`, or whose lease ran
 * out, for `leaseMs` on the database's clock; answers those now held by `owner`.
 */
export async function claimMailboxes(db: Db, owner: string, leaseMs: number): Promise<MailboxRow[]> {
  await db.execute(sql`
    update mailboxes set lease_owner = ${owner}, lease_until = now() + ${`${leaseMs} milliseconds`}::interval
    where enabled and (lease_owner is null or lease_owner = ${owner} or lease_until < now())`);
  return db
    .select()
    .from(mailboxes)
    .where(and(eq(mailboxes.enabled, true), eq(mailboxes.leaseOwner, owner)));
}

/** Gives up `owner`'s leases (a process stopping), so that another process takes them at once. */
export async function releaseMailboxes(db: Db, owner: string): Promise<void> {
  await db.update(mailboxes).set({ leaseOwner: null, leaseUntil: null }).where(eq(mailboxes.leaseOwner, owner));
}

/**
 * Locks the mailbox's row for the unit of work that takes a message, if `owner` still holds it;
 * answers where it stands (undefined: the lease was lost, take nothing).
 */
export async function lockMailboxCursor(db: Db, id: string, owner: string): Promise<{ uidValidity: number | null; lastUid: number } | undefined> {
  const rows = await selectRows<{ uid_validity: string | number | null; last_uid: string | number }>(
    db,
    sql`select uid_validity, last_uid from mailboxes where id = ${id} and lease_owner = ${owner} for update`,
  );
  const row = rows[0];
  if (!row) return undefined;
  return { uidValidity: row.uid_validity === null ? null : Number(row.uid_validity), lastUid: Number(row.last_uid) };
}

/** Moves the mailbox's cursor (in the unit of work of the message taken at `uid`). */
export async function setMailboxCursor(db: Db, id: string, cursor: { uidValidity: number; lastUid: number; messageAt?: Date }): Promise<void> {
  await db
    .update(mailboxes)
    .set({ uidValidity: cursor.uidValidity, lastUid: cursor.lastUid, ...(cursor.messageAt ? { lastMessageAt: cursor.messageAt } : {}) })
    .where(eq(mailboxes.id, id));
}

/** Writes the mailbox's state as its fetcher sees it. */
export async function setMailboxState(
  db: Db,
  id: string,
  state: { state: MailboxState; failingSince: Date | null; lastErrorCode?: string | null; lastError?: string | null; lastConnectedAt?: Date },
): Promise<void> {
  await db.update(mailboxes).set(state).where(eq(mailboxes.id, id));
}

/** The mailbox's row locked for a state change. */
export async function lockMailbox(db: Db, id: string): Promise<MailboxRow | undefined> {
  const [row] = await db.select().from(mailboxes).where(eq(mailboxes.id, id)).for("update").limit(1);
  return row;
}

/** The active admins, who hear of mailboxes failing and recovering. */
export async function activeAdmins(db: Db): Promise<{ id: string; locale: string; email: string | null }[]> {
  return db
    .select({ id: agents.id, locale: agents.locale, email: agents.email })
    .from(agents)
    .where(and(eq(agents.role, "admin"), eq(agents.active, true)));
}
