// Updating an agent: the row changed (version checked); when the role changes, a
// `role_changed` security event naming who changed it; when the agent is deactivated, every
// session of theirs ends, so that reactivating them brings none back; when they may have become
// available (back from out of office, more capacity), their team's queue drains. One unit of work.

import { checkOutOfOffice } from "../../core/routing/availability.js";
import { lockAgentRole } from "../../store/accounts.js";
import { type Agent, agentStore } from "../../store/entities.js";
import { recordSecurityEvent } from "../../store/securityEvents.js";
import { endSessionsOf } from "../../store/sessions.js";
import type { Work } from "../work.js";
import { drainQueues } from "../routing/drainQueues.js";

/** The fields whose change may make an agent available to their team's queue. */
const ROUTING_FIELDS = ["active", "capacity", "teamId", "calendarId", "outOfOfficeFrom", "outOfOfficeUntil"] as const;
/** How many waiting tickets an agent's change lets through at once; the queue loop takes the rest. */
const DRAIN_ON_AGENT_CHANGE = 20;

export interface UpdateAgentProps {
  /** NotFoundError for an unknown agent (see agentStore.update for its other errors). */
  id: string;
  changes: Parameters<typeof agentStore.update>[2];
  /** When given, VersionConflictError unless the agent is at this version. */
  expectedVersion?: number | undefined;
}

/**
 * Updates an agent; when the role changes, records `role_changed` with the work's actor as
 * `changedBy`; when `active` is false after it, ends the agent's sessions (recorded as
 * `sessions_ended` when there were any).
 */
export async function updateAgent(work: Work, props: UpdateAgentProps): Promise<Agent> {
  const { tx, now, actor } = work;
  const { id, changes } = props;
  // Locked, so that the recorded `from` is the role this update replaces.
  const before = changes.role === undefined ? undefined : await lockAgentRole(tx, id);
  const updated = await agentStore.update(tx, id, changes, now, props.expectedVersion);
  checkOutOfOffice(updated.outOfOfficeFrom, updated.outOfOfficeUntil);
  if (before !== undefined && before !== updated.role) {
    await recordSecurityEvent(tx, { at: now, type: "role_changed", agentId: id, data: { from: before, to: updated.role, changedBy: actor.id } });
  }
  // Back from out of office, more capacity, active again or another team: waiting tickets may go to them now.
  if (updated.teamId !== null && ROUTING_FIELDS.some((field) => changes[field] !== undefined)) {
    await drainQueues(work, { teamId: updated.teamId, limit: DRAIN_ON_AGENT_CHANGE });
  }
  if (!updated.active) {
    const ended = await endSessionsOf(tx, { agentId: id });
    if (ended > 0)
      await recordSecurityEvent(tx, { at: now, type: "sessions_ended", agentId: id, data: { sessions: ended, why: "deactivated", changedBy: actor.id } });
  }
  return updated;
}
