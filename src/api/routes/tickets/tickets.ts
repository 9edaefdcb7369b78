// Ticket routes: list (views, filters, full-text search, cursor pages and a total), counts per
// view, create (honouring Idempotency-Key), read with an ETag, and conditional update.

import { customerForRequester, type Requester } from "../../../commands/customers/requester.js";
import { customFieldsProblem } from "../../../core/ticket/customFields.js";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import { authorize, type Principal } from "../../../core/access/permissions.js";
import type { MessageKind } from "../../../core/ticket/ticket.js";
import { updateTicket } from "../../../commands/tickets/changeTicket.js";
import { createTicket } from "../../../commands/tickets/createTicket.js";
import { inWork } from "../../../commands/work.js";
import type { Ticket } from "../../../core/ticket/ticketRecord.js";
import { countTickets, listTickets } from "../../../store/tickets/ticketList.js";
import { getTicket } from "../../../store/tickets/ticketRows.js";
import { badRequest, notFound } from "../../errors.js";
import { idempotent } from "../../idempotency.js";
import { presentListedTicket, presentMessage, presentTicket } from "../../presenters.js";
import { actorOf, callerWith, forbidden, now } from "../common/access.js";
import { errorResponses, SECURITY } from "../common/schema.js";
import { expectedVersion, setETag } from "../common/versions.js";
import { openInView, ticketListQuery } from "./query.js";
import {
  CreateTicketBody,
  CreateTicketResponse,
  IdempotencyHeaders,
  NumberParams,
  TicketCounts,
  TicketListQuery,
  TicketListResponse,
  TicketSchema,
  UpdateTicketBody,
  UpdateTicketHeaders,
  VIEWS,
} from "./schema.js";

const tags = ["tickets"];

/**
 * Fields a customer may not set on the tickets they open: routing, and everything that chooses
 * its SLA policy or its place in the queue. A customer's request is triaged; it does not triage itself.
 */
const STAFF_FIELDS = ["priority", "tier", "productId", "language", "teamId", "assigneeId", "followers", "tags", "customFields"] as const;

/** The permission a message of `kind` needs. */
export function messagePermission(kind: MessageKind): "tickets.note" | "tickets.reply" {
  return kind === "note" ? "tickets.note" : "tickets.reply";
}

/** Whether a message input carries a body. */
export function hasBody(input: { text?: string; html?: string }): boolean {
  return (input.text ?? "").trim() !== "" || (input.html ?? "").trim() !== "";
}

/**
 * The ticket numbered `number` as `principal` may see it: a customer's others' tickets do not
 * exist for them (404, not 403, so that numbers reveal nothing).
 */
export async function visibleTicket(request: FastifyRequest, principal: Principal, number: number): Promise<Ticket> {
  const ticket = await getTicket(request.server.database.db, number);
  if (!ticket || (principal.kind === "customer" && ticket.customerId !== principal.id)) throw notFound(`ticket #${number}`);
  return ticket;
}

/** Identifiers as PostgreSQL writes them (lower case), so that timelines compare like with like. */
function lowerIds<T extends { teamId?: string | null; assigneeId?: string | null; productId?: string | null; followers?: string[] }>(fields: T): T {
  const lower = (id: string | null | undefined) => (typeof id === "string" ? id.toLowerCase() : id);
  return {
    ...fields,
    ...(fields.teamId !== undefined ? { teamId: lower(fields.teamId) } : {}),
    ...(fields.assigneeId !== undefined ? { assigneeId: lower(fields.assigneeId) } : {}),
    ...(fields.productId !== undefined ? { productId: lower(fields.productId) } : {}),
    ...(fields.followers !== undefined ? { followers: fields.followers.map((id) => id.toLowerCase()) } : {}),
  };
}

