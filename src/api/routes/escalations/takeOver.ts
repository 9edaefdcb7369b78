// A lead or manager takes a ticket over (docs/escalation.md#taking-a-ticket-over): it becomes
// theirs, whoever held it stays a follower and is told. Agents without `tickets.supervise` get a 403.

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { TAKE_OVER_REASON_MAX, takeOverTicket } from "../../../commands/handoff/takeOver.js";
import { inWork } from "../../../commands/work.js";
import { presentTicket } from "../../presenters.js";
import { actorOf, callerWith, forbidden, now } from "../common/access.js";
import { errorResponses, Nullable, SECURITY, Uuid } from "../common/schema.js";
import { NumberParams, TicketSchema } from "../tickets/schema.js";

// The reason's length is the core's to name in the reader's language.
const TakeOverBody = Type.Object(
  { reason: Type.Optional(Nullable(Type.String({ description: `why, in the taker's words (at most ${TAKE_OVER_REASON_MAX} characters)` }))) },
  { additionalProperties: false },
);

const TakeOverResponse = Type.Object(
  { ticket: TicketSchema, /** Who held the ticket before; they now follow it. */ fromAgentId: Nullable(Uuid) },
  { additionalProperties: false },
);

/** Registers POST /tickets/{number}/take-over. */
export const takeOverRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    "/tickets/:number/take-over",
    {
      schema: {
        tags: ["escalations"],
        summary: "Take a ticket over: it is assigned to you, its assignee follows it and is told",
        description:
          "Team leads, managers and admins (permission `tickets.supervise`). A `take_over` event records who took it from whom and why. " +
          "Taking over a ticket you hold, or a closed one, is a 400 naming the field.",
        security: SECURITY,
        params: NumberParams,
        body: TakeOverBody,
        response: { 200: TakeOverResponse, ...errorResponses },
      },
    },
    async (request) => {
      const principal = callerWith(request, "tickets.supervise");
      if (principal.kind === "customer") throw forbidden("taking a ticket over is the staff's");
      const taken = await inWork(request.server.database.db, { now: now(request), actor: actorOf(principal) }, (work) =>
        takeOverTicket(work, { number: request.params.number, reason: request.body?.reason }),
      );
      return { ticket: presentTicket(taken.ticket, principal), fromAgentId: taken.fromAgentId };
    },
  );
};
