// The escalate-and-forget loop: every few minutes, the owners of escalations left without
// activity for the workspace's business hours are reminded (src/commands/handoff/remindIdle.ts).
// Two processes running it at once remind nobody twice: each escalation is locked and re-read.

import { remindIdleEscalations } from "../commands/handoff/remindIdle.js";
import { inWork } from "../commands/work.js";
import type { Clock } from "../core/clock.js";
import { SYSTEM_ACTOR } from "../core/events/actor.js";
import type { Database } from "../store/database.js";
import { everyRound } from "./workerLoop.js";

export interface HandoffRemindersOptions {
  database: Database;
  clock: Clock;
  /** How often to look, in real milliseconds (default 5 minutes). */
  everyMs?: number;
  onError?: (error: Error) => void;
}

export interface HandoffReminders {
  /** Runs one round now (after the one in flight, if any); resolves to how many owners were reminded. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts the reminder loop: a round at once, then one every `everyMs`. */
export function startHandoffReminders(options: HandoffRemindersOptions): HandoffReminders {
  const everyMs = options.everyMs ?? 5 * 60_000;
  const onError = options.onError ?? ((error: Error) => process.stderr.write(`escalation reminders: ${error.message}\n`));
  const round = () => inWork(options.database.db, { now: options.clock.now(), actor: SYSTEM_ACTOR }, remindIdleEscalations);
  const { runOnce, stop } = everyRound(round, everyMs, onError);
  return { runOnce, stop };
}
