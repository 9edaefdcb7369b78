// Files attached to article versions, for staff: uploaded as the request's body (its type in
// Content-Type, its name in `?name=`), removed, and downloaded, drafts' files included. Readers
// download published versions' files through kb/public.ts.

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { attachFile, removeFile } from "../../../commands/kb/attachments.js";
import { inWork } from "../../../commands/work.js";
import { KB_ATTACHMENT_LIMITS, validateAttachment } from "../../../core/kb/attachment.js";
import { kbAttachmentById } from "../../../store/kbAttachments.js";
import { notFound } from "../../errors.js";
import { actorOf, callerWith, now } from "../common/access.js";
import { sendDownload } from "../common/download.js";
import { errorResponses, IdParams, SECURITY } from "../common/schema.js";
import { presentAttachment } from "./kb.js";
import { AttachmentIdParams, AttachmentParams, AttachmentSchema, AttachmentUploadQuery } from "./schema.js";

const tags = ["knowledge base"];

/** Registers the staff's /kb/…/attachments routes; mount with `{ prefix: "/api/v1" }`. */
export const kbAttachmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // In this scope a body is a file's bytes, whatever its type (JSON and text included).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: KB_ATTACHMENT_LIMITS.bytes + 1 }, (_request, body, done) => done(null, body));

  app.post(
    "/kb/articles/:id/versions/:language/attachments",
    {
      schema: {
        tags,
        summary: "Attach a file to a language version: the body is the file, Content-Type its type, `name` its name",
        security: SECURITY,
        params: AttachmentParams,
        querystring: AttachmentUploadQuery,
        consumes: ["application/octet-stream"],
        body: Type.Unknown({ description: "the file's bytes, sent with its own Content-Type (any type)" }),
        response: { 201: AttachmentSchema, ...errorResponses },
      },
      // A file announced larger than the limit is refused, by name, before it is read.
      preParsing: async (request, _reply, payload) => {
        callerWith(request, "kb.write");
        const declared = Number(request.headers["content-length"] ?? 0);
        const name = (request.query as { name?: unknown }).name;
        if (declared > KB_ATTACHMENT_LIMITS.bytes)
          validateAttachment({ filename: typeof name === "string" ? name : "", contentType: undefined, size: declared }, 0);
        return payload;
      },
    },
    async (request, reply) => {
      const principal = callerWith(request, "kb.write");
      const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const file = await inWork(request.server.database.db, { now: now(request), actor: actorOf(principal) }, (work) =>
        attachFile(work, {
          articleId: request.params.id,
          language: request.params.language,
          filename: request.query.name,
          contentType: request.headers["content-type"],
          content,
        }),
      );
      reply.status(201);
      return presentAttachment(file, `/api/v1/kb/attachments/${file.id}`);
    },
  );

  app.delete(
    "/kb/articles/:id/attachments/:attachmentId",
    {
      schema: {
        tags,
        summary: "Remove a file from an article",
        security: SECURITY,
        params: AttachmentIdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = callerWith(request, "kb.write");
      await inWork(request.server.database.db, { now: now(request), actor: actorOf(principal) }, (work) =>
        removeFile(work, { articleId: request.params.id, attachmentId: request.params.attachmentId }),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/kb/attachments/:id",
    {
      schema: {
        tags,
        summary: "Download a file attached to an article, drafts included",
        security: SECURITY,
        params: IdParams,
        response: { 200: Type.Unknown({ description: "the bytes as uploaded, with their type" }), ...errorResponses },
      },
    },
    async (request, reply) => {
      callerWith(request, "kb.read");
      const file = await kbAttachmentById(request.server.database.db, request.params.id);
      if (!file) throw notFound(`attachment ${request.params.id}`);
      return sendDownload(reply, file, "private, max-age=60");
    },
  );
};
