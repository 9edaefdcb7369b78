// A file a message brought, downloaded: to staff, and to the customer whose ticket it is on.
// Served with a safe content type: images that browsers render inertly are shown inline, every
// other type is a download (Content-Disposition: attachment) that the browser never sniffs.

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { attachmentById } from "../../../store/mail.js";
import { notFound } from "../../errors.js";
import { callerWith } from "../common/access.js";
import { disposition, INLINE_TYPES } from "../common/download.js";
import { errorResponses, IdParams, SECURITY } from "../common/schema.js";
import { visibleTicket } from "../tickets/tickets.js";

export const attachmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/attachments/:id",
    {
      schema: {
        tags: ["tickets"],
        summary: "Download a file a message brought (an e-mail's attachment or inline image)",
        security: SECURITY,
        params: IdParams,
        response: { 200: Type.Unknown({ description: "the bytes as stored" }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = callerWith(request, "tickets.read");
      const file = await attachmentById(request.server.database.db, request.params.id);
      if (!file || file.ticketNumber === null) throw notFound(`attachment ${request.params.id}`);
      await visibleTicket(request, principal, file.ticketNumber);
      const type = file.contentType.toLowerCase();
      const inline = INLINE_TYPES.has(type);
      reply
        .header("Content-Type", inline ? type : "application/octet-stream")
        .header("Content-Disposition", disposition(inline ? "inline" : "attachment", file.filename))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .header("Cache-Control", "private, max-age=3600");
      // The bytes as stored: a Buffer is sent as it is, never through the JSON serializer.
      return reply.send(file.content as never);
    },
  );
};
