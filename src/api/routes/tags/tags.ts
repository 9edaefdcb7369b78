// The tag catalogue: list and add.

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { createTag, listTags } from "../../../store/tags.js";
import { presentTag } from "../../presenters.js";
import { callerWith, now } from "../common/access.js";
import { errorResponses, Page, SECURITY } from "../common/schema.js";
import { CreateTagBody, TagListQuery, TagSchema } from "./schema.js";

const tags = ["tags"];

/** Registers the tag routes. */
export const tagRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/tags",
    {
      schema: {
        tags,
        summary: "List the tag catalogue, by name",
        security: SECURITY,
        querystring: TagListQuery,
        response: { 200: Page(TagSchema), ...errorResponses },
      },
    },
    async (request) => {
      callerWith(request, "tags.read");
      const page = await listTags(request.server.database.db, request.query);
      return { items: page.items.map(presentTag), nextCursor: page.nextCursor };
    },
  );

  app.post(
    "/tags",
    { schema: { tags, summary: "Add a tag to the catalogue", security: SECURITY, body: CreateTagBody, response: { 201: TagSchema, ...errorResponses } } },
    async (request, reply) => {
      callerWith(request, "tags.write");
      const tag = await createTag(request.server.database.db, { name: request.body.name, color: request.body.color?.toLowerCase() ?? null, now: now(request) });
      reply.status(201);
      return presentTag(tag);
    },
  );
};
