// The hand-off notices loop: every minute, tells each person who came on call since the last
// round (src/commands/oncall/handoffNotices.ts). Runs in every process that runs the engine;
// two processes never tell one hand-off twice (each schedule is locked while it is told).

import { sendHandoffNotices, type HandoffNoticesRound } from "../commands/oncall/handoffNotices.js";
import { inWork } from "../commands/work.js";
import type { Clock } from "../core/clock.js";
import type { Database } from "../store/database.js";
import { everyRound } from "./workerLoop.js";

export interface OncallNoticesOptions {
  database: Database;
  clock: Clock;
  /** How often to look for hand-offs, in real milliseconds (default one minute). */
  everyMs?: number;
  /** Schedules told per transaction (default 50). */
  batch?: number;
  onError?: (error: Error) => void;
}

export interface OncallNotices {
  /** Runs one round now (after the one in flight, if any). */
  runOnce(): Promise<HandoffNoticesRound>;
  stop(): Promise<void>;
}

/** Starts the loop: a round at once, then one every `everyMs`. */
export function startOncallNotices(options: OncallNoticesOptions): OncallNotices {
  const everyMs = options.everyMs ?? 60_000;
  const batch = options.batch ?? 50;
  const onError = options.onError ?? ((error: Error) => process.stderr.write(`on-call notices: ${error.message}\n`));
  const round = async (): Promise<HandoffNoticesRound> => {
    const now = options.clock.now();
    const total: HandoffNoticesRound = { schedules: 0, notices: 0 };
    for (;;) {
      const told = await inWork(options.database.db, { now, actor: { type: "system" } }, (work) => sendHandoffNotices(work, { batch }));
      total.schedules += told.schedules;
      total.notices += told.notices;
      if (told.schedules < batch) return total;
    }
  };

  const { runOnce, stop } = everyRound(round, everyMs, onError);
  return { runOnce, stop };
}
