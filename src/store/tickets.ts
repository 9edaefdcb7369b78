// Tickets: create (with a first message), read, update and list, each change writing its
// events in the same transaction. Time is passed in (`now`), never read from the clock.

import { and, asc, desc, eq, getTableColumns, gt, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { type MessageBody, messageBody } from "../core/message/messageBody.js";
import { type Channel, checkTransition, type Language, type MessageKind, type Priority, type Status, type Tier } from "../core/ticket/ticket.js";
import type { Db } from "./database.js";
import { InvalidReferenceError, NotFoundError, VersionConflictError } from "./errors.js";
import { type Actor, eventValues, type RecordEventProps, recordEvent } from "./events.js";
import { pgErrorOf } from "./pgError.js";
import { type AttachmentMeta, messages, ticketEvents, ticketFollowers, tickets } from "./schema.js";
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
    const initial = props.status ?? "new";
    const language = props.language ?? null;
    // With a first message, the ticket is inserted as that message leaves it (its stamps, its
    // status, its search text, and version 2 as after the update that used to follow the insert).
    const first = props.message ? messageEffects(props.message, actor, { status: initial, firstResponseAt: null }, now) : undefined;
    const status = first?.changes.status ?? initial;
    const subjectVector = searchVector(props.subject, language, "A");
    const [row] = await tx
      .insert(tickets)
      .values({
        subject: props.subject,
        status,
        priority: props.priority ?? "normal",
        tier: props.tier ?? "L1",
        channel: props.channel,
        language,
        productId: props.productId ?? null,
        customerId: props.customerId,
        teamId: props.teamId ?? null,
        assigneeId: props.assigneeId ?? null,
        tags: normalizeTags(props.tags ?? []),
        customFields: props.customFields ?? {},
        search: first ? sql`${subjectVector} || ${searchVector(first.body.text, language, "B")}` : subjectVector,
        // A solved ticket that the customer writes to reopens, which clears its solvedAt.
        solvedAt: initial === "solved" && status === "solved" ? now : null,
        ...first?.stamps,
        createdAt: now,
        updatedAt: now,
        ...(first ? { version: 2 } : {}),
      })
      .returning();
    const inserted = row as TicketRow;
    const followers = [...new Set(props.followers ?? [])];
    if (followers.length > 0) await tx.insert(ticketFollowers).values(followers.map((agentId) => ({ ticketNumber: inserted.number, agentId })));
    const ticket = present(inserted, followers);
    const changes: Record<string, [unknown, unknown]> = {};
    for (const field of ["subject", "status", "priority", "tier", "channel", "language", "productId", "customerId", "teamId", "assigneeId", "tags", "followers"] as const) {
      const value = field === "status" ? initial : ticket[field];
      if (value !== null && !(Array.isArray(value) && value.length === 0)) changes[field] = [null, value];
    }
    const createdEvent: RecordEventProps = { ticketNumber: ticket.number, at: now, actor, type: "created", changes, reason: props.reason ?? null };
    if (!first || !props.message) {
      await recordEvent(tx, createdEvent);
      await syncCreated(tx, ticket, undefined, now, actor);
      return { ticket };
    }
    checkMessage(first.kind, actor, { number: ticket.number, status: initial });
    // The created, message and (when the message changed the status) updated events, in that order.
    const updatedEvents: RecordEventProps[] =
      status === initial ? [] : [{ ticketNumber: ticket.number, at: now, actor, type: "updated", changes: { status: [initial, status] }, reason: first.reason }];
    const message = await insertMessage(tx, messageValues(ticket, props.message, first, actor, now), actor, [createdEvent], updatedEvents);
    if (status !== initial) checkTransition(initial, status);
    await syncCreated(tx, ticket, first.kind, now, actor);
    return { ticket, message };
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
  const effects = messageEffects(props, actor, ticket, now);
  checkMessage(effects.kind, actor, ticket);
  const saved = await insertMessage(tx, messageValues(ticket, props, effects, actor, now), actor, [], []);
  const searchable = sql`coalesce(${tickets.search}, ''::tsvector) || ${searchVector(effects.body.text, ticket.language, "B")}`;
  const updated = await applyChanges(tx, ticket, effects.changes, now, actor, effects.reason, { ...effects.stamps, search: searchable as unknown as string });
  await syncClocks(tx, updated, happeningOf(effects.kind), now, actor);
  return { ticket: updated, message: saved };
}

/** What a new message does to its ticket: its kind, its body, the times it stamps and the status it moves the ticket to. */
interface MessageEffects {
  kind: MessageKind;
  body: MessageBody;
  stamps: Partial<Pick<TicketRow, "lastCustomerMessageAt" | "lastAgentMessageAt" | "firstResponseAt">>;
  changes: { status?: Status };
  reason: string | null;
}

