// Received mail for admins: every message with what became of it and why (a ticket, a reply,
// automated mail kept, a bounce, or an error kept raw), its bytes as they arrived, and taking
// again a message kept as `error` once the cause is fixed.

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import type { Static } from "typebox";
import { NotReprocessableError, reprocessMail } from "../../../channels/email/intake.js";
import { listReceivedMail, MailCursorError, mailById, type MailSummary } from "../../../store/mail.js";
import { HttpError, notFound } from "../../errors.js";
import { callerWith } from "../common/access.js";
import { errorResponses, IdParams, Page, SECURITY } from "../common/schema.js";
import { ReceivedMailQuery, ReceivedMailSchema, ReprocessedSchema } from "./mailSchema.js";
import { ReplayBody } from "./schema.js";

const tags = ["admin"];

function presentMail(row: MailSummary): Static<typeof ReceivedMailSchema> {
  return {
    id: row.id,
    outcome: row.outcome as Static<typeof ReceivedMailSchema>["outcome"],
    messageId: row.messageIdHeader,
    ticketNumber: row.ticketNumber,
    from: row.fromAddress,
    to: row.toAddresses,
    subject: row.subject,
    automated: (row.automated as Static<typeof ReceivedMailSchema>["automated"]) ?? null,
    problems: row.problems,
    size: row.size,
    receivedAt: row.createdAt.toISOString(),
  };
}

export const mailAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/admin/mail",
    {
      schema: {
        tags,
        summary: "List received mail, newest first, with what became of each message and why",
        security: SECURITY,
        querystring: ReceivedMailQuery,
        response: { 200: Page(ReceivedMailSchema), ...errorResponses },
      },
    },
    async (request) => {
      callerWith(request, "outbox.admin");
      try {
        const page = await listReceivedMail(request.server.database.db, request.query);
        return { items: page.items.map(presentMail), nextCursor: page.nextCursor };
      } catch (error) {
        if (error instanceof MailCursorError) throw new HttpError(400, "invalid_cursor", `cursor: ${error.message}`);
        throw error;
      }
    },
  );

  app.get(
    "/admin/mail/:id/raw",
    {
      schema: {
        tags,
        summary: "Download a received message as it arrived (message/rfc822)",
        security: SECURITY,
        params: IdParams,
        response: { 200: Type.Unknown({ description: "the bytes as stored" }), ...errorResponses },
      },
    },
    async (request, reply) => {
      callerWith(request, "outbox.admin");
      const row = await mailById(request.server.database.db, request.params.id);
      if (!row || row.raw === null) throw notFound(`received mail ${request.params.id}`);
      reply
        .header("Content-Type", "message/rfc822")
        .header("Content-Disposition", `attachment; filename="mail-${row.id}.eml"`)
        .header("X-Content-Type-Options", "nosniff");
      return reply.send(row.raw as never);
    },
  );

  app.post(
    "/admin/mail/:id/reprocess",
    {
      schema: {
        tags,
        summary: "Take again a message kept as error (after its cause is fixed): the outcome it gets now",
        security: SECURITY,
        params: IdParams,
        body: ReplayBody,
        response: { 200: ReprocessedSchema, ...errorResponses },
      },
    },
    async (request) => {
      callerWith(request, "outbox.admin");
      try {
        const received = await reprocessMail({ database: request.server.database, clock: request.server.clock }, request.params.id);
        return { outcome: received.outcome, ticketNumber: received.ticketNumber, mailId: received.mailId };
      } catch (error) {
        if (!(error instanceof NotReprocessableError)) throw error;
        if (/does not exist/.test(error.message)) throw notFound(`received mail ${request.params.id}`);
        throw new HttpError(409, "not_reprocessable", error.message);
      }
    },
  );
};
