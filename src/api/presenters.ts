// Rows as the API shows them: explicit fields only (never a password hash), ISO timestamps.

import type { Static } from "typebox";
import type { Agent, Customer, Organization, Product, Team } from "../store/entities.js";
import type { TicketEvent } from "../store/events.js";
import type { Tag } from "../store/tags.js";
import type { Principal } from "../core/access/permissions.js";
import type { Ticket } from "../core/ticket/ticketRecord.js";
import type { Message } from "../store/tickets/messageRows.js";
import type { ListedTicket } from "../store/tickets/ticketList.js";
import type { TriagedTicket } from "../store/tickets/ticketRows.js";
import type { AlarmKind } from "../core/triage/signals.js";
import type { AgentSchema } from "./routes/agents/schema.js";
import type { CustomerSchema } from "./routes/customers/schema.js";
import type { OrganizationSchema } from "./routes/organizations/schema.js";
import type { ProductSchema } from "./routes/products/schema.js";
import type { TagSchema } from "./routes/tags/schema.js";
import type { TeamSchema } from "./routes/teams/schema.js";
import type { ListedTicketSchema, MessageSchema, TicketEventSchema, TicketSchema } from "./routes/tickets/schema.js";

const iso = (at: Date): string => at.toISOString();
const isoOrNull = (at: Date | null): string | null => (at === null ? null : at.toISOString());

/** The ticket fields only staff read; a customer's answers leave them out (docs/permissions.md). */
const STAFF_ONLY = [
  "priority",
  "tier",
  "productId",
  "teamId",
  "assigneeId",
  "tags",
  "customFields",
  "followers",
  "slaDueAt",
  "slaBreached",
  "slaPaused",
  "frustration",
  "frustrated",
  "alarms",
] as const;

/** `presented` as `viewer` may read it: a customer does not see how staff handle their ticket. */
function shownTo<T extends Partial<Record<(typeof STAFF_ONLY)[number], unknown>>>(viewer: Principal, presented: T): T {
  if (viewer.kind !== "customer") return presented;
  const shown = { ...presented };
  for (const field of STAFF_ONLY) delete shown[field];
  return shown;
}

/** A ticket's JSON, as `viewer` may read it. */
export function presentTicket(t: Ticket, viewer: Principal): Static<typeof TicketSchema> {
  return shownTo(viewer, allOfTicket(t));
}

function allOfTicket(t: Ticket): Static<typeof TicketSchema> {
  // Every ticket the store reads carries its triage columns; one built by hand may not.
  const triaged = t as Partial<TriagedTicket>;
  return {
    number: t.number,
    subject: t.subject,
    status: t.status,
    priority: t.priority,
    tier: t.tier,
    channel: t.channel,
    language: t.language,
    productId: t.productId,
    customerId: t.customerId,
    teamId: t.teamId,
    assigneeId: t.assigneeId,
    tags: t.tags,
    customFields: t.customFields,
    followers: t.followers,
    frustration: triaged.frustration ?? null,
    frustrated: triaged.frustrated ?? false,
    alarms: (triaged.alarms ?? []) as AlarmKind[],
    createdAt: iso(t.createdAt),
    updatedAt: iso(t.updatedAt),
    firstResponseAt: isoOrNull(t.firstResponseAt),
    lastCustomerMessageAt: isoOrNull(t.lastCustomerMessageAt),
    lastAgentMessageAt: isoOrNull(t.lastAgentMessageAt),
    solvedAt: isoOrNull(t.solvedAt),
    closedAt: isoOrNull(t.closedAt),
    version: t.version,
  };
}

/** A ticket's JSON in a list, with where its SLA stands at `now`, as `viewer` may read it. */
export function presentListedTicket(t: ListedTicket, now: Date, viewer: Principal): Static<typeof ListedTicketSchema> {
  return shownTo(viewer, {
    ...allOfTicket(t),
    slaDueAt: isoOrNull(t.slaDueAt),
    slaBreached: t.slaDueAt !== null && t.slaDueAt <= now,
    slaPaused: t.slaDueAt === null && t.slaPaused,
  });
}

