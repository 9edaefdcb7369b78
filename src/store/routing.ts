// What routing reads: a team's strategy and lead, its members who may take tickets with the
// open tickets each carries, and the team's queue (tickets waiting for someone available).

import { eq, sql } from "drizzle-orm";
import type { MatchedSkills, TicketNeeds } from "../core/routing/skills.js";
import type { AssignmentStrategy } from "../core/routing/strategy.js";
import type { BusinessCalendar } from "../core/calendar/index.js";
import type { Db } from "./database.js";
import { calendarOfRow } from "./sla/policies.js";
import type { Ticket } from "../core/ticket/ticketRecord.js";
import { ticketFollowers, tickets } from "./schema.js";
import { presentTicket, type TicketRow, ticketRowOf } from "./tickets/ticketRows.js";
import { eventRow } from "./events.js";
import type { NewTicketEvent } from "../core/events/index.js";
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

export interface ReadRoutingProps {
  teamId: string;
  productId: string | null;
  ticketNumber: number;
  /** The ticket's needs but its product's, which the team's read finds from `productId`. */
  needs: Omit<TicketNeeds, "product">;
  at: Date;
  /** How many of the best candidates to read at most. */
  limit: number;
}

/** One of the best candidates: what an assignment names of them, and their own working calendar (null: the team's). */
export interface FirstCandidate {
  id: string;
  name: string;
  capacity: number;
  load: number;
  calendarId: string | null;
}

/** What routing one ticket reads: its context, the first candidates and the needs that bind, the calendars they work on. */
export interface RoutingRead {
  context: RoutingContext;
  /** Best first; empty for a team that assigns by hand (manual) and when nobody fits. */
  candidates: FirstCandidate[];
  /** The needs someone of the team meets (as bindingNeeds says them), with the product's code. */
  binding: MatchedSkills;
  /** The team's calendar and the candidates' own working calendars, by id. */
  calendars: Map<string, BusinessCalendar>;
}

type RoutingSqlRow = {
  team_name: string;
  assignment: AssignmentStrategy;
  round_robin_last_id: string | null;
  lead_id: string | null;
  on_call_schedule_id: string | null;
  product_code: string | null;
  product_name: string | null;
  queued_at: string | Date | null;
  lead_locale: string | null;
  bind_language: boolean;
  bind_product: boolean;
  bind_channel: boolean;
  bind_tags: string[];
  id: string;
  name: string;
  capacity: number;
  load: number;
  calendar_id: string | null;
  calendar_version: number | null;
  calendar_spec: unknown;
};

/**
 * The team of `teamId`, the product of `productId` and the queue stamp of ticket `ticketNumber`
 * (undefined without such a team), and unless the team assigns by hand, the first `limit`
 * members in the order chooseAgent considers them, among those it would not pass over for
 * anything but their working hours (which only the calendar says): active, under capacity, not
 * out of office at `at`, meeting the needs someone of the team meets (the same binding as
 * bindingNeeds, read from team_skills). Load-balanced: lowest load against capacity first, then
 * round the team after the last served; round robin: round the team only. One call of
 * `palier_routing_read` (migrations/0017), whose plans the database keeps: a team of a thousand
 * agents costs one scan of its members and a few rows back, and no planning, per ticket.
 */
export async function readRouting(tx: Db, props: ReadRoutingProps): Promise<RoutingRead | undefined> {
  const { needs } = props;
  const [team, ...members] = await selectRows<RoutingSqlRow>(
    tx,
    sql`select * from palier_routing_read(${props.teamId}::uuid, ${props.productId}::uuid, ${props.ticketNumber}::bigint, ${needs.language}::text,
          ${needs.channel}::text, ${pgTextArray(needs.tags)}::text[], ${props.at.toISOString()}::timestamptz, ${props.limit}::integer)`,
  );
  if (!team) return undefined;
  const context: RoutingContext = {
    team: {
      id: props.teamId,
      name: team.team_name,
      strategy: team.assignment,
      lastServedId: team.round_robin_last_id,
      leadId: team.lead_id,
      calendarId: team.calendar_id,
      onCallScheduleId: team.on_call_schedule_id,
    },
    product: team.product_code !== null && team.product_name !== null ? { code: team.product_code, name: team.product_name } : null,
    queuedAt: at(team.queued_at),
    lead: team.lead_id !== null && team.lead_locale !== null ? { id: team.lead_id, locale: team.lead_locale } : null,
  };
  const calendars = new Map<string, BusinessCalendar>();
  for (const r of [team, ...members]) {
    if (r.calendar_id !== null && r.calendar_version !== null && !calendars.has(r.calendar_id)) {
      calendars.set(r.calendar_id, calendarOfRow({ id: r.calendar_id, version: r.calendar_version, spec: r.calendar_spec }));
    }
  }
  const binding: MatchedSkills = { tags: team.bind_tags };
  if (team.bind_language && needs.language !== null) binding.language = needs.language;
  if (team.bind_product && team.product_code !== null) binding.product = team.product_code;
  if (team.bind_channel && needs.channel !== null) binding.channel = needs.channel;
  const candidates = members.map((r) => ({ id: r.id, name: r.name, capacity: r.capacity, load: Number(r.load), calendarId: r.calendar_id }));
  return { context, candidates, binding, calendars };
}

export interface AssignRoutedProps {
  ticketNumber: number;
  teamId: string;
  agentId: string;
  at: Date;
  /** The `assignment` event, then the `updated` one, of ticket `ticketNumber` at `at`. */
  events: readonly NewTicketEvent[];
}

/**
 * Routing's assignment in one call of `palier_routing_assign` (migrations/0017), whose plans the
 * database keeps: the team's last served (round robin goes on after them), the events, and the
 * ticket given to the agent, out of the queue, stamped and its version bumped; returns the row.
 */
export async function assignRouted(tx: Db, props: AssignRoutedProps): Promise<TicketRow> {
  const events = props.events.map(eventRow).map((e) => ({
    actor_type: e.actorType,
    actor_id: e.actorId ?? null,
    type: e.type,
    changes: e.changes ?? {},
    reason: e.reason ?? null,
    data: e.data ?? {},
  }));
  const [row] = await selectRows<Record<string, unknown>>(
    tx,
    sql`select * from palier_routing_assign(${props.ticketNumber}::bigint, ${props.teamId}::uuid, ${props.agentId}::uuid,
          ${props.at.toISOString()}::timestamptz, ${JSON.stringify(events)}::jsonb)`,
  );
  if (!row) throw new Error(`ticket ${props.ticketNumber} was not there to assign`);
  return ticketRowOf(row);
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
