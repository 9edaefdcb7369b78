// Ticket rows: insert, read, lock and update one ticket with its followers, the search text of
// its subject and messages, and the errors a broken reference raises, named by field.

import { eq, getTableColumns, type SQL, sql } from "drizzle-orm";
import type { NewTicketEvent } from "../../core/events/index.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import type { Db } from "../database.js";
import { InvalidReferenceError, NotFoundError } from "../errors.js";
import { pgErrorOf } from "../pgError.js";
import { eventRow } from "../events.js";
import { ticketEvents, ticketFollowers, tickets } from "../schema.js";
import { searchVector } from "../search.js";

/** A ticket as stored. */
export type TicketRow = typeof tickets.$inferSelect;

/** What a ticket holds of its customer messages' triage (docs/rules.md). */
export interface TriageColumns {
  /** The highest frustration of its customer messages (0 to 1), null before any was triaged. */
  frustration: number | null;
  frustrated: boolean;
  /** The alarm kinds raised, in the catalogue's order. */
  alarms: string[];
}

/** A ticket with its triage columns (every ticket the store reads carries them). */
export type TriagedTicket = Ticket & TriageColumns;

/** A ticket row to insert (its number is drawn by the database). */
export type TicketValues = typeof tickets.$inferInsert;

/** The ticket a stored row and its followers make. */
export function presentTicket(row: TicketRow, followers: string[]): Ticket {
  const { search: _search, ...rest } = row;
  return { ...(rest as Omit<Ticket, "followers">), followers };
}

/** A ticket row read by raw SQL (its columns by their database names), as drizzle reads one. */
export function ticketRowOf(raw: Record<string, unknown>): TicketRow {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(tickets))) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as TicketRow;
}

/** Inserts a ticket and its followers; returns it as stored. */
export async function insertTicket(tx: Db, values: TicketValues, followers: readonly string[]): Promise<Ticket> {
  const [row] = await tx.insert(tickets).values(values).returning();
  const inserted = row as TicketRow;
  if (followers.length > 0) await tx.insert(ticketFollowers).values(followers.map((agentId) => ({ ticketNumber: inserted.number, agentId })));
  return presentTicket(inserted, [...followers]);
}

/** The ticket numbered `number`, or undefined. */
export async function getTicket(db: Db, number: number): Promise<Ticket | undefined> {
  const [row] = await db.select().from(tickets).where(eq(tickets.number, number));
  if (!row) return undefined;
  const followers = await db.select({ agentId: ticketFollowers.agentId }).from(ticketFollowers).where(eq(ticketFollowers.ticketNumber, number));
  return presentTicket(
    row,
    followers.map((f) => f.agentId),
  );
}

/** Reads a ticket and locks its row until `tx` ends; NotFoundError when there is none. */
export async function lockTicket(tx: Db, number: number): Promise<Ticket> {
  const [row] = await tx.select().from(tickets).where(eq(tickets.number, number)).for("update");
  if (!row) throw new NotFoundError("ticket", number);
  const followers = await tx.select({ agentId: ticketFollowers.agentId }).from(ticketFollowers).where(eq(ticketFollowers.ticketNumber, number));
  return presentTicket(
    row,
    followers.map((f) => f.agentId),
  );
}

/**
 * Writes `set` on ticket `number`, stamps `now` and bumps its version, with the `events` that
 * tell of it in the same statement (one round trip); returns the row as written.
 */
export async function updateTicketRow(tx: Db, number: number, set: Partial<TicketRow>, now: Date, events: readonly NewTicketEvent[] = []): Promise<TicketRow> {
  const written = events.length > 0 ? [tx.$with("written_events").as(tx.insert(ticketEvents).values(events.map(eventRow)))] : [];
  const [row] = await tx
    .with(...written)
    .update(tickets)
    .set({ ...set, updatedAt: now, version: sql`${tickets.version} + 1` })
    .where(eq(tickets.number, number))
    .returning();
  return row as TicketRow;
}

/** Replaces the followers of ticket `number` by `agentIds`. */
export async function replaceFollowers(tx: Db, number: number, agentIds: readonly string[]): Promise<void> {
  await tx.delete(ticketFollowers).where(eq(ticketFollowers.ticketNumber, number));
  if (agentIds.length > 0) await tx.insert(ticketFollowers).values(agentIds.map((agentId) => ({ ticketNumber: number, agentId })));
}

/** The search text of a subject, weighted above the messages'. */
export function subjectSearch(subject: string, language: Ticket["language"]): SQL {
  return searchVector(subject, language, "A");
}

/** A subject's search text with a first message's. */
export function subjectAndMessageSearch(subject: string, text: string, language: Ticket["language"]): SQL {
  return sql`${searchVector(subject, language, "A")} || ${searchVector(text, language, "B")}`;
}

/** The ticket's stored search text with a new message's added. */
export function addedMessageSearch(text: string, language: Ticket["language"]): SQL {
  return sql`coalesce(${tickets.search}, ''::tsvector) || ${searchVector(text, language, "B")}`;
}

// A foreign key's constraint name → the field it checks, for errors that name the field.
const REFERENCES: Record<string, string> = {
  tickets_customer_id_customers_id_fk: "customerId",
  tickets_product_id_products_id_fk: "productId",
  tickets_team_id_teams_id_fk: "teamId",
  tickets_assignee_id_agents_id_fk: "assigneeId",
  ticket_followers_agent_id_agents_id_fk: "followers",
  messages_author_agent_id_agents_id_fk: "actor",
  messages_author_customer_id_customers_id_fk: "actor",
};

/** A database error of a ticket write as the error naming its field (a broken reference, a malformed id); any other error as it is. */
export function ticketWriteError(error: unknown): unknown {
  const pg = pgErrorOf(error);
  if (pg?.code === "23503" && pg.constraint && REFERENCES[pg.constraint]) {
    return new InvalidReferenceError(REFERENCES[pg.constraint] as string, "refers to something that does not exist");
  }
  if (pg?.code === "22P02") return new InvalidReferenceError("id", "is not a valid identifier");
  return error;
}
