// Tickets: create (with a first message), read, update and list, each change writing its
// events in the same transaction. Time is passed in (`now`), never read from the clock.

import { and, asc, desc, eq, gt, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { messageBody } from "../core/message/messageBody.js";
import { type Channel, checkTransition, type Language, type MessageKind, type Priority, type Status, type Tier } from "../core/ticket/ticket.js";
import type { Db } from "./database.js";
import { InvalidReferenceError, NotFoundError, VersionConflictError } from "./errors.js";
import { type Actor, recordEvent } from "./events.js";
import { pgErrorOf } from "./pgError.js";
import { type AttachmentMeta, messages, ticketFollowers, tickets } from "./schema.js";
import { searchQuery, searchVector } from "./search.js";
import { happeningOf, syncChanged, syncClocks, syncCreated } from "./sla/ticketClocks.js";

type TicketRow = typeof tickets.$inferSelect;

/** A ticket as the rest of Palier sees it. */
export interface Ticket extends Omit<TicketRow, "search" | "status" | "priority" | "tier" | "channel" | "language"> {
  status: Status;
  priority: Priority;
  tier: Tier;
  channel: Channel;
  language: Language | null;
  followers: string[];
}

export type Message = typeof messages.$inferSelect;

/** The fields of a ticket that can be set at creation and changed afterwards. */
export interface TicketFields {
  subject: string;
  status: Status;
  priority: Priority;
  tier: Tier;
  language: Language | null;
  productId: string | null;
  customerId: string;
  teamId: string | null;
  assigneeId: string | null;
  tags: string[];
  customFields: Record<string, unknown>;
  followers: string[];
}

export interface NewMessage {
  kind?: MessageKind;
  text?: string;
  html?: string;
  attachments?: AttachmentMeta[];
  /** Defaults to the ticket's channel. */
  channel?: Channel;
}

export interface CreateTicketProps extends Partial<TicketFields> {
  now: Date;
  actor: Actor;
  subject: string;
  customerId: string;
  channel: Channel;
  /** The request itself: by default a customer message. */
  message?: NewMessage;
  reason?: string;
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

/** Runs `work` in a transaction, turning a broken reference into an error naming the field. */
async function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await db.transaction((tx) => work(tx as unknown as Db));
  } catch (error) {
    const pg = pgErrorOf(error);
    if (pg?.code === "23503" && pg.constraint && REFERENCES[pg.constraint]) {
      throw new InvalidReferenceError(REFERENCES[pg.constraint] as string, "refers to something that does not exist");
    }
    if (pg?.code === "22P02") throw new InvalidReferenceError("id", "is not a valid identifier");
    throw error;
  }
}

