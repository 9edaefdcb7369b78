// From the ticket list's query string and the caller to a store query: views (mine, team,
// unassigned, all, and the SLA views breaching and escalated), comma-separated filters, and the
// customer scope (a customer sees only their own tickets, whatever they ask for).

import type { Static } from "typebox";
import type { Principal } from "../../../core/access/permissions.js";
import type { Channel, Priority, Status, Tier } from "../../../core/ticket/ticket.js";
import type { AlarmKind } from "../../../core/triage/signals.js";
import type { TicketQuery } from "../../../store/tickets/ticketList.js";
import type { CustomerTicketsQuery, TicketListQuery, View } from "./schema.js";

const OPEN_STATUSES: Status[] = ["new", "open", "pending", "on_hold"];

/** A store query, or `null` when the view and filters cannot match anything (a teamless agent's team view). */
export type ScopedQuery = TicketQuery | null;

const split = <T extends string>(list: string | undefined): T[] | undefined =>
  list === undefined
    ? undefined
    : ([
        ...new Set(
          list
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ] as T[]);

// Both lists when given: their intersection; `null` when it is empty.
function intersect(a: string[] | undefined, b: string[] | undefined): string[] | undefined | null {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const both = a.filter((x) => b.includes(x));
  return both.length > 0 ? both : null;
}

/** The paging and filters shared by every ticket list. */
export function baseQuery(query: Static<typeof CustomerTicketsQuery>): TicketQuery {
  return {
    status: split<Status>(query.status),
    priority: split<Priority>(query.priority),
    channel: split<Channel>(query.channel),
    tier: split<Tier>(query.tier),
    sort: query.sort,
    order: query.order,
    limit: query.limit ?? 25,
    cursor: query.cursor,
  };
}

/** The store query for `GET /tickets` by `principal` at `now`. */
export function ticketListQuery(principal: Principal, query: Static<typeof TicketListQuery>, now: Date): ScopedQuery {
  const me = principal.id;
  const assignees = split(query.assignee)?.map((a) => (a === "me" ? me : a.toLowerCase()));
  const scoped = viewQuery(principal, query.view ?? "all", {
    ...baseQuery(query),
    teamId: split(query.team)?.map((t) => t.toLowerCase()),
    assigneeId: assignees,
    tags: split(query.tag),
    customerId: split(query.customer)?.map((c) => c.toLowerCase()),
    text: query.q,
    // Triage is for staff: a customer's filters on it are ignored (viewQuery drops them).
    ...(query.frustrated !== undefined ? { frustrated: query.frustrated === "true" } : {}),
    ...(query.alarm !== undefined ? { alarms: split<AlarmKind>(query.alarm) as AlarmKind[] } : {}),
    now,
  });
  return scoped;
}

/** Narrows `query` to a view, as seen by `principal`. */
export function viewQuery(principal: Principal, view: View, query: TicketQuery): ScopedQuery {
  let scoped: TicketQuery = { ...query };
  if (principal.kind === "customer") {
    const customers = intersect(toList(query.customerId), [principal.id]);
    if (customers === null) return null;
    scoped.customerId = principal.id;
    delete scoped.frustrated;
    delete scoped.alarms;
    // A customer's "mine" is their own tickets; they have no team.
    if (view === "team") return null;
  }
  if (view === "mine" && principal.kind === "agent") {
    const assignees = intersect(query.assigneeId ?? undefined, [principal.id]);
    if (assignees === null) return null;
    scoped.assigneeId = assignees;
  } else if (view === "team" && principal.kind === "agent") {
    if (principal.teamId === null) return null;
    const teams = intersect(query.teamId, [principal.teamId]);
    if (teams === null) return null;
    scoped.teamId = teams;
  } else if (view === "unassigned") {
    if (query.assigneeId !== undefined) return null;
    scoped = { ...scoped, assigneeId: null };
  } else if (view === "breaching" || view === "escalated") {
    // SLA clocks are for staff: a customer's SLA views are empty.
    if (principal.kind === "customer") return null;
    scoped.sla = view;
  }
  return scoped;
}

function toList(value: string | string[] | undefined): string[] | undefined {
  return value === undefined ? undefined : Array.isArray(value) ? value : [value];
}

/** The store query counting a view's tickets that are neither solved nor closed, at `now`. */
export function openInView(principal: Principal, view: View, now: Date): ScopedQuery {
  return viewQuery(principal, view, { status: OPEN_STATUSES, now });
}
