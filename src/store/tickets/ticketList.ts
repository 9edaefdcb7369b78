// Listing and counting tickets: filters (fields, tags, full text, SLA views), sorts, and keyset
// pages whose cursors survive concurrent inserts. Time is passed in (`now`), never read.

import { and, asc, desc, eq, getTableColumns, gt, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Channel, Priority, Status, Tier } from "../../core/ticket/ticket.js";
import type { AlarmKind } from "../../core/triage/signals.js";
import { normalizeTags } from "../../core/ticket/ticketRecord.js";
import type { Db } from "../database.js";
import { InvalidReferenceError } from "../errors.js";
import { ticketFollowers, tickets } from "../schema.js";
import { searchQuery } from "../search.js";
import { presentTicket, type TicketRow, type TriagedTicket } from "./ticketRows.js";

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
  /** true: tickets whose customer sounded frustrated; false: the others. */
  frustrated?: boolean;
  /** Tickets that raised any of these alarm kinds. */
  alarms?: AlarmKind[];
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

/**
 * A ticket in a list, with the earliest due time of its running SLA clocks (null: none running),
 * and whether one of its clocks is paused.
 */
export type ListedTicket = TriagedTicket & { slaDueAt: Date | null; slaPaused: boolean };

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
    .select({ ...getTableColumns(tickets), slaDueAt: sql<Date | string | null>`${EARLIEST_DUE}`, slaPaused: sql<boolean>`${ANY_PAUSED}` })
    .from(tickets)
    .where(and(...conditions))
    .orderBy(...(sort === "due" ? [sql`${EARLIEST_DUE} ${sql.raw(order)} nulls last`] : [direction(column)]), direction(tickets.number))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const followers =
    page.length === 0
      ? []
      : await db
          .select()
          .from(ticketFollowers)
          .where(
            inArray(
              ticketFollowers.ticketNumber,
              page.map((r) => r.number),
            ),
          );
  const items = page.map(({ slaDueAt, slaPaused, ...row }) => ({
    ...(presentTicket(
      row,
      followers.filter((f) => f.ticketNumber === row.number).map((f) => f.agentId),
    ) as TriagedTicket),
    // A raw SQL column comes back as text from node-postgres and as a Date from PGlite.
    slaDueAt: slaDueAt === null ? null : new Date(slaDueAt),
    slaPaused: slaPaused === true,
  }));
  const last = page[page.length - 1];
  const key = (row: TicketRow) => (sort === "number" ? row.number : (row[sort === "created_at" ? "createdAt" : "updatedAt"] as Date).toISOString());
  const nextCursor = rows.length > limit && last ? encodeCursor(sort === "due" ? await earliestDue(db, last.number) : key(last), last.number) : null;
  return { items, nextCursor };
}

/** How many tickets match a query (its paging and sort ignored). */
export async function countTickets(db: Db, query: TicketQuery = {}): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(tickets)
    .where(and(...ticketFilter(query)));
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
  if (query.frustrated !== undefined) conditions.push(eq(tickets.frustrated, query.frustrated));
  if (query.alarms?.length) conditions.push(sql`${tickets.alarms} && ${sql.param(query.alarms)}::text[]`);
  if (query.text?.trim()) conditions.push(sql`${tickets.search} @@ ${searchQuery(query.text)}`);
  if (query.sla === "breaching") {
    if (!query.now) throw new Error("the breaching view needs now");
    const soon = new Date(query.now.getTime() + BREACHING_WITHIN_MS).toISOString();
    conditions.push(
      sql`exists (select 1 from sla_clocks c where c.ticket_number = ${tickets.number} and c.state = 'running' and c.due_at <= ${soon}::timestamptz)`,
    );
  }
  if (query.sla === "escalated") {
    conditions.push(sql`exists (select 1 from timers t join sla_clocks c on c.id = t.clock_id
      where t.ticket_number = ${tickets.number} and t.kind = 'level' and t.state = 'fired' and c.state in ('running', 'paused'))`);
  }
  return conditions;
}

/** The earliest due time of a ticket's running clocks (null without one), for `sort=due`. */
const EARLIEST_DUE = sql`(select min(c.due_at) from sla_clocks c where c.ticket_number = ${tickets.number} and c.state = 'running')`;

/** Whether one of a ticket's clocks is paused. */
const ANY_PAUSED = sql`exists (select 1 from sla_clocks c where c.ticket_number = ${tickets.number} and c.state = 'paused')`;

/** After the cursor `(due, number)` in `due` order, nulls last both ways. */
function dueAfter(due: string | null, number: number, order: "asc" | "desc"): SQL | undefined {
  const after = order === "desc" ? lt : gt;
  if (due === null) return and(sql`${EARLIEST_DUE} is null`, after(tickets.number, number));
  const beyond = sql.raw(order === "desc" ? "<" : ">");
  return sql`(${EARLIEST_DUE} ${beyond} ${due}::timestamptz or (${EARLIEST_DUE} = ${due}::timestamptz and ${after(tickets.number, number)}) or ${EARLIEST_DUE} is null)`;
}

async function earliestDue(db: Db, number: number): Promise<string | null> {
  const result = (await db.execute(
    sql`select (extract(epoch from min(due_at)) * 1000)::float8 as ms from sla_clocks where ticket_number = ${number} and state = 'running'`,
  )) as unknown as {
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
    // An instant as toISOString writes it, between years 1000 and 9999: JavaScript reads
    // 30 February as 2 March and year 0 as 1 BC, which PostgreSQL would refuse.
    const isInstant = (v: unknown) =>
      typeof v === "string" && /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString() === v;
    if (Array.isArray(parsed) && parsed.length === 2 && isNumber(parsed[1]) && (isNumber(parsed[0]) || isInstant(parsed[0]) || parsed[0] === null)) {
      return parsed as [string | number | null, number];
    }
  } catch {
    // fall through
  }
  throw new InvalidCursorError();
}
