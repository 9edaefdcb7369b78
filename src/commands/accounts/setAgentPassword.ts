// An admin gives an agent a new password (generated, shown once by the caller): the hash
// replaced, every session of the agent's ended, both recorded as security events naming who did
// it. One unit of work; the slow hashing happens before it.

import { NotFoundError } from "../../store/errors.js";
import { replaceAgentPasswordHash } from "../../store/accounts.js";
import { recordSecurityEvent } from "../../store/securityEvents.js";
import { endSessionsOf } from "../../store/sessions.js";
import type { Work } from "../work.js";

export interface SetAgentPasswordProps {
  /** NotFoundError for an unknown agent. */
  id: string;
  /** The new password's hash (`hashPassword`), computed outside the transaction. */
  passwordHash: string;
}

/**
 * Replaces the agent's password: records `password_set` with the work's actor as `changedBy`,
 * and `sessions_ended` (why `password_set`) when the agent had sessions.
 */
export async function setAgentPassword(work: Work, { id, passwordHash }: SetAgentPasswordProps): Promise<void> {
  const { tx, now, actor } = work;
  if (!(await replaceAgentPasswordHash(tx, id, passwordHash))) throw new NotFoundError("agent", id);
  await recordSecurityEvent(tx, { at: now, type: "password_set", agentId: id, data: { changedBy: actor.id } });
  const ended = await endSessionsOf(tx, { agentId: id });
  if (ended > 0)
    await recordSecurityEvent(tx, { at: now, type: "sessions_ended", agentId: id, data: { sessions: ended, why: "password_set", changedBy: actor.id } });
}
