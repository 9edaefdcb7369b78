// The inbox's state lives in the address (`/?view=team&status=open&q=…`), so it survives a
// reload and the back button; this module reads it, writes it, and turns it into API queries.

import type { Query } from "../api/client.js";
import type { View } from "../api/types.js";

export const VIEWS: readonly View[] = ["mine", "team", "unassigned", "all", "breaching", "escalated"];

/** "Unsolved" is every status still needing work. */
export const UNSOLVED = "new,open,pending,on_hold";

export const SORTS = ["updated_desc", "updated_asc", "created_desc", "created_asc", "number_desc", "due_asc"] as const;
export type Sort = (typeof SORTS)[number];

export interface InboxQuery {
  view: View;
  status: string;
  priority: string;
  channel: string;
  team: string;
  tag: string;
  q: string;
  sort: Sort;
}

export const FILTERS = ["status", "priority", "channel", "team", "tag", "q"] as const;

export function readInboxQuery(search: URLSearchParams): InboxQuery {
  const view = search.get("view");
  const sort = search.get("sort");
  return {
    view: VIEWS.includes(view as View) ? (view as View) : "mine",
    status: search.get("status") ?? "",
    priority: search.get("priority") ?? "",
    channel: search.get("channel") ?? "",
    team: search.get("team") ?? "",
    tag: search.get("tag") ?? "",
    q: search.get("q") ?? "",
    sort: SORTS.includes(sort as Sort) ? (sort as Sort) : "updated_desc",
  };
}

/** The inbox address for `query`, leaving defaults out. */
export function inboxHref(query: InboxQuery): string {
  const params = new URLSearchParams();
  if (query.view !== "mine") params.set("view", query.view);
  for (const name of FILTERS) if (query[name] !== "") params.set(name, query[name]);
  if (query.sort !== "updated_desc") params.set("sort", query.sort);
  const text = params.toString();
  return text === "" ? "/" : `/?${text}`;
}

/** The `GET /tickets` parameters for `query`. */
export function apiQuery(query: InboxQuery, limit: number): Query {
  const cut = query.sort.lastIndexOf("_");
  const field = query.sort.slice(0, cut);
  return {
    view: query.view,
    status: query.status,
    priority: query.priority,
    channel: query.channel,
    team: query.team,
    tag: query.tag,
    q: query.q.trim(),
    sort: field === "number" || field === "due" ? field : `${field}_at`,
    order: query.sort.slice(cut + 1),
    limit,
  };
}
