// Phone calls logged by agents (docs/phone.md): on a ticket, or as a new ticket on the `phone`
// channel; and the calls of a ticket.

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { type Static, Type } from "typebox";
import { logCall } from "../../../commands/phone/logCall.js";
import { inWork } from "../../../commands/work.js";
import { CALL_DIRECTIONS, CALL_OUTCOMES, MAX_CALL_SECONDS } from "../../../core/phone/call.js";
import { PRIORITIES } from "../../../core/ticket/ticket.js";
import { callsOfTicket, type PhoneCall } from "../../../store/phone.js";
import { idempotent } from "../../idempotency.js";
import { presentMessage, presentTicket } from "../../presenters.js";
import { actorOf, callerWith, forbidden, now } from "../common/access.js";
import { DateTime, errorResponses, Nullable, SECURITY, StringEnum, Text, Uuid } from "../common/schema.js";
import { IdempotencyHeaders, MessageSchema, NumberParams, TicketSchema } from "../tickets/schema.js";
import { visibleTicket } from "../tickets/tickets.js";

const tags = ["phone"];

const callFields = {
  direction: StringEnum(CALL_DIRECTIONS, { description: "in: the customer called; out: an agent called the customer" }),
  number: Text(40, { description: "the other party's number; spaces, dots, dashes and brackets are dropped, 00 reads as +" }),
  durationSeconds: Type.Integer({ minimum: 0, maximum: MAX_CALL_SECONDS }),
  outcome: StringEnum(CALL_OUTCOMES),
  notes: Type.Optional(Type.String({ maxLength: 10_000, description: "what was said: the call's message on the ticket" })),
};

const CallSchema = Type.Object(
  {
    id: Uuid,
    ticketNumber: Type.Integer(),
    messageId: Nullable(Uuid),
    direction: StringEnum(CALL_DIRECTIONS),
    number: Type.String(),
    durationSeconds: Type.Integer(),
    outcome: StringEnum(CALL_OUTCOMES),
    notes: Type.String(),
    agentId: Nullable(Uuid),
    createdAt: DateTime,
  },
  { additionalProperties: false },
);

const LoggedCall = Type.Object({ call: CallSchema, message: MessageSchema, ticket: TicketSchema }, { additionalProperties: false });

function presentCall(call: PhoneCall): Static<typeof CallSchema> {
  return {
    ...call,
    direction: call.direction as Static<typeof CallSchema>["direction"],
    outcome: call.outcome as Static<typeof CallSchema>["outcome"],
    createdAt: call.createdAt.toISOString(),
  };
}

/** Registers the phone routes. */
export const phoneRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    "/tickets/:number/calls",
    {
      schema: {
        tags,
        summary: "Log a phone call on a ticket (staff)",
        description: "An incoming call is written as what the customer said, an outgoing one as an internal note. Idempotency-Key honoured.",
        security: SECURITY,
        params: NumberParams,
        headers: IdempotencyHeaders,
        body: Type.Object(callFields, { additionalProperties: false }),
        response: { 201: LoggedCall, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = callerWith(request, "tickets.update");
      const ticket = await visibleTicket(request, principal, request.params.number);
      return idempotent(request, reply, async (db) => {
        const logged = await inWork(db, { now: now(request), actor: actorOf(principal) }, (work) =>
          logCall(work, { ...request.body, ticketNumber: ticket.number }),
        );
        return {
          status: 201,
          body: { call: presentCall(logged.call), message: presentMessage(logged.message, principal), ticket: presentTicket(logged.ticket, principal) },
        };
      });
    },
  );

  app.post(
    "/calls",
    {
      schema: {
        tags,
        summary: "Log a phone call as a new ticket on the phone channel (staff)",
        description: "Without `customerId`, the customer whose phone is this number, or a new one named after it. Idempotency-Key honoured.",
        security: SECURITY,
        headers: IdempotencyHeaders,
        body: Type.Object(
          {
            ...callFields,
            customerId: Type.Optional(Uuid),
            subject: Type.Optional(Text(200)),
            teamId: Type.Optional(Uuid),
            priority: Type.Optional(StringEnum(PRIORITIES)),
          },
          { additionalProperties: false },
        ),
        response: { 201: LoggedCall, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = callerWith(request, "tickets.create");
      if (principal.kind !== "agent") throw forbidden("only staff log calls");
      return idempotent(request, reply, async (db) => {
        const logged = await inWork(db, { now: now(request), actor: actorOf(principal) }, (work) => logCall(work, request.body));
        return {
          status: 201,
          body: { call: presentCall(logged.call), message: presentMessage(logged.message, principal), ticket: presentTicket(logged.ticket, principal) },
        };
      });
    },
  );

  app.get(
    "/tickets/:number/calls",
    {
      schema: {
        tags,
        summary: "The calls logged on a ticket, oldest first (staff)",
        security: SECURITY,
        params: NumberParams,
        response: { 200: Type.Object({ items: Type.Array(CallSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const principal = callerWith(request, "tickets.read");
      if (principal.kind !== "agent") throw forbidden("for staff only");
      const ticket = await visibleTicket(request, principal, request.params.number);
      return { items: (await callsOfTicket(request.server.database.db, ticket.number)).map(presentCall) };
    },
  );
};
