// Routing one ticket in its unit of work: when it has a team, no assignee, is still open and its
// team assigns by strategy, the team's available member who fits best takes it (an `assignment`
// event with why, then the `updated` change); nobody available: it waits in the team's queue
// (a `queued` event, the lead told once) until drainQueues hands it to someone. An urgent ticket
// out of the team's hours, or that nobody of the team can take, goes to the person on call.

import type { RoutingAgent } from "../../core/routing/availability.js";
import { chooseAgent, type RoutingChoice, type RoutingWait } from "../../core/routing/chooseAgent.js";
import type { ChangeCause } from "../../core/events/index.js";
import type { AssignmentEventData, OnCallSkip, QueuedEventData, RoutedSkills } from "../../core/events/routingData.js";
import type { MatchedSkills, TicketNeeds } from "../../core/routing/skills.js";
import { translator } from "../../core/i18n/index.js";
import { localeOf } from "../../core/i18n/locale.js";
import type { Ticket } from "../../core/ticket/ticketRecord.js";
import { writeEvents } from "../../store/events.js";
import { enqueue } from "../../store/outbox/outbox.js";
import { assignRouted, readRouting, type RoutingContext, type RoutingRead, teamCandidates } from "../../store/routing.js";
import { presentTicket } from "../../store/tickets/ticketRows.js";
import { calendarsOf, syncChanged } from "../sla/syncClocks.js";
import { applyChanges } from "../tickets/applyChanges.js";
import type { Work } from "../work.js";
import { assignOnCall, findOnCall, teamOutsideHours, wantsOnCall } from "./routeOnCall.js";

export interface RouteTicketProps {
  /** The ticket as it is, locked in the unit of work. */
  ticket: Ticket;
}

/**
 * What routing did: `assigned` (the ticket now has an assignee), `queued` (it waits), `manual`
 * (its team assigns by hand), or `not_routed` (no team, an assignee already, solved or closed).
 */
export interface RouteResult {
  ticket: Ticket;
  outcome: "assigned" | "queued" | "manual" | "not_routed";
}

const CLOSED = new Set(["solved", "closed"]);

/**
 * Routes `ticket` when it has a team and no assignee, is neither solved nor closed, and its team
 * does not assign by hand. A ticket already waiting in the queue that still finds nobody stays
 * there quietly: its `queued` event and the lead's notice came when it started waiting. An
 * urgent ticket of a team with an on-call schedule goes to the person on call when the team is
 * outside its business hours (even a team that assigns by hand) or nobody of it is available.
 * When nobody on call can take it either, it waits in the queue and the lead is told, in a team
 * that assigns by hand too.
 */
export async function routeTicket(work: Work, props: RouteTicketProps): Promise<RouteResult> {
  const { ticket } = props;
  const unchanged: RouteResult = { ticket, outcome: "not_routed" };
  if (ticket.teamId === null || ticket.assigneeId !== null || CLOSED.has(ticket.status)) return unchanged;
  const read = await readRouting(work.tx, {
    teamId: ticket.teamId,
    productId: ticket.productId,
    ticketNumber: ticket.number,
    needs: { language: ticket.language, channel: ticket.channel, tags: ticket.tags },
    at: work.now,
    limit: FIRST_CANDIDATES,
  });
  if (!read) return unchanged;
  const { context } = read;
  // The calendars came with the read: the hours below ask the work's cache, not the database.
  for (const [id, calendar] of read.calendars) if (!work.clocks.calendars.has(id)) work.clocks.calendars.set(id, calendar);
  // An urgent ticket out of the team's hours goes to the person on call, whatever the strategy.
  const urgent = wantsOnCall(ticket, context);
  let noOnCall: OnCallSkip | undefined;
  if (urgent && (await teamOutsideHours(work, context))) {
    const found = await findOnCall(work, context);
    if ("person" in found) return { ticket: await assignOnCall(work, ticket, context, found, "outside_hours"), outcome: "assigned" };
    noOnCall = found.skip;
  }
  const needs: TicketNeeds = { language: ticket.language, product: context.product?.code ?? null, channel: ticket.channel, tags: ticket.tags };
  if (context.team.strategy === "manual") {
    // Out of hours with nobody on call, an urgent ticket of a team that assigns by hand would
    // sit unseen until morning: it waits in the queue, and the lead is told.
    if (noOnCall === undefined || context.queuedAt !== null) return { ticket, outcome: "manual" };
    const wait: RoutingWait = { outcome: "waiting", strategy: "manual", why: "manual", needs: { tags: [] }, members: 0, passedOver: {} };
    return { ticket: await queue(work, ticket, context, wait, noOnCall), outcome: "queued" };
  }
  const strategy = context.team.strategy;
  const choice = await firstWithinHours(work, context, read);
  if (choice) return { ticket: await assign(work, ticket, context, choice), outcome: "assigned" };
  // Nobody among the first candidates is at work: the whole team, through the core's choice, which also says why.
  const members = await routingMembers(work, context);
  const decision = chooseAgent({ members, strategy, needs, lastServedId: context.team.lastServedId, at: work.now });
  if (decision.outcome === "assigned") return { ticket: await assign(work, ticket, context, decision), outcome: "assigned" };
  // Nobody of the team: an urgent ticket goes to the person on call rather than wait.
  if (urgent && noOnCall === undefined) {
    const found = await findOnCall(work, context);
    if ("person" in found) return { ticket: await assignOnCall(work, ticket, context, found, "nobody_available"), outcome: "assigned" };
    noOnCall = found.skip;
  }
  if (context.queuedAt !== null) return { ticket, outcome: "queued" };
  return { ticket: await queue(work, ticket, context, decision, noOnCall), outcome: "queued" };
}

