// The API calls the app makes, one function each, named after docs/api.md's resources.

import { ApiError, request, type Query } from "./client.js";
import type {
  Agent,
  Customer,
  Message,
  MessageKind,
  NewCustomer,
  NewTicket,
  Page,
  Session,
  Tag,
  Team,
  Ticket,
  TicketChanges,
  TicketCounts,
  TicketEvent,
  TicketPage,
} from "./types.js";

export async function login(email: string, password: string): Promise<Session> {
  return (await request<Session>("POST", "/auth/login", { body: { email, password, scope: "agent" }, quiet401: true })).data;
}

/** Who is signed in; rejects with a 401 when no one is, without the browser logging a failed request. */
export async function me(): Promise<Session> {
  const { principal, csrfToken } = (await request<{ principal: Session["principal"] | null; csrfToken: string | null }>("GET", "/auth/session")).data;
  if (principal === null) throw new ApiError(401, "unauthorized", "signed out");
  return { principal, csrfToken } as Session;
}

export async function logout(): Promise<void> {
  await request<unknown>("POST", "/auth/logout", { quiet401: true });
}

export async function listTickets(query: Query): Promise<TicketPage> {
  return (await request<TicketPage>("GET", "/tickets", { query })).data;
}

export async function ticketCounts(): Promise<TicketCounts> {
  return (await request<TicketCounts>("GET", "/tickets/counts")).data;
}

export async function getTicket(number: number): Promise<Ticket> {
  return (await request<Ticket>("GET", `/tickets/${number}`)).data;
}

/** Changes a ticket if it is still at `version`; a 409 `version_conflict` otherwise. */
export async function updateTicket(number: number, version: number, changes: TicketChanges): Promise<Ticket> {
  return (await request<Ticket>("PATCH", `/tickets/${number}`, { body: changes, headers: { "If-Match": `"${version}"` } })).data;
}

export async function createTicket(ticket: NewTicket, idempotencyKey: string): Promise<{ ticket: Ticket; message?: Message }> {
  return (await request<{ ticket: Ticket; message?: Message }>("POST", "/tickets", { body: ticket, headers: { "Idempotency-Key": idempotencyKey } })).data;
}

export async function listMessages(number: number): Promise<Message[]> {
  return (await request<{ items: Message[] }>("GET", `/tickets/${number}/messages`)).data.items;
}

/** Adds a message; an internal note may mention agents (by id) and, from a lead or manager, suggest a reply to them. */
export async function addMessage(
  number: number,
  kind: MessageKind,
  text: string,
  extra: { mentions?: string[]; suggestion?: boolean } = {},
): Promise<{ message: Message; ticket: Ticket }> {
  return (await request<{ message: Message; ticket: Ticket }>("POST", `/tickets/${number}/messages`, { body: { kind, text, ...extra } })).data;
}

export async function listEvents(number: number): Promise<TicketEvent[]> {
  return (await request<{ items: TicketEvent[] }>("GET", `/tickets/${number}/events`)).data.items;
}

export async function getCustomer(id: string): Promise<Customer> {
  return (await request<Customer>("GET", `/customers/${id}`)).data;
}

export async function searchCustomers(q: string, limit = 8): Promise<Customer[]> {
  return (await request<Page<Customer>>("GET", "/customers", { query: { q, limit } })).data.items;
}

export async function createCustomer(customer: NewCustomer): Promise<Customer> {
  return (await request<Customer>("POST", "/customers", { body: customer })).data;
}

export async function customerTickets(id: string, limit = 10): Promise<Ticket[]> {
  const query = { limit, sort: "updated_at", order: "desc" };
  return (await request<Page<Ticket>>("GET", `/customers/${id}/tickets`, { query })).data.items;
}

/** Every item of a paged list, following cursors (the directories are small). */
async function all<T>(path: string, pages = 10): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < pages; page++) {
    const answer: Page<T> = (await request<Page<T>>("GET", path, { query: { limit: 100, cursor } })).data;
    items.push(...answer.items);
    cursor = answer.nextCursor;
    if (!cursor) break;
  }
  return items;
}

export const listAgents = (): Promise<Agent[]> => all<Agent>("/agents");
export const listTeams = (): Promise<Team[]> => all<Team>("/teams");
export const listTags = (): Promise<Tag[]> => all<Tag>("/tags");
/** Products, for their names: an id and a name are all the screens read. */
export const listProducts = (): Promise<{ id: string; name: string }[]> => all<{ id: string; name: string }>("/products");
