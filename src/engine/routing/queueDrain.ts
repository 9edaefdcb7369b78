// The queue drain loop: hands the tickets waiting in teams' queues to agents who have become
// available since (back from out of office, their working hours begun). A solve or an agent's
// edit drains their team at once in its own unit of work; this loop catches what time alone
// changes. Runs in every process that runs the engine: tickets another process holds are skipped.

import type { Clock } from "../../core/clock.js";
import { drainQueues } from "../../commands/routing/drainQueues.js";
import { SYSTEM } from "../../commands/sla/syncClocks.js";
import { inWork } from "../../commands/work.js";
import type { Database } from "../../store/database.js";
import { everyRound } from "../workerLoop.js";

export interface QueueDrainOptions {
  database: Database;
  clock: Clock;
  /** How often to drain, in real milliseconds (default one minute: an agent's hours begin on the minute). */
  everyMs?: number;
  onError?: (error: Error) => void;
}

export interface QueueDrain {
  /** Drains every team's queue now (after the round in flight, if any); resolves to how many tickets found an agent. */
  runOnce(): Promise<number>;
  /** Asks for a round as soon as possible (something changed that may free an agent). */
  wake(): void;
  stop(): Promise<void>;
}

/** Starts the drain loop: a round at once, then one every `everyMs`, and one whenever a manual clock moves. */
export function startQueueDrain(options: QueueDrainOptions): QueueDrain {
  const everyMs = options.everyMs ?? 60_000;
  const onError = options.onError ?? ((error: Error) => process.stderr.write(`queue drain: ${error.message}\n`));
  const round = () => inWork(options.database.db, { now: options.clock.now(), actor: SYSTEM }, (work) => drainQueues(work));
  const rounds = everyRound(round, everyMs, onError);
  const unsubscribe = options.clock.onChange?.(() => rounds.wake());
  return {
    ...rounds,
    stop: async () => {
      unsubscribe?.();
      await rounds.stop();
    },
  };
}
