// The shapes the HTTP API answers (docs/api.md), as the browser app sees them: instants are
// ISO 8601 strings, ids are UUIDs, ticket numbers are integers.

import type { Channel, MessageKind, Priority, Status, Tier } from "../../core/ticket/ticket.js";

export type { Channel, MessageKind, Priority, Status, Tier };

export type Role = "admin" | "manager" | "team_lead" | "agent" | "viewer";

export interface AgentPrincipal {
  kind: "agent";
  id: string;
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  locale: string;
  /** The IANA zone the agent chose; null: their working calendar's (the browser's in the app). */
  timeZone: string | null;
}

export interface CustomerPrincipal {
  kind: "customer";
  id: string;
  name: string;
  email: string;
  language: string | null;
  /** The IANA zone the customer chose; null: the browser's. */
  timeZone: string | null;
}

export type Principal = AgentPrincipal | CustomerPrincipal;

/** The answer of login and `GET /auth/me`. */
export interface Session {
  principal: Principal;
  csrfToken: string;
}

export interface Ticket {
  number: number;
  subject: string;
  status: Status;
  priority: Priority;
  tier: Tier;
  channel: Channel;
  language: string | null;
  productId: string | null;
  customerId: string;
  teamId: string | null;
  assigneeId: string | null;
  tags: string[];
  customFields: Record<string, unknown>;
  followers: string[];
  createdAt: string;
  updatedAt: string;
  firstResponseAt: string | null;
  lastCustomerMessageAt: string | null;
  lastAgentMessageAt: string | null;
  solvedAt: string | null;
  closedAt: string | null;
  version: number;
  /** In lists: the earliest due time of the ticket's running SLA clocks (null: none runs). */
  slaDueAt?: string | null;
  /** In lists: whether that due time has passed on the server's clock. */
  slaBreached?: boolean;
  /** In lists: whether the ticket's SLA clocks are paused (none running, one paused). */
  slaPaused?: boolean;
}

/** The fields `PATCH /tickets/{number}` changes. */
export interface TicketChanges {
  subject?: string;
  status?: Status;
  priority?: Priority;
  tier?: Tier;
  teamId?: string | null;
  assigneeId?: string | null;
  tags?: string[];
  followers?: string[];
  customFields?: Record<string, unknown>;
  /** Solving a ticket whose escalation is open or accepted: why it came to that (docs/escalation.md). */
  rootCause?: string;
  rootCauseText?: string;
}

export interface Attachment {
  name: string;
  contentType: string;
  size: number;
  /** Where to download it (same origin, the session's cookie). */
  url?: string;
  /** An image the message's HTML showed in its body. */
  inline?: boolean;
}

export interface Message {
  id: string;
  ticketNumber: number;
  kind: MessageKind;
  authorAgentId: string | null;
  authorCustomerId: string | null;
  channel: string;
  bodyText: string;
  bodyHtml: string;
  attachments: Attachment[];
  /** The agents an internal note mentions (staff only). */
  mentions?: string[];
  /** A note a lead or manager wrote as a reply the agents it mentions may send. */
  suggestion?: boolean;
  createdAt: string;
}

export interface TicketEvent {
  id: number;
  ticketNumber: number;
  at: string;
  actorType: "agent" | "customer" | "rule" | "system";
  actorId: string | null;
  type: string;
  changes: Record<string, [unknown, unknown]>;
  reason: string | null;
  data: Record<string, unknown>;
}

export interface Customer {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  language: string | null;
  organizationId: string | null;
}

export interface Agent {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  active: boolean;
  /** Open tickets assigned to them, and how many they can carry at once. */
  openTickets?: number;
  capacity?: number;
}

export interface Team {
  id: string;
  name: string;
}

export interface Tag {
  name: string;
  color: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface TicketPage extends Page<Ticket> {
  total: number;
  /** The server's clock when it answered (it may run on a manual clock). */
  now: string;
}

export type View = "mine" | "team" | "unassigned" | "all" | "breaching" | "escalated";

/** Unsolved tickets per view; a server without the SLA views leaves them out. */
export type TicketCounts = Partial<Record<View, number>>;

export interface NewTicket {
  subject: string;
  channel: Channel;
  customerId: string;
  priority?: Priority;
  teamId?: string | null;
  assigneeId?: string | null;
  tags?: string[];
  message?: { text?: string; html?: string; kind?: MessageKind };
}

export interface NewCustomer {
  name: string;
  email?: string;
  phone?: string;
  language?: string;
}
