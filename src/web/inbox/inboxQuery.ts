// The inbox's state lives in the address (`/?view=team&status=open&q=…`), so it survives a
// reload and the back button; this module reads it, writes it, says what in it is not valid,
// and turns it into API queries.

import { CHANNELS, PRIORITIES, STATUSES } from "../../core/ticket/ticket.js";
import { ALARM_KINDS } from "../../core/triage/signals.js";
import type { Query } from "../api/client.js";
import type { View } from "../api/types.js";

export const VIEWS: readonly View[] = ["mine", "team", "unassigned", "all", "breaching", "escalated"];

/** Every status still needing work: what the inbox shows when no status is chosen, and what the views count. */
export const OPEN_STATUSES = "new,open,pending,on_hold";
/** The status filter's value for every status, solved and closed included. */
export const ANY_STATUS = "any";

export const SORTS = ["updated_desc", "updated_asc", "created_desc", "created_asc", "number_desc", "due_asc"] as const;
export type Sort = (typeof SORTS)[number];

export interface InboxQuery {
  view: View;
  /** "" (the default): open tickets only; `any`: every status; else comma-separated statuses. */
  status: string;
  priority: string;
  channel: string;
  team: string;
  tag: string;
  /** `true`: only tickets whose customer sounds frustrated. */
  frustrated: string;
  /** Comma-separated alarm kinds: tickets with any of these alarms. */
  alarm: string;
  q: string;
  sort: Sort;
}

export const FILTERS = ["status", "priority", "channel", "team", "tag", "frustrated", "alarm", "q"] as const;

/** Where the inbox opens when the address names no view. */
export interface Landing {
  view: View;
  status: string;
}

/** A part of the address the inbox does not understand: its name and its value as written. */
export interface AddressProblem {
  name: "view" | "sort" | (typeof FILTERS)[number];
  value: string;
}

/** The sort a view takes when the address names none: the breaching view puts the soonest due first. */
export function defaultSort(view: View): Sort {
  return view === "breaching" || view === "escalated" ? "due_asc" : "updated_desc";
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const listOf = (words: readonly string[]) => (value: string) => value.split(",").every((word) => words.includes(word.trim()));
const VALID: Record<AddressProblem["name"], (value: string) => boolean> = {
  view: (value) => VIEWS.includes(value as View),
  sort: (value) => SORTS.includes(value as Sort),
  status: (value) => value === ANY_STATUS || listOf(STATUSES)(value),
  priority: listOf(PRIORITIES),
  channel: listOf(CHANNELS),
  team: (value) => value.split(",").every((id) => UUID.test(id.trim())),
  tag: (value) => value.length <= 500,
  frustrated: (value) => value === "true",
  alarm: listOf(ALARM_KINDS),
  q: (value) => value.length <= 500,
};

/** The parts of the address that are not valid (a hand-edited `?status=bogus`), in the address's order. */
export function addressProblems(search: URLSearchParams): AddressProblem[] {
  const problems: AddressProblem[] = [];
  for (const [name, value] of search) {
    const valid = VALID[name as AddressProblem["name"]];
    if (valid !== undefined && value !== "" && !valid(value)) problems.push({ name: name as AddressProblem["name"], value });
  }
  return problems;
}

/** The inbox query of an address; what is not valid in it is left out, and no view means `landing`. */
export function readInboxQuery(search: URLSearchParams, landing: Landing = { view: "mine", status: "" }): InboxQuery {
  const read = (name: AddressProblem["name"]): string => {
    const value = search.get(name) ?? "";
    return value !== "" && VALID[name](value) ? value : "";
  };
  const named = read("view");
  const view = named === "" ? landing.view : (named as View);
  const status = read("status");
  const sort = read("sort");
  return {
    view,
    // The open statuses written out are the default, said shorter.
    status: status === OPEN_STATUSES ? "" : status === "" && named === "" && search.get("status") === null ? landing.status : status,
    priority: read("priority"),
    channel: read("channel"),
    team: read("team"),
    tag: read("tag"),
    frustrated: read("frustrated"),
    alarm: read("alarm"),
    q: read("q"),
    sort: sort === "" ? defaultSort(view) : (sort as Sort),
  };
}

/** The inbox address for `query`: its view always, the filters and sort when not the defaults. */
export function inboxHref(query: InboxQuery): string {
  const params = new URLSearchParams();
  params.set("view", query.view);
  for (const name of FILTERS) if (query[name] !== "") params.set(name, query[name]);
  if (query.sort !== defaultSort(query.view)) params.set("sort", query.sort);
  return `/?${params.toString()}`;
}

/** `query` with every filter cleared and the view's own sort. */
export function withoutFilters(query: InboxQuery): InboxQuery {
  return { view: query.view, status: "", priority: "", channel: "", team: "", tag: "", frustrated: "", alarm: "", q: "", sort: defaultSort(query.view) };
}

/** The `GET /tickets` parameters for `query`. */
export function apiQuery(query: InboxQuery, limit: number): Query {
  const cut = query.sort.lastIndexOf("_");
  const field = query.sort.slice(0, cut);
  return {
    view: query.view,
    status: query.status === "" ? OPEN_STATUSES : query.status === ANY_STATUS ? "" : query.status,
    priority: query.priority,
    channel: query.channel,
    team: query.team,
    tag: query.tag,
    frustrated: query.frustrated,
    alarm: query.alarm,
    q: query.q.trim(),
    sort: field === "number" || field === "due" ? field : `${field}_at`,
    order: query.sort.slice(cut + 1),
    limit,
  };
}
