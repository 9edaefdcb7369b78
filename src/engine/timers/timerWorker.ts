// The timer worker: fires due matrix steps and time rules in batches, then sleeps until the
// earliest pending timer of either kind (capped by `pollMs`), waking early on NOTIFY palier_timers and, with a manual clock,
// whenever the clock moves. Any number of workers may share one PostgreSQL; PGlite runs one.

import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { Clock } from "../../core/clock.js";
import type { Actor } from "../../core/events/actor.js";
import { type BatchResult, fireDueSteps } from "../../commands/escalation/fireDueSteps.js";
import { fireDueRuleTimers } from "../../commands/rules/fireRuleTimers.js";
import { inWork } from "../../commands/work.js";
import type { Database } from "../../store/database.js";
import { nextRuleDueAt } from "../../store/ruleTimers.js";
import { nextDueAt } from "../../store/timers/timerRows.js";
import { TIMERS_CHANNEL } from "../../store/sla/clockRows.js";
import { listen, type Subscription } from "../../store/listen.js";
import { sleeper, turns } from "../workerLoop.js";

export interface TimerWorkerOptions {
  database: Database;
  clock: Clock;
  /** Timers claimed per transaction (default 500). */
  batchSize?: number;
  /** Longest sleep between checks, in real milliseconds (default 5000): the fallback when a notification is lost. */
  pollMs?: number;
  /** Recorded in the events it writes (default host:pid:random). */
  workerId?: string;
  /** Where errors go (default: standard error); the worker retries after `pollMs`. */
  onError?: (error: Error) => void;
  /** Called before each batch commits (tests hang or crash there). */
  beforeCommit?: (result: BatchResult) => Promise<void>;
}

export interface TimerWorker {
  readonly workerId: string;
  /** Stops the loop after the batch in flight and closes the listener. */
  stop(): Promise<void>;
  /** Fires every step due now, batch after batch; returns how many fired. */
  runOnce(): Promise<number>;
}

/** The steps fire as the system. */
const SYSTEM: Actor = { type: "system" };

/** When due timers remain that another transaction holds, look again this soon. */
const BUSY_RETRY_MS = 25;

/** Starts a worker: it checks at once, then keeps firing until `stop()`. */
export function startTimerWorker(options: TimerWorkerOptions): TimerWorker {
  const { database, clock } = options;
  const batchSize = options.batchSize ?? 500;
  const pollMs = options.pollMs ?? 5000;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const onError = options.onError ?? ((error: Error) => process.stderr.write(`palier timers: ${error.message}\n`));
  let stopped = false;
  let wakeup: Subscription | undefined;
  const { sleep, wake, reset } = sleeper();
  const unsubscribe = clock.onChange?.(() => wake());

  // One batch at a time per worker: the loop and explicit runOnce() calls take turns.
  const turn = turns();

  /** Batches until nothing due is left that this worker can take; returns fired and whether some stayed busy. */
  const drain = async (): Promise<{ fired: number; busy: boolean }> => {
    let fired = 0;
    for (;;) {
      const batch = await inWork(database.db, { now: clock.now(), actor: SYSTEM }, (work) =>
        fireDueSteps(work, { batchSize, workerId, ...(options.beforeCommit ? { beforeCommit: options.beforeCommit } : {}) }),
      );
      // Time rules due now, in a unit of work of their own (a rule's failure does not hold back the steps).
      const rules = await inWork(database.db, { now: clock.now(), actor: SYSTEM }, (work) => fireDueRuleTimers(work, { batchSize }));
      fired += batch.fired + rules.fired;
      const progressed = batch.fired + batch.cancelled + rules.fired + rules.cancelled > 0;
      const more = batch.claimed >= batchSize || rules.claimed >= batchSize;
      if (stopped || !progressed || !more) return { fired, busy: batch.deferred + rules.deferred > 0 };
    }
  };

  /** How long to sleep: until the earliest pending timer, capped by pollMs; with a jumping clock, until it moves. */
  const nextSleep = async (busy: boolean): Promise<number> => {
    if (busy) return BUSY_RETRY_MS;
    const [steps, rules] = [await nextDueAt(database.db), await nextRuleDueAt(database.db)];
    const next = steps && rules ? (steps < rules ? steps : rules) : (steps ?? rules);
    if (!next) return pollMs;
    const wait = next.getTime() - clock.now().getTime();
    if (wait <= 0) return BUSY_RETRY_MS;
    return clock.onChange ? pollMs : Math.min(wait, pollMs);
  };

  const loop = async () => {
    try {
      // Notifications sent while the connection was down are lost: look for due timers on reconnecting.
      const notices = (error: Error) => onError(new Error(`timer notifications: ${error.message}`));
      wakeup = await listen(database, TIMERS_CHANNEL, () => wake(), { onReconnect: wake, onError: notices });
    } catch (error) {
      onError(new Error(`timer notifications: cannot listen: ${(error as Error).message}`));
    }
    while (!stopped) {
      reset();
      let wait = pollMs;
      try {
        const { busy } = await turn.run(drain);
        if (stopped) break;
        wait = await nextSleep(busy);
      } catch (error) {
        if (stopped) break;
        onError(error as Error);
      }
      await sleep(wait);
    }
  };
  const running = loop();

  return {
    workerId,
    runOnce: () => turn.run(async () => (await drain()).fired),
    stop: async () => {
      stopped = true;
      wake();
      unsubscribe?.();
      await running;
      await turn.idle();
      await wakeup?.close();
    },
  };
}
