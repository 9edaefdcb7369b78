// What routing reads: a team's strategy and lead, its members who may take tickets with the
// open tickets each carries, and the team's queue (tickets waiting for someone available).

import { eq, sql } from "drizzle-orm";
import type { MatchedSkills, TicketNeeds } from "../core/routing/skills.js";
import type { AssignmentStrategy } from "../core/routing/strategy.js";
import type { Db } from "./database.js";
import type { Ticket } from "../core/ticket/ticketRecord.js";
import { teams, ticketFollowers, tickets } from "./schema.js";
import { presentTicket } from "./tickets/ticketRows.js";
import { pgTextArray } from "./sql/pgArray.js";
import { selectRows } from "./sql/rows.js";

/** The statuses whose tickets weigh on their assignee (and wait in a queue): not solved, not closed. */
const OPEN = sql`('new', 'open', 'pending', 'on_hold')`;

/** A team as routing reads it. */
export interface RoutingTeam {
  id: string;
  name: string;
  strategy: AssignmentStrategy;
  /** The agent the team served last. */
  lastServedId: string | null;
  leadId: string | null;
  calendarId: string | null;
  /** The team's on-call schedule, for urgent tickets out of hours or with nobody available. */
  onCallScheduleId: string | null;
}

/** A member of the team who may take tickets, with the open tickets they carry. */
export interface CandidateRow {
  id: string;
  name: string;
  languages: string[];
  products: string[];
  channels: string[];
  skills: string[];
  capacity: number;
  load: number;
  calendarId: string | null;
  outOfOfficeFrom: Date | null;
  outOfOfficeUntil: Date | null;
}

/** What routing one ticket reads beside the candidates: its team, its product's code and name, and since when it waits. */
export interface RoutingContext {
  team: RoutingTeam;
  product: { code: string; name: string } | null;
  queuedAt: Date | null;
  /** The team's lead when active, to tell of a ticket left waiting, in their language. */
  lead: { id: string; locale: string } | null;
}

const at = (value: string | Date | null): Date | null => (value === null ? null : new Date(value));

/** The team of `teamId`, the product of `productId` and the queue stamp of ticket `ticketNumber`, in one query; undefined without such a team. */
export async function readRoutingContext(
  tx: Db,
  props: { teamId: string; productId: string | null; ticketNumber: number },
): Promise<RoutingContext | undefined> {
  const [row] = await selectRows<{
    id: string;
    name: string;
    assignment: AssignmentStrategy;
    round_robin_last_id: string | null;
    lead_id: string | null;
    calendar_id: string | null;
    on_call_schedule_id: string | null;
    product_code: string | null;
    product_name: string | null;
    queued_at: string | Date | null;
    lead_locale: string | null;
  }>(
    tx,
    sql`select t.id, t.name, t.assignment, t.round_robin_last_id, t.lead_id, t.calendar_id, t.on_call_schedule_id, p.code as product_code, p.name as product_name,
          (select queued_at from tickets where number = ${props.ticketNumber}) as queued_at, l.locale as lead_locale
        from teams t left join products p on p.id = ${props.productId}::uuid left join agents l on l.id = t.lead_id and l.active
        where t.id = ${props.teamId}::uuid`,
  );
  if (!row) return undefined;
  return {
    team: {
      id: row.id,
      name: row.name,
      strategy: row.assignment,
      lastServedId: row.round_robin_last_id,
      leadId: row.lead_id,
      calendarId: row.calendar_id,
      onCallScheduleId: row.on_call_schedule_id,
    },
    product: row.product_code !== null && row.product_name !== null ? { code: row.product_code, name: row.product_name } : null,
    queuedAt: at(row.queued_at),
    lead: row.lead_id !== null && row.lead_locale !== null ? { id: row.lead_id, locale: row.lead_locale } : null,
  };
}

type CandidateSqlRow = {
  id: string;
  name: string;
  languages: string[];
  products: string[];
  channels: string[];
  skills: string[];
  capacity: number;
  load: number;
  calendar_id: string | null;
  out_of_office_from: string | Date | null;
  out_of_office_until: string | Date | null;
};

const candidateOf = (r: CandidateSqlRow): CandidateRow => ({
  id: r.id,
  name: r.name,
  languages: r.languages,
  products: r.products,
  channels: r.channels,
  skills: r.skills,
  capacity: r.capacity,
  load: Number(r.load),
  calendarId: r.calendar_id,
  outOfOfficeFrom: at(r.out_of_office_from),
  outOfOfficeUntil: at(r.out_of_office_until),
});

/**
 * The team's members who may take tickets (active, with room for at least one: capacity above
 * zero), each with the open tickets they carry (agents.open_tickets, which a trigger keeps).
 * Members at capacity stay in: their skills still say what the team knows (see bindingNeeds).
 */
export async function teamCandidates(tx: Db, teamId: string): Promise<CandidateRow[]> {
  const rows = await selectRows<CandidateSqlRow>(
    tx,
    sql`select a.id, a.name, a.languages, a.products, a.channels, a.skills, a.capacity, a.calendar_id, a.out_of_office_from, a.out_of_office_until,
          a.open_tickets as load
        from agents a
        where a.team_id = ${teamId}::uuid and a.active and a.capacity > 0
        order by a.id`,
  );
  return rows.map(candidateOf);
}

export interface BestCandidatesProps {
  teamId: string;
  strategy: "load_balanced" | "round_robin";
  needs: TicketNeeds;
  lastServedId: string | null;
  at: Date;
  limit: number;
}

