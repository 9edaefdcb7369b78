// GET /security-events: the audit trail of sign-ins, failures, tokens and role changes (admins).

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { authorize } from "../../core/access/permissions.js";
import { listSecurityEvents } from "../../store/securityEvents.js";
import { unauthorized } from "../errors.js";
import { SecurityEventSchema } from "./schemas.js";

/** The security-events route. */
export const securityEventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/api/v1/security-events",
    {
      schema: {
        tags: ["security"],
        summary: "Security events, newest first (admins)",
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })), cursor: Type.Optional(Type.String({ maxLength: 64 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(SecurityEventSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async (request) => {
      if (!request.principal) throw unauthorized();
      authorize(request.principal, "security.read");
      const page = await listSecurityEvents(request.server.database.db, { limit: request.query.limit, cursor: request.query.cursor });
      return { items: page.items.map((event) => ({ ...event, at: event.at.toISOString() })), nextCursor: page.nextCursor };
    },
  );
};