/** How many of the best candidates the first read brings, before the whole team is read. */
const FIRST_CANDIDATES = 20;

/**
 * The choice chooseAgent would make, from the database's first candidates in its order
 * (readRouting) and the first within their working hours; undefined when none of them is,
 * and the caller asks the whole team.
 */
async function firstWithinHours(work: Work, context: RoutingContext, read: RoutingRead): Promise<RoutingChoice | undefined> {
  const { candidates: rows, binding } = read;
  const strategy = context.team.strategy;
  if (rows.length === 0 || strategy === "manual") return undefined;
  const calendarOf = (id: string | null) => id ?? context.team.calendarId;
  const calendar = await calendarsOf(
    work,
    rows.map((r) => calendarOf(r.calendarId)),
  );
  const found = rows.find((row) => calendar(calendarOf(row.calendarId)).isOpen(work.now.getTime()));
  if (!found) return undefined;
  return {
    outcome: "assigned",
    strategy,
    agentId: found.id,
    name: found.name,
    load: found.load,
    capacity: found.capacity,
    matched: binding,
  };
}

/** The team's candidates as routing reads them, each with their working hours (their calendar, else the team's). */
async function routingMembers(work: Work, context: RoutingContext): Promise<RoutingAgent[]> {
  const rows = await teamCandidates(work.tx, context.team.id);
  const calendarOf = (id: string | null) => id ?? context.team.calendarId;
  const calendar = await calendarsOf(
    work,
    rows.map((r) => calendarOf(r.calendarId)),
  );
  return rows.map((row) => {
    const calendarId = calendarOf(row.calendarId);
    return { ...row, active: true, ...(calendarId !== null ? { hours: calendar(calendarId) } : {}) };
  });
}

function routedSkills(skills: MatchedSkills, context: RoutingContext): RoutedSkills {
  const { product: code, ...rest } = skills;
  return { ...rest, ...(code !== undefined && context.product ? { product: context.product } : {}) };
}

async function assign(work: Work, ticket: Ticket, context: RoutingContext, choice: RoutingChoice): Promise<Ticket> {
  const data: AssignmentEventData = {
    strategy: choice.strategy,
    agentId: choice.agentId,
    name: choice.name,
    teamId: context.team.id,
    teamName: context.team.name,
    load: choice.load,
    capacity: choice.capacity,
    matched: routedSkills(choice.matched, context),
    ...(context.queuedAt ? { queuedSince: context.queuedAt.toISOString() } : {}),
  };
  // As applyChanges would write it (the assignee was none: routing takes only such tickets), in one call.
  const changes = { assigneeId: [ticket.assigneeId, choice.agentId] as [string | null, string] };
  const cause: ChangeCause = { cause: "routed", by: "strategy", strategy: choice.strategy };
  const { number } = ticket;
  const row = await assignRouted(work.tx, {
    ticketNumber: number,
    teamId: context.team.id,
    agentId: choice.agentId,
    at: work.now,
    events: [
      { ticketNumber: number, at: work.now, actor: work.actor, type: "assignment", data },
      { ticketNumber: number, at: work.now, actor: work.actor, type: "updated", changes, data: { cause } },
    ],
  });
  return syncChanged(work, { ticket: presentTicket(row, ticket.followers), changes });
}

async function queue(work: Work, ticket: Ticket, context: RoutingContext, wait: RoutingWait, noOnCall: OnCallSkip | undefined): Promise<Ticket> {
  const { team, lead } = context;
  const data: QueuedEventData = {
    strategy: team.strategy,
    teamId: team.id,
    teamName: team.name,
    needs: routedSkills(wait.needs, context),
    members: wait.members,
    passedOver: wait.passedOver,
    ...(lead ? { leadId: lead.id } : {}),
    ...(noOnCall ? { onCall: { skip: noOnCall, ...(team.onCallScheduleId ? { scheduleId: team.onCallScheduleId } : {}) } } : {}),
  };
  await writeEvents(work.tx, [{ ticketNumber: ticket.number, at: work.now, actor: work.actor, type: "queued", data }]);
  if (lead) {
    const locale = localeOf(lead.locale);
    const t = translator(locale);
    const values = { number: ticket.number, subject: ticket.subject, team: team.name };
    await enqueue(
      work.tx,
      [
        {
          kind: "inapp",
          ticketNumber: ticket.number,
          agentId: lead.id,
          payload: { title: t("routing.notice.title", values), body: t("routing.notice.body", values), data: { type: "queued", teamId: team.id } },
        },
      ],
      work.now,
    );
  }
  return applyChanges(work, { ticket, changes: {}, extra: { queuedAt: work.now } });
}
