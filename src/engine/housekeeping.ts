// Scheduled clean-up: forgets what Palier keeps only for a while (idempotency keys and their
// answers after a day, expired sessions), so that these tables stay small. Runs in every
// process that runs the engine; two processes running it at once delete nothing twice.

import type { Clock } from "../core/clock.js";
import type { Database } from "../store/database.js";
import { purgeIdempotencyKeys } from "../store/idempotency.js";
import { purgeExpiredSessions } from "../store/sessions.js";
import { everyRound } from "./workerLoop.js";

/** How long an Idempotency-Key and its stored answer are kept: a retry comes within a day. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60_000;

export interface HousekeepingOptions {
  database: Database;
  clock: Clock;
  /** How often to clean up, in real milliseconds (default 10 minutes). */
  everyMs?: number;
  onError?: (error: Error) => void;
}

/** What one round removed. */
export interface HousekeepingRound {
  idempotencyKeys: number;
  sessions: number;
}

export interface Housekeeping {
  /** Runs one round now (after the one in flight, if any). */
  runOnce(): Promise<HousekeepingRound>;
  stop(): Promise<void>;
}

/** Starts the clean-up loop: a round at once, then one every `everyMs`. */
export function startHousekeeping(options: HousekeepingOptions): Housekeeping {
  const everyMs = options.everyMs ?? 10 * 60_000;
  const onError = options.onError ?? ((error: Error) => process.stderr.write(`housekeeping: ${error.message}\n`));

  const round = async (): Promise<HousekeepingRound> => {
    const now = options.clock.now();
    const db = options.database.db;
    return {
      idempotencyKeys: await purgeIdempotencyKeys(db, new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS)),
      sessions: await purgeExpiredSessions(db, now),
    };
  };

  const { runOnce, stop } = everyRound(round, everyMs, onError);
  return { runOnce, stop };
}