/** Registers the ticket routes. */
export const ticketRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/tickets",
    {
      schema: {
        tags,
        summary: "List tickets: a view, filters, full-text search, sorted, a page at a time",
        description: "Customers see only their own tickets, whatever they ask for.",
        security: SECURITY,
        querystring: TicketListQuery,
        response: { 200: TicketListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const principal = callerWith(request, "tickets.read");
      const query = ticketListQuery(principal, request.query, now(request));
      if (query === null) return { items: [], nextCursor: null, total: 0, now: now(request).toISOString() };
      const db = request.server.database.db;
      const [page, total] = await Promise.all([listTickets(db, query), countTickets(db, query)]);
      const at = now(request);
      return { items: page.items.map((ticket) => presentListedTicket(ticket, at, principal)), nextCursor: page.nextCursor, total, now: at.toISOString() };
    },
  );

  app.get(
    "/tickets/counts",
    {
      schema: {
        tags,
        summary: "Count the tickets neither solved nor closed in each view",
        security: SECURITY,
        response: { 200: TicketCounts, ...errorResponses },
      },
    },
    async (request) => {
      const principal = callerWith(request, "tickets.read");
      const db = request.server.database.db;
      const counts = await Promise.all(
        VIEWS.map(async (view) => {
          const query = openInView(principal, view, now(request));
          return query === null ? 0 : countTickets(db, query);
        }),
      );
      return Object.fromEntries(VIEWS.map((view, i) => [view, counts[i] ?? 0])) as Record<(typeof VIEWS)[number], number>;
    },
  );

  app.post(
    "/tickets",
    {
      schema: {
        tags,
        summary: "Open a ticket, with its first message (Idempotency-Key honoured)",
        description:
          "Send `Idempotency-Key: <unique key>` to make retries safe: the same key and body get the first answer again; the same key with another body is a 409. " +
          "Staff and API tokens name who the ticket is for with `customerId`, or with `requester: {email, name?, language?}`, matched to a customer by e-mail or created (exactly one of the two). " +
          "A customer opens tickets for themselves only, with a subject, a channel and a message: the fields that route a ticket or choose its SLA policy " +
          "(priority, tier, product, language, team, assignee, followers, tags, custom fields) are staff's (403). " +
          "Custom fields hold at most 50 fields, nested at most 5 levels, 16 KiB as JSON.",
        security: SECURITY,
        headers: IdempotencyHeaders,
        body: CreateTicketBody,
        response: { 201: CreateTicketResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = callerWith(request, "tickets.create");
      const body = request.body;
      const kind: MessageKind = body.message?.kind ?? "customer";
      let customerId = body.customerId?.toLowerCase();
      if (principal.kind === "customer") {
        if (customerId !== undefined && customerId !== principal.id) throw forbidden("a customer opens tickets for themselves only");
        if (body.requester !== undefined) throw forbidden("requester: a customer opens tickets for themselves only");
        const staffField = STAFF_FIELDS.find((field) => body[field] !== undefined);
        if (staffField) throw forbidden(`${staffField}: only staff may set it`);
        if (kind !== "customer") throw forbidden("a customer writes customer messages only");
        customerId = principal.id;
      } else if ((customerId === undefined) === (body.requester === undefined)) {
        throw badRequest(
          customerId === undefined ? "customerId" : "requester",
          customerId === undefined ? "give customerId or requester" : "give customerId or requester, not both",
        );
      }
      if (body.customFields) {
        const problem = customFieldsProblem(body.customFields);
        if (problem) throw badRequest(problem.path, problem.message);
      }
      if (body.message) {
        authorize(principal, messagePermission(kind));
        if (!hasBody(body.message)) throw badRequest("message.text", "a message needs text or html");
      }
      const { message, customerId: _ignored, requester, ...fields } = body;
      return idempotent(request, reply, async (db) => {
        const created = await inWork(db, { now: now(request), actor: actorOf(principal) }, async (work) =>
          createTicket(work, {
            ...lowerIds(fields),
            customerId: customerId ?? (await customerForRequester(work, requester as Requester)).customerId,
            message: message ? { ...message, kind } : undefined,
          }),
        );
        return {
          status: 201,
          body: { ticket: presentTicket(created.ticket, principal), message: created.message ? presentMessage(created.message, principal) : null },
        };
      });
    },
  );

  app.get(
    "/tickets/:number",
    {
      schema: {
        tags,
        summary: "Read a ticket (ETag: its version)",
        security: SECURITY,
        params: NumberParams,
        response: { 200: TicketSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = callerWith(request, "tickets.read");
      const ticket = await visibleTicket(request, principal, request.params.number);
      setETag(reply, ticket.version);
      return presentTicket(ticket, principal);
    },
  );

  app.patch(
    "/tickets/:number",
    {
      schema: {
        tags,
        summary: "Change a ticket; If-Match (or version) makes it conditional",
        description: 'Send `If-Match: "<version>"` (the ETag you read) or `version`: a 409 `version_conflict` says someone changed the ticket since.',
        security: SECURITY,
        params: NumberParams,
        headers: UpdateTicketHeaders,
        body: UpdateTicketBody,
        response: { 200: TicketSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = callerWith(request, "tickets.update");
      const { version, rootCause, rootCauseText, ...changes } = request.body;
      if (changes.customFields) {
        const problem = customFieldsProblem(changes.customFields);
        if (problem) throw badRequest(problem.path, problem.message);
      }
      const expected = expectedVersion(request, version);
      const ticket = await inWork(request.server.database.db, { now: now(request), actor: actorOf(principal) }, (work) =>
        updateTicket(work, { number: request.params.number, changes: lowerIds(changes), expectedVersion: expected, rootCause: { rootCause, rootCauseText } }),
      );
      setETag(reply, ticket.version);
      return presentTicket(ticket, principal);
    },
  );
};
