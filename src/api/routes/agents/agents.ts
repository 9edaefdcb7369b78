// Agent routes: list, create, read and conditional update (through the updateAgent command,
// which records a role change as a security event in the same transaction), and a generated
// one-time password (password.ts).

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { inWork } from "../../../commands/work.js";
import { updateAgent } from "../../../commands/accounts/updateAgent.js";
import { checkOutOfOffice } from "../../../core/routing/availability.js";
import { credentialsChanged } from "../notifications/notificationHub.js";
import { agentStore } from "../../../store/entities.js";
import { presentAgent } from "../../presenters.js";
import { actorOf } from "../common/access.js";
import { entityRoutes } from "../common/entityRoutes.js";
import { agentPasswordRoutes } from "./password.js";
import { AgentListQuery, AgentSchema, CreateAgentBody, UpdateAgentBody } from "./schema.js";

const agentEntity = entityRoutes({
  path: "/agents",
  tag: "agents",
  noun: "agent",
  store: agentStore,
  read: "agents.read",
  write: "agents.write",
  schema: AgentSchema,
  present: presentAgent,
  listQuery: AgentListQuery,
  filters: (query) => ({ teamId: query.team?.toLowerCase(), role: query.role, active: query.active }),
  createBody: CreateAgentBody,
  create: (body, { db, now }) => {
    const values = withOutOfOfficeDates(body);
    checkOutOfOffice(values.outOfOfficeFrom, values.outOfOfficeUntil);
    return agentStore.create(db, values, now);
  },
  updateBody: UpdateAgentBody,
  update: async (id, changes, expectedVersion, { db, now, principal }) => {
    const agent = await inWork(db, { now, actor: actorOf(principal) }, (work) =>
      updateAgent(work, { id, changes: withOutOfOfficeDates(changes), expectedVersion }),
    );
    // A deactivated agent's sessions ended with the update: their live streams end too.
    if (!agent.active) credentialsChanged();
    return agent;
  },
});

/** The body with its out-of-office instants as dates (null and absent kept). */
function withOutOfOfficeDates<B extends { outOfOfficeFrom?: string | null; outOfOfficeUntil?: string | null }>(
  body: B,
): Omit<B, "outOfOfficeFrom" | "outOfOfficeUntil"> & { outOfOfficeFrom?: Date | null; outOfOfficeUntil?: Date | null } {
  const { outOfOfficeFrom, outOfOfficeUntil, ...rest } = body;
  const date = (value: string | null) => (value === null ? null : new Date(value));
  return {
    ...rest,
    ...(outOfOfficeFrom !== undefined ? { outOfOfficeFrom: date(outOfOfficeFrom) } : {}),
    ...(outOfOfficeUntil !== undefined ? { outOfOfficeUntil: date(outOfOfficeUntil) } : {}),
  };
}

/** Registers the agent routes. */
export const agentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(agentEntity);
  await app.register(agentPasswordRoutes);
};
