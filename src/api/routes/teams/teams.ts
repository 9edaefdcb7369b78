// Team routes: list, create, read and conditional update, and the team's queue (the tickets
// waiting for an agent available, oldest first).

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { teamStore } from "../../../store/entities.js";
import { teamQueue } from "../../../store/routing.js";
import { notFound } from "../../errors.js";
import { presentTeam } from "../../presenters.js";
import { callerWith } from "../common/access.js";
import { entityRoutes } from "../common/entityRoutes.js";
import { errorResponses, IdParams, SECURITY } from "../common/schema.js";
import { CreateTeamBody, TeamListQuery, TeamQueue, TeamQueueQuery, TeamSchema, UpdateTeamBody } from "./schema.js";

const teamEntity = entityRoutes({
  path: "/teams",
  tag: "teams",
  noun: "team",
  store: teamStore,
  read: "teams.read",
  write: "teams.write",
  schema: TeamSchema,
  present: presentTeam,
  listQuery: TeamListQuery,
  filters: () => ({}),
  createBody: CreateTeamBody,
  create: (body, { db, now }) => teamStore.create(db, body, now),
  updateBody: UpdateTeamBody,
  update: (id, changes, expected, { db, now }) => teamStore.update(db, id, changes, now, expected),
});

const queueRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/teams/:id/queue",
    {
      schema: {
        tags: ["teams"],
        summary: "The tickets waiting in the team's queue for an agent available, oldest first",
        security: SECURITY,
        params: IdParams,
        querystring: TeamQueueQuery,
        response: { 200: TeamQueue, ...errorResponses },
      },
    },
    async (request) => {
      callerWith(request, "teams.read");
      const db = request.server.database.db;
      if (!(await teamStore.get(db, request.params.id))) throw notFound(`team ${request.params.id}`);
      const items = await teamQueue(db, request.params.id, request.query.limit ?? 100);
      return { items: items.map((t) => ({ ...t, queuedAt: t.queuedAt.toISOString(), createdAt: t.createdAt.toISOString() })) };
    },
  );
};

/** Registers the team routes. */
export const teamRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(teamEntity);
  await app.register(queueRoute);
};
