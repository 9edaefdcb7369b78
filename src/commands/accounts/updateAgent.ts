// Updating an agent: the row changed (version checked) and, when the role changes, a
// `role_changed` security event naming who changed it, in the same unit of work.

import { eq } from "drizzle-orm";
import { type Agent, agentStore } from "../../store/entities.js";
import { agents } from "../../store/schema.js";
import { recordSecurityEvent } from "../../store/securityEvents.js";
import type { Work } from "../work.js";

export interface UpdateAgentProps {
  /** NotFoundError for an unknown agent (see agentStore.update for its other errors). */
  id: string;
  changes: Parameters<typeof agentStore.update>[2];
  /** When given, VersionConflictError unless the agent is at this version. */
  expectedVersion?: number | undefined;
}

/** Updates an agent; when the role changes, records `role_changed` with the work's actor as `changedBy`. */
export async function updateAgent(work: Work, props: UpdateAgentProps): Promise<Agent> {
  const { tx, now, actor } = work;
  const { id, changes } = props;
  // Locked, so that the recorded `from` is the role this update replaces.
  const [before] = changes.role === undefined ? [] : await tx.select({ role: agents.role }).from(agents).where(eq(agents.id, id)).for("update");
  const updated = await agentStore.update(tx, id, changes, now, props.expectedVersion);
  if (before && before.role !== updated.role) {
    await recordSecurityEvent(tx, { at: now, type: "role_changed", agentId: id, data: { from: before.role, to: updated.role, changedBy: actor.id } });
  }
  return updated;
}