/** Creates a ticket, its first message if any, its followers and its `created` event. */
export async function createTicket(db: Db, props: CreateTicketProps): Promise<{ ticket: Ticket; message?: Message }> {
  const { now, actor } = props;
  return inTransaction(db, async (tx) => {
    const status = props.status ?? "new";
    const [row] = await tx
      .insert(tickets)
      .values({
        subject: props.subject,
        status,
        priority: props.priority ?? "normal",
        tier: props.tier ?? "L1",
        channel: props.channel,
        language: props.language ?? null,
        productId: props.productId ?? null,
        customerId: props.customerId,
        teamId: props.teamId ?? null,
        assigneeId: props.assigneeId ?? null,
        tags: normalizeTags(props.tags ?? []),
        customFields: props.customFields ?? {},
        search: searchVector(props.subject, props.language, "A"),
        solvedAt: status === "solved" ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const created = row as TicketRow;
    const followers = [...new Set(props.followers ?? [])];
    if (followers.length > 0) await tx.insert(ticketFollowers).values(followers.map((agentId) => ({ ticketNumber: created.number, agentId })));
    const ticket = present(created, followers);
    const changes: Record<string, [unknown, unknown]> = {};
    for (const field of ["subject", "status", "priority", "tier", "channel", "language", "productId", "customerId", "teamId", "assigneeId", "tags", "followers"] as const) {
      const value = ticket[field];
      if (value !== null && !(Array.isArray(value) && value.length === 0)) changes[field] = [null, value];
    }
    await recordEvent(tx, { ticketNumber: ticket.number, at: now, actor, type: "created", changes, reason: props.reason ?? null });
    await syncCreated(tx, ticket, undefined, now, actor);
    if (!props.message) return { ticket };
    const { message, ticket: updated } = await appendMessage(tx, ticket, { ...props.message, now, actor });
    return { ticket: updated, message };
  });
}

/** The ticket numbered `number`, or undefined. */
export async function getTicket(db: Db, number: number): Promise<Ticket | undefined> {
  const [row] = await db.select().from(tickets).where(eq(tickets.number, number));
  if (!row) return undefined;
  const followers = await db.select({ agentId: ticketFollowers.agentId }).from(ticketFollowers).where(eq(ticketFollowers.ticketNumber, number));
  return present(row, followers.map((f) => f.agentId));
}

export interface UpdateTicketProps {
  now: Date;
  actor: Actor;
  number: number;
  changes: Partial<TicketFields>;
  /** When given, the update fails with VersionConflictError unless the ticket is at this version. */
  expectedVersion?: number;
  reason?: string;
}

/** Applies changes (status transitions checked), bumps the version and records an `updated` event. */
export async function updateTicket(db: Db, props: UpdateTicketProps): Promise<Ticket> {
  return inTransaction(db, async (tx) => {
    const before = await lockTicket(tx, props.number);
    if (props.expectedVersion !== undefined && props.expectedVersion !== before.version) {
      throw new VersionConflictError("ticket", props.number, props.expectedVersion, before.version);
    }
    return applyChanges(tx, before, props.changes, props.now, props.actor, props.reason ?? null);
  });
}

export interface AddMessageProps extends NewMessage {
  now: Date;
  actor: Actor;
  number: number;
}

/**
 * Adds a message to a ticket. A customer message reopens a pending or solved ticket; an
 * agent's first public reply opens a new ticket and sets its first response time.
 */
export async function addMessage(db: Db, props: AddMessageProps): Promise<{ ticket: Ticket; message: Message }> {
  return inTransaction(db, async (tx) => appendMessage(tx, await lockTicket(tx, props.number), props));
}

/** Adds a message to a ticket locked in `tx` (see {@link lockTicket}); for engine actions. */
export async function appendMessage(tx: Db, ticket: Ticket, props: NewMessage & { now: Date; actor: Actor }): Promise<{ ticket: Ticket; message: Message }> {
  const { now, actor } = props;
  const kind: MessageKind = props.kind ?? (actor.type === "customer" ? "customer" : "reply");
  if (kind === "customer" && actor.type === "agent") {
    // An agent logging what the customer said (a phone call) writes it as the customer.
  } else if (kind !== "customer" && actor.type === "customer") {
    throw new InvalidReferenceError("kind", "a customer can only write customer messages");
  }
  if (ticket.status === "closed") throw new InvalidReferenceError("number", `ticket #${ticket.number} is closed: a follow-up is a new ticket`);
  const body = messageBody({ text: props.text, html: props.html });
  const [message] = await tx
    .insert(messages)
    .values({
      ticketNumber: ticket.number,
      kind,
      authorAgentId: actor.type === "agent" ? (actor.id ?? null) : null,
      authorCustomerId: actor.type === "customer" ? (actor.id ?? null) : kind === "customer" ? ticket.customerId : null,
      channel: props.channel ?? ticket.channel,
      bodyText: body.text,
      bodyHtml: body.html,
      attachments: props.attachments ?? [],
      createdAt: now,
    })
    .returning();
  const saved = message as Message;
  await recordEvent(tx, { ticketNumber: ticket.number, at: now, actor, type: "message", data: { messageId: saved.id, kind }, reason: null });

  const changes: Partial<TicketFields> = {};
  const stamps: Partial<TicketRow> = {};
  let reason: string | null = null;
  if (kind === "customer") {
    stamps.lastCustomerMessageAt = now;
    if (ticket.status === "pending" || ticket.status === "solved" || ticket.status === "on_hold") {
      changes.status = "open";
      reason = "the customer wrote";
    }
  } else if (kind === "reply") {
    stamps.lastAgentMessageAt = now;
    if (ticket.firstResponseAt === null) stamps.firstResponseAt = now;
    if (ticket.status === "new") {
      changes.status = "open";
      reason = "first reply";
    }
  }
  const searchable = sql`coalesce(${tickets.search}, ''::tsvector) || ${searchVector(body.text, ticket.language, "B")}`;
  const updated = await applyChanges(tx, ticket, changes, now, actor, reason, { ...stamps, search: searchable as unknown as string });
  await syncClocks(tx, updated, happeningOf(kind), now, actor);
  return { ticket: updated, message: saved };
}

/** Reads a ticket and locks its row until `tx` ends. */
export async function lockTicket(tx: Db, number: number): Promise<Ticket> {
  const [row] = await tx.select().from(tickets).where(eq(tickets.number, number)).for("update");
  if (!row) throw new NotFoundError("ticket", number);
  const followers = await tx.select({ agentId: ticketFollowers.agentId }).from(ticketFollowers).where(eq(ticketFollowers.ticketNumber, number));
  return present(row, followers.map((f) => f.agentId));
}

/**
 * Writes the fields that changed (and `extra` columns) of a ticket locked in `tx`, bumps the
 * version, records the event. For engine actions, which run inside their own transaction.
 */
export async function applyChanges(tx: Db, before: Ticket, requested: Partial<TicketFields>, now: Date, actor: Actor, reason: string | null, extra: Partial<TicketRow> = {}): Promise<Ticket> {
  const changes: Record<string, [unknown, unknown]> = {};
  const set: Partial<TicketRow> = { ...extra };
  for (const [field, raw] of Object.entries(requested) as [keyof TicketFields, unknown][]) {
    if (raw === undefined || field === "followers") continue;
    const value = field === "tags" ? normalizeTags(raw as string[]) : raw;
    if (!sameValue(before[field], value)) {
      changes[field] = [before[field], value];
      (set as Record<string, unknown>)[field] = value;
    }
  }
  if (changes.status) {
    const to = changes.status[1] as Status;
    checkTransition(before.status, to);
    if (to === "solved") set.solvedAt = now;
    if (to === "closed") set.closedAt = now;
    if (before.status === "solved" && to === "open") set.solvedAt = null;
  }
  let followers = before.followers;
  if (requested.followers !== undefined) {
    const wanted = [...new Set(requested.followers)];
    if (!sameValue([...before.followers].sort(), [...wanted].sort())) {
      changes.followers = [before.followers, wanted];
      await tx.delete(ticketFollowers).where(eq(ticketFollowers.ticketNumber, before.number));
      if (wanted.length > 0) await tx.insert(ticketFollowers).values(wanted.map((agentId) => ({ ticketNumber: before.number, agentId })));
      followers = wanted;
    }
  }
  if (Object.keys(changes).length === 0 && Object.keys(extra).length === 0) return before;
  const [row] = await tx
    .update(tickets)
    .set({ ...set, updatedAt: now, version: sql`${tickets.version} + 1` })
    .where(eq(tickets.number, before.number))
    .returning();
  if (Object.keys(changes).length > 0) await recordEvent(tx, { ticketNumber: before.number, at: now, actor, type: "updated", changes, reason });
  return syncChanged(tx, present(row as TicketRow, followers), changes, now, actor);
}

export type TicketSort = "created_at" | "updated_at" | "number";

export interface TicketQuery {
  status?: Status[];
  priority?: Priority[];
  channel?: Channel[];
  tier?: Tier[];
  teamId?: string[];
  /** `null`: unassigned tickets only. */
  assigneeId?: string[] | null;
  /** Tickets carrying every one of these tags. */
  tags?: string[];
  /** One customer, or any of several. */
  customerId?: string | string[];
  /** Full-text search over subject and messages. */
  text?: string;
  sort?: TicketSort;
  order?: "asc" | "desc";
  limit?: number;
  /** From a previous page's `nextCursor`. */
  cursor?: string;
}

export interface TicketPage {
  items: Ticket[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

const SORT_COLUMNS = { created_at: tickets.createdAt, updated_at: tickets.updatedAt, number: tickets.number } as const;

/** Lists tickets matching a query, in keyset pages (stable under concurrent inserts). */
export async function listTickets(db: Db, query: TicketQuery = {}): Promise<TicketPage> {
  const sort = query.sort ?? "created_at";
  const order = query.order ?? "desc";
  const limit = Math.min(Math.max(query.limit ?? 25, 1), 200);
  const column = SORT_COLUMNS[sort];
  const conditions = ticketFilter(query);
  if (query.cursor) {
    const [value, number] = decodeCursor(query.cursor);
    const after = order === "desc" ? lt : gt;
    const key = sort === "number" ? after(tickets.number, number) : or(after(column, new Date(value as string)), and(eq(column, new Date(value as string)), after(tickets.number, number)));
    if (key) conditions.push(key);
  }
  const direction = order === "desc" ? desc : asc;
  const rows = await db
    .select()
    .from(tickets)
    .where(and(...conditions))
    .orderBy(direction(column), direction(tickets.number))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const followers = page.length === 0 ? [] : await db.select().from(ticketFollowers).where(inArray(ticketFollowers.ticketNumber, page.map((r) => r.number)));
  const items = page.map((row) => present(row, followers.filter((f) => f.ticketNumber === row.number).map((f) => f.agentId)));
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor(sort === "number" ? last.number : (last[sort === "created_at" ? "createdAt" : "updatedAt"] as Date).toISOString(), last.number) : null;
  return { items, nextCursor };
}

/** How many tickets match a query (its paging and sort ignored). */
export async function countTickets(db: Db, query: TicketQuery = {}): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(tickets).where(and(...ticketFilter(query)));
  return row?.count ?? 0;
}

function ticketFilter(query: TicketQuery): SQL[] {
  const conditions: SQL[] = [];
  if (query.status?.length) conditions.push(inArray(tickets.status, query.status));
  if (query.priority?.length) conditions.push(inArray(tickets.priority, query.priority));
  if (query.channel?.length) conditions.push(inArray(tickets.channel, query.channel));
  if (query.tier?.length) conditions.push(inArray(tickets.tier, query.tier));
  if (query.teamId?.length) conditions.push(inArray(tickets.teamId, query.teamId));
  if (query.assigneeId === null) conditions.push(isNull(tickets.assigneeId));
  else if (query.assigneeId?.length) conditions.push(inArray(tickets.assigneeId, query.assigneeId));
  if (query.tags?.length) conditions.push(sql`${tickets.tags} @> ${sql.param(normalizeTags(query.tags))}::text[]`);
  if (typeof query.customerId === "string") conditions.push(eq(tickets.customerId, query.customerId));
  else if (query.customerId?.length) conditions.push(inArray(tickets.customerId, query.customerId));
  if (query.text?.trim()) conditions.push(sql`${tickets.search} @@ ${searchQuery(query.text)}`);
  return conditions;
}

/** Thrown for a cursor that this API did not produce. */
export class InvalidCursorError extends InvalidReferenceError {
  constructor() {
    super("cursor", "is not a cursor from a previous page");
  }
}

function encodeCursor(value: string | number, number: number): string {
  return Buffer.from(JSON.stringify([value, number])).toString("base64url");
}

function decodeCursor(cursor: string): [string | number, number] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    // Only what encodeCursor writes: a forged cursor must not reach the database as a bad bigint or date.
    const isNumber = (v: unknown) => Number.isSafeInteger(v);
    const isInstant = (v: unknown) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v) && !Number.isNaN(Date.parse(v));
    if (Array.isArray(parsed) && parsed.length === 2 && isNumber(parsed[1]) && (isNumber(parsed[0]) || isInstant(parsed[0]))) {
      return parsed as [string | number, number];
    }
  } catch {
    // fall through
  }
  throw new InvalidCursorError();
}

/** Tags are case-insensitive words: trimmed, lower-cased, deduplicated, sorted. */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim().toLowerCase()).filter((tag) => tag !== ""))].sort();
}

function present(row: TicketRow, followers: string[]): Ticket {
  const { search: _search, ...rest } = row;
  return { ...(rest as Omit<Ticket, "followers">), followers };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