/**
 * A customer message reopens a pending, on-hold or solved ticket; an agent's public reply
 * opens a new ticket and sets its first response time.
 */
function messageEffects(props: NewMessage, actor: Actor, ticket: Pick<Ticket, "status" | "firstResponseAt">, now: Date): MessageEffects {
  // Only an agent replies by default: what an intake (system) or a rule writes unasked is the customer's request.
  const kind: MessageKind = props.kind ?? (actor.type === "agent" ? "reply" : "customer");
  const effects: MessageEffects = { kind, body: messageBody({ text: props.text, html: props.html }), stamps: {}, changes: {}, reason: null };
  if (kind === "customer") {
    effects.stamps.lastCustomerMessageAt = now;
    if (ticket.status === "pending" || ticket.status === "solved" || ticket.status === "on_hold") {
      effects.changes.status = "open";
      effects.reason = "the customer wrote";
    }
  } else if (kind === "reply") {
    effects.stamps.lastAgentMessageAt = now;
    if (ticket.firstResponseAt === null) effects.stamps.firstResponseAt = now;
    if (ticket.status === "new") {
      effects.changes.status = "open";
      effects.reason = "first reply";
    }
  }
  return effects;
}

/** Refuses a message its author may not write, or one to a closed ticket. */
function checkMessage(kind: MessageKind, actor: Actor, ticket: Pick<Ticket, "number" | "status">): void {
  if (kind === "customer" && actor.type === "agent") {
    // An agent logging what the customer said (a phone call) writes it as the customer.
  } else if (kind !== "customer" && actor.type === "customer") {
    throw new InvalidReferenceError("kind", "a customer can only write customer messages");
  }
  if (ticket.status === "closed") throw new InvalidReferenceError("number", `ticket #${ticket.number} is closed: a follow-up is a new ticket`);
}

function messageValues(ticket: Ticket, props: NewMessage, effects: MessageEffects, actor: Actor, now: Date): Omit<typeof messages.$inferInsert, "id"> {
  return {
    ticketNumber: ticket.number,
    kind: effects.kind,
    authorAgentId: actor.type === "agent" ? (actor.id ?? null) : null,
    authorCustomerId: actor.type === "customer" ? (actor.id ?? null) : effects.kind === "customer" ? ticket.customerId : null,
    channel: props.channel ?? ticket.channel,
    bodyText: effects.body.text,
    bodyHtml: effects.body.html,
    attachments: props.attachments ?? [],
    createdAt: now,
  };
}

/**
 * Inserts a message with its `message` event between `before` and `after`, in one statement
 * (the message's id is drawn here, as the column default would, so that the event can name it).
 */
async function insertMessage(tx: Db, values: Omit<typeof messages.$inferInsert, "id">, actor: Actor, before: RecordEventProps[], after: RecordEventProps[]): Promise<Message> {
  const id = randomUUID();
  const messageEvent: RecordEventProps = { ticketNumber: values.ticketNumber, at: values.createdAt, actor, type: "message", data: { messageId: id, kind: values.kind }, reason: null };
  const inserted = tx.$with("inserted_message").as(tx.insert(messages).values({ ...values, id }).returning());
  const events = tx.$with("inserted_events").as(tx.insert(ticketEvents).values([...before, messageEvent, ...after].map(eventValues)));
  const [row] = await tx.with(inserted, events).select().from(inserted);
  return row as Message;
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

/** `due`: the earliest due time of a running SLA clock first (tickets without one last). */
export type TicketSort = "created_at" | "updated_at" | "number" | "due";

/** SLA views: `breaching` (a running clock due within {@link BREACHING_WITHIN_MS} or past due), `escalated` (a level fired on a live clock). */
export type SlaView = "breaching" | "escalated";

/** How close to its due time a running clock counts as breaching. */
export const BREACHING_WITHIN_MS = 60 * 60_000;

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
  /** Only the tickets of an SLA view; `breaching` is measured from `now`. */
  sla?: SlaView;
  /** The current instant, for `sla: "breaching"`. */
  now?: Date;
  sort?: TicketSort;
  order?: "asc" | "desc";
  limit?: number;
  /** From a previous page's `nextCursor`. */
  cursor?: string;
}

/** A ticket in a list, with the earliest due time of its running SLA clocks (null: none running). */
export type ListedTicket = Ticket & { slaDueAt: Date | null };