/**
 * A message's JSON, as `viewer` may read it: a customer is answered by the team, not by an
 * agent's id, and does not see what triage read in their words.
 */
export function presentMessage(m: Message, viewer: Principal): Static<typeof MessageSchema> {
  return {
    id: m.id,
    ticketNumber: m.ticketNumber,
    kind: m.kind as Static<typeof MessageSchema>["kind"],
    authorAgentId: viewer.kind === "customer" ? null : m.authorAgentId,
    authorCustomerId: m.authorCustomerId,
    channel: m.channel as Static<typeof MessageSchema>["channel"],
    bodyText: m.bodyText,
    bodyHtml: m.bodyHtml,
    attachments: m.attachments,
    ...(viewer.kind === "customer"
      ? {}
      : { triage: (m.triage ?? null) as Static<typeof MessageSchema>["triage"], mentions: m.mentions ?? [], suggestion: m.suggestion ?? false }),
    createdAt: iso(m.createdAt),
  };
}

/** A timeline event's JSON. */
export function presentEvent(e: TicketEvent): Static<typeof TicketEventSchema> {
  return {
    id: Number(e.id),
    ticketNumber: e.ticketNumber,
    at: iso(e.at),
    actorType: e.actorType as Static<typeof TicketEventSchema>["actorType"],
    actorId: e.actorId,
    type: e.type,
    changes: e.changes,
    reason: e.reason,
    data: e.data,
  };
}

const stamps = (row: { createdAt: Date; updatedAt: Date; version: number }) => ({
  createdAt: iso(row.createdAt),
  updatedAt: iso(row.updatedAt),
  version: row.version,
});

/** A customer's JSON (without the password hash). */
export function presentCustomer(c: Customer): Static<typeof CustomerSchema> {
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    social: c.social,
    language: c.language as Static<typeof CustomerSchema>["language"],
    organizationId: c.organizationId,
    ...stamps(c),
  };
}

/** An organization's JSON. */
export function presentOrganization(o: Organization): Static<typeof OrganizationSchema> {
  return { id: o.id, name: o.name, segment: o.segment, domains: o.domains, ...stamps(o) };
}

/** An agent's JSON (without the password hash). */
export function presentAgent(a: Agent): Static<typeof AgentSchema> {
  return {
    id: a.id,
    name: a.name,
    email: a.email,
    role: a.role as Static<typeof AgentSchema>["role"],
    teamId: a.teamId,
    managerId: a.managerId,
    region: a.region,
    languages: a.languages,
    skills: a.skills,
    products: a.products,
    channels: a.channels,
    capacity: a.capacity,
    openTickets: a.openTickets,
    outOfOfficeFrom: a.outOfOfficeFrom ? iso(a.outOfOfficeFrom) : null,
    outOfOfficeUntil: a.outOfOfficeUntil ? iso(a.outOfOfficeUntil) : null,
    calendarId: a.calendarId,
    locale: a.locale,
    active: a.active,
    ...stamps(a),
  };
}

/** A team's JSON. */
export function presentTeam(t: Team): Static<typeof TeamSchema> {
  return {
    id: t.id,
    name: t.name,
    email: t.email,
    leadId: t.leadId,
    calendarId: t.calendarId,
    tier: t.tier as Static<typeof TeamSchema>["tier"],
    assignment: t.assignment as Static<typeof TeamSchema>["assignment"],
    onCallScheduleId: t.onCallScheduleId,
    signatures: t.signatures ?? {},
    phone: t.phone ?? null,
    ...stamps(t),
  };
}

/** A product's JSON. */
export function presentProduct(p: Product): Static<typeof ProductSchema> {
  return { id: p.id, name: p.name, code: p.code, ...stamps(p) };
}

/** A catalogue tag's JSON. */
export function presentTag(t: Tag): Static<typeof TagSchema> {
  return { name: t.name, color: t.color, createdAt: iso(t.createdAt) };
}
