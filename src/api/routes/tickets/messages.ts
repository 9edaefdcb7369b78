// A ticket's conversation and timeline: list and add messages (customers never see internal
// notes and write only customer messages), and the event timeline (staff only).

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { authorize } from "../../../core/access/permissions.js";
import { addMessage } from "../../../commands/tickets/addMessage.js";
import { inWork } from "../../../commands/work.js";
import type { MessageKind } from "../../../core/ticket/ticket.js";
import { listEvents } from "../../../store/events.js";
import { listMessages } from "../../../store/tickets/messageRows.js";
import { badRequest } from "../../errors.js";
import { idempotent } from "../../idempotency.js";
import { presentEvent, presentMessage, presentTicket } from "../../presenters.js";
import { actorOf, callerWith, forbidden, now } from "../common/access.js";
import { errorResponses, SECURITY } from "../common/schema.js";
import { AddMessageBody, AddMessageResponse, EventList, IdempotencyHeaders, MessageList, NumberParams } from "./schema.js";
import { hasBody, messagePermission, visibleTicket } from "./tickets.js";

const tags = ["tickets"];

/** Registers the message and event routes of tickets. */
export const ticketMessageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/tickets/:number/messages",
    {
      schema: {
        tags,
        summary: "List a ticket's messages, oldest first",
        description: "Customers do not see internal notes.",
        security: SECURITY,
        params: NumberParams,
        response: { 200: MessageList, ...errorResponses },
      },
    },
    async (request) => {
      const principal = callerWith(request, "tickets.read");
      const ticket = await visibleTicket(request, principal, request.params.number);
      const items = await listMessages(request.server.database.db, ticket.number, { notes: principal.kind === "agent" });
      return { items: items.map((message) => presentMessage(message, principal)) };
    },
  );

  app.post(
    "/tickets/:number/messages",
    {
      schema: {
        tags,
        summary: "Add a message: a public reply, an internal note, or what the customer said",
        description:
          "Agents write `reply` (default) or `note`, or log a `customer` message (a phone call). Customers write `customer` messages on their own tickets. Idempotency-Key honoured.",
        security: SECURITY,
        params: NumberParams,
        headers: IdempotencyHeaders,
        body: AddMessageBody,
        response: { 201: AddMessageResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = callerWith(request, "tickets.read");
      const kind: MessageKind = request.body.kind ?? (principal.kind === "customer" ? "customer" : "reply");
      if (principal.kind === "customer" && kind !== "customer") throw forbidden("a customer writes customer messages only");
      authorize(principal, messagePermission(kind));
      if (!hasBody(request.body)) throw badRequest("text", "a message needs text or html");
      const ticket = await visibleTicket(request, principal, request.params.number);
      return idempotent(request, reply, async (db) => {
        const added = await inWork(db, { now: now(request), actor: actorOf(principal) }, (work) =>
          addMessage(work, { ...request.body, kind, number: ticket.number }),
        );
        return { status: 201, body: { message: presentMessage(added.message, principal), ticket: presentTicket(added.ticket, principal) } };
      });
    },
  );

  app.get(
    "/tickets/:number/events",
    {
      schema: {
        tags,
        summary: "List a ticket's timeline of events, oldest first (staff only)",
        security: SECURITY,
        params: NumberParams,
        response: { 200: EventList, ...errorResponses },
      },
    },
    async (request) => {
      const principal = callerWith(request, "tickets.read");
      if (principal.kind !== "agent") throw forbidden("the timeline is for staff only");
      const ticket = await visibleTicket(request, principal, request.params.number);
      return { items: (await listEvents(request.server.database.db, ticket.number)).map(presentEvent) };
    },
  );
};