export interface TicketPage {
  items: ListedTicket[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

const SORT_COLUMNS = { created_at: tickets.createdAt, updated_at: tickets.updatedAt, number: tickets.number } as const;

/** Lists tickets matching a query, in keyset pages (stable under concurrent inserts). */
export async function listTickets(db: Db, query: TicketQuery = {}): Promise<TicketPage> {
  const sort = query.sort ?? "created_at";
  const order = query.order ?? (sort === "due" ? "asc" : "desc");
  const limit = Math.min(Math.max(query.limit ?? 25, 1), 200);
  const column = SORT_COLUMNS[sort === "due" ? "number" : sort];
  const conditions = ticketFilter(query);
  if (query.cursor) {
    const [value, number] = decodeCursor(query.cursor);
    // A due cursor holds an instant or null (no running clock); the others never hold null.
    if (sort === "due" ? typeof value === "number" : value === null) throw new InvalidCursorError();
    const after = order === "desc" ? lt : gt;
    const key =
      sort === "due"
        ? dueAfter(value as string | null, number, order)
        : sort === "number"
          ? after(tickets.number, number)
          : or(after(column, new Date(value as string)), and(eq(column, new Date(value as string)), after(tickets.number, number)));
    if (key) conditions.push(key);
  }
  const direction = order === "desc" ? desc : asc;
  const rows = await db
    .select({ ...getTableColumns(tickets), slaDueAt: sql<Date | string | null>`${EARLIEST_DUE}` })
    .from(tickets)
    .where(and(...conditions))
    .orderBy(...(sort === "due" ? [sql`${EARLIEST_DUE} ${sql.raw(order)} nulls last`] : [direction(column)]), direction(tickets.number))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const followers = page.length === 0 ? [] : await db.select().from(ticketFollowers).where(inArray(ticketFollowers.ticketNumber, page.map((r) => r.number)));
  const items = page.map(({ slaDueAt, ...row }) => ({
    ...present(row, followers.filter((f) => f.ticketNumber === row.number).map((f) => f.agentId)),
    // A raw SQL column comes back as text from node-postgres and as a Date from PGlite.
    slaDueAt: slaDueAt === null ? null : new Date(slaDueAt),
  }));
  const last = page[page.length - 1];
  const key = (row: TicketRow) => (sort === "number" ? row.number : (row[sort === "created_at" ? "createdAt" : "updatedAt"] as Date).toISOString());
  const nextCursor = rows.length > limit && last ? encodeCursor(sort === "due" ? await earliestDue(db, last.number) : key(last), last.number) : null;
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
  if (query.sla === "breaching") {
    if (!query.now) throw new Error("the breaching view needs now");
    const soon = new Date(query.now.getTime() + BREACHING_WITHIN_MS).toISOString();
    conditions.push(sql`exists (select 1 from sla_clocks c where c.ticket_number = ${tickets.number} and c.state = 'running' and c.due_at <= ${soon}::timestamptz)`);
  }
  if (query.sla === "escalated") {
    conditions.push(sql`exists (select 1 from timers t join sla_clocks c on c.id = t.clock_id
      where t.ticket_number = ${tickets.number} and t.kind = 'level' and t.state = 'fired' and c.state in ('running', 'paused'))`);
  }
  return conditions;
}

/** The earliest due time of a ticket's running clocks (null without one), for `sort=due`. */
const EARLIEST_DUE = sql`(select min(c.due_at) from sla_clocks c where c.ticket_number = ${tickets.number} and c.state = 'running')`;

/** After the cursor `(due, number)` in `due` order, nulls last both ways. */
function dueAfter(due: string | null, number: number, order: "asc" | "desc"): SQL | undefined {
  const after = order === "desc" ? lt : gt;
  if (due === null) return and(sql`${EARLIEST_DUE} is null`, after(tickets.number, number));
  const beyond = sql.raw(order === "desc" ? "<" : ">");
  return sql`(${EARLIEST_DUE} ${beyond} ${due}::timestamptz or (${EARLIEST_DUE} = ${due}::timestamptz and ${after(tickets.number, number)}) or ${EARLIEST_DUE} is null)`;
}

async function earliestDue(db: Db, number: number): Promise<string | null> {
  const result = (await db.execute(sql`select (extract(epoch from min(due_at)) * 1000)::float8 as ms from sla_clocks where ticket_number = ${number} and state = 'running'`)) as unknown as {
    rows: { ms: number | string | null }[];
  };
  const ms = result.rows[0]?.ms;
  return ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString();
}

/** Thrown for a cursor that this API did not produce. */
export class InvalidCursorError extends InvalidReferenceError {
  constructor() {
    super("cursor", "is not a cursor from a previous page");
  }
}

function encodeCursor(value: string | number | null, number: number): string {
  return Buffer.from(JSON.stringify([value, number])).toString("base64url");
}

function decodeCursor(cursor: string): [string | number | null, number] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    // Only what encodeCursor writes: a forged cursor must not reach the database as a bad bigint or date.
    const isNumber = (v: unknown) => Number.isSafeInteger(v);
    const isInstant = (v: unknown) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v) && !Number.isNaN(Date.parse(v));
    if (Array.isArray(parsed) && parsed.length === 2 && isNumber(parsed[1]) && (isNumber(parsed[0]) || isInstant(parsed[0]) || parsed[0] === null)) {
      return parsed as [string | number | null, number];
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
