// Agent routes: list, create, read and conditional update; a role change is recorded as a
// security event in the same transaction.

import { eq } from "drizzle-orm";
import type { Db } from "../../../store/database.js";
import { type Agent, agentStore } from "../../../store/entities.js";
import { agents } from "../../../store/schema.js";
import { recordSecurityEvent } from "../../../store/securityEvents.js";
import { presentAgent } from "../../presenters.js";
import type { WriteContext } from "../common/entityRoutes.js";
import { entityRoutes } from "../common/entityRoutes.js";
import { AgentListQuery, AgentSchema, CreateAgentBody, UpdateAgentBody } from "./schema.js";

type AgentChanges = Parameters<typeof agentStore.update>[2];

/** Updates an agent; when the role changes, records `role_changed` with who changed it. */
export async function updateAgent(id: string, changes: AgentChanges, expected: number | undefined, { db, now, principal }: WriteContext): Promise<Agent> {
  return db.transaction(async (raw) => {
    const tx = raw as unknown as Db;
    // Locked, so that the recorded `from` is the role this update replaces.
    const [before] = changes.role === undefined ? [] : await tx.select({ role: agents.role }).from(agents).where(eq(agents.id, id)).for("update");
    const updated = await agentStore.update(tx, id, changes, now, expected);
    if (before && before.role !== updated.role) {
      await recordSecurityEvent(tx, { at: now, type: "role_changed", agentId: id, data: { from: before.role, to: updated.role, changedBy: principal.id } });
    }
    return updated;
  });
}

/** Registers the agent routes. */
export const agentRoutes = entityRoutes({
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
  create: (body, { db, now }) => agentStore.create(db, body, now),
  updateBody: UpdateAgentBody,
  update: updateAgent,
});