/**
 * The first `limit` members in the order chooseAgent considers them, among those it would not
 * pass over for anything but their working hours (which only the calendar says): active, under
 * capacity, not out of office at `at`, meeting the needs someone of the team meets (the same
 * binding as bindingNeeds). Load-balanced: lowest load against capacity first, then round the
 * team after the last served; round robin: round the team only. The database does the
 * filtering, so that a team of a thousand agents costs a few rows, not a thousand.
 */
export async function bestCandidates(tx: Db, props: BestCandidatesProps): Promise<{ candidates: CandidateRow[]; binding: MatchedSkills }> {
  const { teamId, needs, lastServedId, limit } = props;
  const when = props.at.toISOString();
  const last = lastServedId ?? "00000000-0000-0000-0000-000000000000";
  const ring = sql`(a.id <= ${last}::uuid), a.id`;
  const order = props.strategy === "load_balanced" ? sql`a.open_tickets::float8 / a.capacity, ${ring}` : ring;
  const rows = await selectRows<CandidateSqlRow & { bind_language: boolean; bind_product: boolean; bind_channel: boolean; bind_tags: string[] }>(
    tx,
    sql`with members as (
          select id, name, languages, products, channels, skills, capacity, calendar_id, out_of_office_from, out_of_office_until, open_tickets
          from agents where team_id = ${teamId}::uuid and active and capacity > 0
        ), binding as (
          select coalesce(bool_or(${needs.language}::text = any(languages)), false) as language,
                 coalesce(bool_or(${needs.product}::text = any(products)), false) as product,
                 coalesce(bool_or(${needs.channel}::text = any(channels)), false) as channel,
                 coalesce((select array_agg(tag) from unnest(${pgTextArray(needs.tags)}::text[]) as tag
                           where exists (select 1 from members where tag = any(skills))), '{}') as tags
          from members
        )
        select a.id, a.name, a.languages, a.products, a.channels, a.skills, a.capacity, a.calendar_id, a.out_of_office_from, a.out_of_office_until,
          a.open_tickets as load, b.language as bind_language, b.product as bind_product, b.channel as bind_channel, b.tags as bind_tags
        from members a, binding b
        where a.open_tickets < a.capacity
          and not (a.out_of_office_from is not null and a.out_of_office_from <= ${when}::timestamptz
                   and (a.out_of_office_until is null or ${when}::timestamptz < a.out_of_office_until))
          and (not b.language or ${needs.language}::text = any(a.languages))
          and (not b.product or ${needs.product}::text = any(a.products))
          and (not b.channel or cardinality(a.channels) = 0 or ${needs.channel}::text = any(a.channels))
          and a.skills @> b.tags
        order by ${order}
        limit ${limit}`,
  );
  const first = rows[0];
  const binding: MatchedSkills = { tags: first?.bind_tags ?? [] };
  if (first?.bind_language && needs.language !== null) binding.language = needs.language;
  if (first?.bind_product && needs.product !== null) binding.product = needs.product;
  if (first?.bind_channel && needs.channel !== null) binding.channel = needs.channel;
  return { candidates: rows.map(candidateOf), binding };
}

/** Records that the team served `agentId` last (round robin goes on after them). */
export async function setLastServed(tx: Db, teamId: string, agentId: string): Promise<void> {
  await tx.update(teams).set({ roundRobinLastId: agentId }).where(eq(teams.id, teamId));
}

/** A ticket waiting in its team's queue. */
export interface QueuedTicket {
  number: number;
  subject: string;
  priority: string;
  language: string | null;
  channel: string;
  queuedAt: Date;
  createdAt: Date;
}

/**
 * The tickets waiting in the team's queue, oldest first: queued, still without an assignee,
 * still open and still the team's (a ticket assigned by hand or moved leaves the queue by itself).
 */
export async function teamQueue(tx: Db, teamId: string, limit = 100): Promise<QueuedTicket[]> {
  const rows = await selectRows<{
    number: string | number;
    subject: string;
    priority: string;
    language: string | null;
    channel: string;
    queued_at: string | Date;
    created_at: string | Date;
  }>(
    tx,
    sql`select number, subject, priority, language, channel, queued_at, created_at from tickets
        where team_id = ${teamId}::uuid and queued_at is not null and assignee_id is null and status in ${OPEN}
        order by queued_at, number limit ${limit}`,
  );
  return rows.map((r) => ({
    number: Number(r.number),
    subject: r.subject,
    priority: r.priority,
    language: r.language,
    channel: r.channel,
    queuedAt: new Date(r.queued_at),
    createdAt: new Date(r.created_at),
  }));
}

/** Locks ticket `number` unless another transaction holds it (a drain then leaves it for later); undefined when held or gone. */
export async function lockQueuedTicket(tx: Db, number: number): Promise<Ticket | undefined> {
  const [row] = await tx.select().from(tickets).where(eq(tickets.number, number)).for("update", { skipLocked: true });
  if (!row) return undefined;
  const followers = await tx.select({ agentId: ticketFollowers.agentId }).from(ticketFollowers).where(eq(ticketFollowers.ticketNumber, number));
  return presentTicket(
    row,
    followers.map((f) => f.agentId),
  );
}

/** The teams with tickets waiting in their queue and a strategy that assigns (not manual). */
export async function teamsWithQueue(tx: Db): Promise<string[]> {
  const rows = await selectRows<{ team_id: string }>(
    tx,
    sql`select distinct t.team_id from tickets t join teams m on m.id = t.team_id
        where t.queued_at is not null and t.assignee_id is null and t.status in ${OPEN} and (m.assignment <> 'manual' or t.priority = 'urgent')`,
  );
  return rows.map((r) => r.team_id);
}
