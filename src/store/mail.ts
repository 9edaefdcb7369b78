// E-mail as stored (docs/email.md): every message in or out with what became of it and the
// Message-ID replies thread by, the raw bytes of what was received, and the files messages
// brought.

import { and, asc, desc, eq, gte, ne, sql } from "drizzle-orm";
import type { Db } from "./database.js";
import { attachments, mailMessages, teams } from "./schema.js";
import { anyOf } from "./sql/anyOf.js";
import { pgTextArray } from "./sql/pgArray.js";

export type MailRow = typeof mailMessages.$inferSelect;
export type NewMailRow = Omit<typeof mailMessages.$inferInsert, "id">;
export type AttachmentRow = typeof attachments.$inferSelect;
export type NewAttachmentRow = Omit<typeof attachments.$inferInsert, "id">;

/** Inserts a mail row; answers its id (the raw bytes are not read back). */
export async function insertMail(db: Db, row: NewMailRow): Promise<{ id: string }> {
  const [inserted] = await db.insert(mailMessages).values(row).returning({ id: mailMessages.id });
  return inserted as { id: string };
}

/** The ticket the newest of `messageIds` (Message-ID headers, brackets included) belongs to, if any. */
export async function ticketOfMessageIds(db: Db, messageIds: readonly string[]): Promise<number | null> {
  if (messageIds.length === 0) return null;
  const [row] = await db
    .select({ ticketNumber: mailMessages.ticketNumber })
    .from(mailMessages)
    .where(and(anyOf(mailMessages.messageIdHeader, messageIds, "text"), sql`${mailMessages.ticketNumber} is not null`))
    .orderBy(desc(mailMessages.createdAt))
    .limit(1);
  return row?.ticketNumber ?? null;
}

/** Whether a message with this Message-ID was taken already (a server delivering it twice); one kept as `error` was not. */
export async function receivedBefore(db: Db, messageId: string): Promise<MailSummary | undefined> {
  const [row] = await db
    .select(SUMMARY)
    .from(mailMessages)
    .where(and(eq(mailMessages.direction, "in"), eq(mailMessages.messageIdHeader, messageId), ne(mailMessages.outcome, "error")))
    .limit(1);
  return row as MailSummary | undefined;
}

/** How many messages `address` sent since `since`: a sender writing faster than a person can is a loop. */
export async function receivedFromSince(db: Db, address: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(mailMessages)
    .where(and(eq(mailMessages.direction, "in"), eq(mailMessages.fromAddress, address), gte(mailMessages.createdAt, since)));
  return row?.count ?? 0;
}

/** A ticket's Message-IDs in the order they were written, oldest first, and the newest one received. */
export async function threadOf(db: Db, ticketNumber: number): Promise<{ ids: string[]; lastReceived: string | null }> {
  const rows = await db
    .select({ id: mailMessages.messageIdHeader, direction: mailMessages.direction })
    .from(mailMessages)
    .where(and(eq(mailMessages.ticketNumber, ticketNumber), sql`${mailMessages.messageIdHeader} is not null`))
    .orderBy(asc(mailMessages.createdAt));
  const ids = rows.map((row) => row.id as string);
  const lastReceived = rows.filter((row) => row.direction === "in").at(-1)?.id ?? null;
  return { ids, lastReceived };
}

/** Inserts attachment rows (their bytes are not read back). */
export async function insertAttachments(db: Db, rows: readonly NewAttachmentRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(attachments).values([...rows]);
}

export async function attachmentById(db: Db, id: string): Promise<AttachmentRow | undefined> {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id)).limit(1);
  return row;
}

/** The team whose address is one of `addresses` (lower case), if any: mail to it goes to that team. */
export async function teamOfAddresses(db: Db, addresses: readonly string[]): Promise<{ id: string; email: string } | undefined> {
  if (addresses.length === 0) return undefined;
  const [row] = await db
    .select({ id: teams.id, email: teams.email })
    .from(teams)
    .where(sql`lower(${teams.email}) = any(${pgTextArray(addresses.map((address) => address.toLowerCase()))}::text[])`)
    .limit(1);
  return row ? { id: row.id, email: row.email as string } : undefined;
}

/** Every team's address, lower case: mail from one of them is Palier's own. */
export async function teamAddresses(db: Db): Promise<string[]> {
  const rows = await db
    .select({ email: teams.email })
    .from(teams)
    .where(sql`${teams.email} is not null`);
  return rows.map((row) => (row.email as string).toLowerCase());
}

export const MAIL_OUTCOMES = ["ticket", "reply", "automated", "bounce", "error", "queued"] as const;
export type MailOutcome = (typeof MAIL_OUTCOMES)[number];

/** A received message as admins list it: everything but its bytes. */
export type MailSummary = Omit<MailRow, "raw">;

const SUMMARY = {
  id: mailMessages.id,
  direction: mailMessages.direction,
  outcome: mailMessages.outcome,
  messageIdHeader: mailMessages.messageIdHeader,
  ticketNumber: mailMessages.ticketNumber,
  messageId: mailMessages.messageId,
  fromAddress: mailMessages.fromAddress,
  toAddresses: mailMessages.toAddresses,
  subject: mailMessages.subject,
  automated: mailMessages.automated,
  problems: mailMessages.problems,
  size: mailMessages.size,
  createdAt: mailMessages.createdAt,
};

/** Received mail, newest first, by outcome; a page and the cursor of the next. */
export async function listReceivedMail(
  db: Db,
  props: { outcome?: MailOutcome; limit?: number; cursor?: string } = {},
): Promise<{ items: MailSummary[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(props.limit ?? 50, 1), 200);
  const conditions = [eq(mailMessages.direction, "in")];
  if (props.outcome) conditions.push(eq(mailMessages.outcome, props.outcome));
  if (props.cursor !== undefined) {
    const after = decodeMailCursor(props.cursor);
    conditions.push(sql`(${mailMessages.createdAt}, ${mailMessages.id}) < (${after.at}, ${after.id}::uuid)`);
  }
  const rows = await db
    .select(SUMMARY)
    .from(mailMessages)
    .where(and(...conditions))
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit) as MailSummary[];
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString("base64url") : null };
}

/** Thrown for a cursor this listing did not write. */
export class MailCursorError extends Error {}

function decodeMailCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const when = new Date(at ?? "");
  if (Number.isNaN(when.getTime()) || !/^[0-9a-f-]{36}$/i.test(id ?? "")) throw new MailCursorError("not a cursor of this list");
  return { at: when, id: id as string };
}

export async function mailById(db: Db, id: string): Promise<MailRow | undefined> {
  const [row] = await db.select().from(mailMessages).where(eq(mailMessages.id, id)).limit(1);
  return row;
}

export async function deleteMail(db: Db, id: string): Promise<void> {
  await db.delete(mailMessages).where(eq(mailMessages.id, id));
}
