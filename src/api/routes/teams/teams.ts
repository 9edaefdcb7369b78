// Team routes: list, create, read and conditional update.

import { teamStore } from "../../../store/entities.js";
import { presentTeam } from "../../presenters.js";
import { entityRoutes } from "../common/entityRoutes.js";
import { CreateTeamBody, TeamListQuery, TeamSchema, UpdateTeamBody } from "./schema.js";

/** Registers the team routes. */
export const teamRoutes = entityRoutes({
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
