// The API calls of the customer portal, and the customer-facing shape of a request: the screens
// read only what a customer may see of a ticket (never its priority, tier, team, assignee, tags,
// custom fields or SLA), and only public replies and the customer's own messages.

import { request } from "../api/client.js";
import type { Message, Status, Ticket } from "../api/types.js";

/** A ticket as the customer who opened it sees it. */
export interface PortalRequest {
  number: number;
  subject: string;
  status: Status;
  createdAt: string;
  updatedAt: string;
}

/** A message of a request's conversation: the team's public reply, or the customer's own. */
export interface PortalMessage {
  id: string;
  from: "team" | "customer";
  bodyHtml: string;
  attachments: string[];
  createdAt: string;
}

export interface PortalRequestPage {
  items: PortalRequest[];
  nextCursor: string | null;
  total: number;
}

/** Keeps the fields a customer may see; everything staff-only is dropped here, once. */
export function toPortalRequest(ticket: Ticket): PortalRequest {
  return { number: ticket.number, subject: ticket.subject, status: ticket.status, createdAt: ticket.createdAt, updatedAt: ticket.updatedAt };
}

/** The conversation a customer sees: internal notes are left out even if a server sent one. */
export function toPortalMessages(messages: readonly Message[]): PortalMessage[] {
  return messages
    .filter((message) => message.kind === "reply" || message.kind === "customer")
    .map((message) => ({
      id: message.id,
      from: message.kind === "reply" ? "team" : "customer",
      bodyHtml: message.bodyHtml,
      attachments: message.attachments.map((attachment) => attachment.name),
      createdAt: message.createdAt,
    }));
}

/** Signs a customer in (scope `customer`); the session cookie is set by the answer. */
export async function customerLogin(email: string, password: string): Promise<void> {
  await request<unknown>("POST", "/auth/login", { body: { email, password, scope: "customer" }, quiet401: true });
}

/** The signed-in customer's requests, most recently updated first (the API scopes the list to them). */
export async function myRequests(cursor: string | null, limit = 20): Promise<PortalRequestPage> {
  const query = { sort: "updated_at", order: "desc", limit, cursor };
  const page = (await request<{ items: Ticket[]; nextCursor: string | null; total: number }>("GET", "/tickets", { query })).data;
  return { items: page.items.map(toPortalRequest), nextCursor: page.nextCursor, total: page.total };
}

export async function getRequest(number: number): Promise<PortalRequest> {
  return toPortalRequest((await request<Ticket>("GET", `/tickets/${number}`)).data);
}

export async function requestMessages(number: number): Promise<PortalMessage[]> {
  return toPortalMessages((await request<{ items: Message[] }>("GET", `/tickets/${number}/messages`)).data.items);
}

/** Adds the customer's message; the answer's request shows whether it reopened. */
export async function replyTo(number: number, text: string, idempotencyKey: string): Promise<PortalRequest> {
  const answer = await request<{ message: Message; ticket: Ticket }>("POST", `/tickets/${number}/messages`, {
    body: { kind: "customer", text },
    headers: { "Idempotency-Key": idempotencyKey },
  });
  return toPortalRequest(answer.data.ticket);
}

/** Opens a request from the web portal; the team triages it (the customer sets no routing field). */
export async function openRequest(subject: string, text: string, idempotencyKey: string): Promise<PortalRequest> {
  const answer = await request<{ ticket: Ticket }>("POST", "/tickets", {
    body: { subject, channel: "web", message: { kind: "customer", text } },
    headers: { "Idempotency-Key": idempotencyKey },
  });
  return toPortalRequest(answer.data.ticket);
}

export const portalKeys = {
  all: ["portal"] as const,
  requests: ["portal", "requests"] as const,
  request: (number: number) => ["portal", "request", number] as const,
  messages: (number: number) => ["portal", "request", number, "messages"] as const,
};
