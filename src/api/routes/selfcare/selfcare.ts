// What staff see of self-care: a ticket's journey before the customer wrote, and for those who
// run the team the self-service ratio over a period with the articles that deflect.

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { journeySummary, selfServiceRatio } from "../../../core/selfcare/journey.js";
import { journeyOfTicket, selfCareStats } from "../../../store/selfcare.js";
import { badRequest } from "../../errors.js";
import { callerWith, forbidden } from "../common/access.js";
import { errorResponses, SECURITY } from "../common/schema.js";
import { visibleTicket } from "../tickets/tickets.js";
import { JourneySchema, NumberParams, StatsQuery, StatsSchema } from "./schema.js";

const tags = ["self-care"];

/** Registers the staff self-care routes. */
export const selfcareStaffRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/tickets/:number/journey",
    {
      schema: {
        tags,
        summary: "The customer's self-care journey before they wrote: searches, articles read, whether one helped",
        security: SECURITY,
        params: NumberParams,
        response: { 200: JourneySchema, ...errorResponses },
      },
    },
    async (request) => {
      const principal = callerWith(request, "tickets.read");
      if (principal.kind === "customer") throw forbidden("the self-care journey is for staff only");
      await visibleTicket(request, principal, request.params.number);
      const steps = await journeyOfTicket(request.server.database.db, request.params.number);
      return { steps: steps.map(({ at, ...rest }) => ({ ...rest, at: at.toISOString() })), summary: journeySummary(steps) };
    },
  );

  app.get(
    "/selfcare/stats",
    {
      schema: {
        tags,
        summary: "The self-service ratio over [from, to) and the articles that answered questions",
        security: SECURITY,
        querystring: StatsQuery,
        response: { 200: StatsSchema, ...errorResponses },
      },
    },
    async (request) => {
      callerWith(request, "selfcare.report");
      const from = new Date(request.query.from);
      const to = new Date(request.query.to);
      if (!(from < to)) throw badRequest("querystring.to", "must be after from");
      const stats = await selfCareStats(request.server.database.db, { from, to, teamId: request.query.teamId?.toLowerCase() ?? null });
      return { from: from.toISOString(), to: to.toISOString(), ...stats, ratio: selfServiceRatio(stats.deflected, stats.requests) };
    },
  );
};
