// The recompute worker: after an SLA policy or calendar edit, brings every open ticket's clocks
// and timers in line with the policies as they now are, in the background. A job runs in
// batches, each one transaction that recomputes its tickets in bulk (those the bulk leaves one by
// one, each in a savepoint) and moves the job's cursor, with a yield between batches so that the
// API keeps answering. A job whose worker died resumes at its cursor once its lease runs out; a
// newer job supersedes the one running.

import { setImmediate as nextTurn } from "node:timers/promises";
import { recomputeTicket, recomputeTickets } from "../../commands/sla/recompute.js";
import { SYSTEM } from "../../commands/sla/syncClocks.js";
import { inSavepoint, inWork } from "../../commands/work.js";
import type { Clock } from "../../core/clock.js";
import type { Database } from "../../store/database.js";
import { claimJob, completeJob, failJob, type Job, lockRunningJob, openTicketsAfter, recordBatch } from "../../store/jobs.js";
import { sleeper, turns } from "../workerLoop.js";

export interface RecomputeWorkerOptions {
  database: Database;
  clock: Clock;
  /** Tickets per transaction (default 500 on PostgreSQL; 100 on PGlite, whose one connection the API shares). */
  batchSize?: number;
  /** How often to look for a queued job, in real milliseconds (default 1000). */
  pollMs?: number;
  /** How long a claimed job stays this worker's without a batch (default 60 s of the clock). */
  leaseMs?: number;
  /** Where errors go (default: standard error). */
  onError?: (error: Error) => void;
  /** Called after each batch commits, with the job's id and the tickets done so far (tests look at the API mid-job). */
  afterBatch?: (progress: { jobId: string; done: number }) => Promise<void>;
}

export interface RecomputeWorker {
  /** Stops after the batch in flight; a job left unfinished resumes later at its cursor. */
  stop(): Promise<void>;
  /** Runs every job there is to run now, to its end; returns their ids. */
  runOnce(): Promise<string[]>;
}

/** The most ticket errors a job lists in its `error` note. */
const NOTED_ERRORS = 5;

/** Starts a worker: it looks for a job at once, then every `pollMs`, until `stop()`. */
export function startRecomputeWorker(options: RecomputeWorkerOptions): RecomputeWorker {
  const { database, clock } = options;
  const batchSize = options.batchSize ?? (database.kind === "pglite" ? 100 : 500);
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 60_000;
  const onError = options.onError ?? ((error: Error) => process.stderr.write(`palier recompute: ${error.message}\n`));
  let stopped = false;
  const { sleep, wake } = sleeper();

  // One job at a time per worker: the loop and explicit runOnce() calls take turns.
  const turn = turns();

  /** Runs one claimed job batch by batch; returns false when it stopped before the end. */
  const runJob = async (job: Job): Promise<boolean> => {
    const failures: string[] = [];
    let failed = 0;
    for (;;) {
      if (stopped) return false;
      const now = clock.now();
      // One unit of work for the batch: its savepoints share its cache, so that they read the
      // policies and calendars once between them.
      const batch = await inWork(database.db, { now, actor: SYSTEM }, async (work) => {
        const { tx } = work;
        const running = await lockRunningJob(tx, job.id, now);
        if (!running) return undefined;
        const numbers = await openTicketsAfter(tx, running.cursor, batchSize);
        // The batch in a few statements; the tickets it leaves (held by a user's transaction,
        // or failing) are retried one by one below, waiting for their lock, before the cursor
        // passes them. Should the bulk write fail, its savepoint rolls back and every ticket of
        // the batch goes one by one: the failing one is reported as it always was.
        let alone: readonly number[] = numbers;
        try {
          alone = (await inSavepoint(work, (inner) => recomputeTickets(inner, { numbers }))).left;
        } catch (error) {
          work.clocks.tickets.clear();
          // The cause, not the failed statement with its batch-long parameters.
          const reason = ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message;
          onError(new Error(`the batch after #${running.cursor} is recomputed ticket by ticket: ${reason}`));
        }
        for (const number of alone) {
          try {
            // A savepoint per ticket: one that cannot be recomputed does not hold up the others.
            await inSavepoint(work, (inner) => recomputeTicket(inner, { number }));
          } catch (error) {
            failed++;
            if (failures.length < NOTED_ERRORS) failures.push(`#${number}: ${(error as Error).message}`);
            onError(new Error(`ticket #${number} was not recomputed: ${(error as Error).message}`));
          }
        }
        const last = numbers.at(-1);
        if (last !== undefined) await recordBatch(tx, job.id, { cursor: last, count: numbers.length, leaseUntil: new Date(now.getTime() + leaseMs) });
        return { count: numbers.length, done: running.done + numbers.length };
      });
      if (batch === undefined) return true; // superseded by a newer job, or finished elsewhere
      if (batch.count < batchSize) {
        const note = failed === 0 ? null : `${failed} ticket(s) could not be recomputed: ${failures.join("; ")}`;
        await completeJob(database.db, job.id, clock.now(), note);
        return true;
      }
      await options.afterBatch?.({ jobId: job.id, done: batch.done });
      // Let the requests that waited for the database go first.
      await nextTurn();
    }
  };

  const drain = async (): Promise<string[]> => {
    const finished: string[] = [];
    while (!stopped) {
      const job = await claimJob(database.db, "recompute", clock.now(), leaseMs);
      if (!job) break;
      try {
        if (await runJob(job)) finished.push(job.id);
      } catch (error) {
        onError(error as Error);
        await failJob(database.db, job.id, clock.now(), (error as Error).message).catch((e: Error) => onError(e));
      }
    }
    return finished;
  };

  const loop = async () => {
    while (!stopped) {
      try {
        await turn.run(drain);
      } catch (error) {
        if (!stopped) onError(error as Error);
      }
      await sleep(pollMs);
    }
  };
  const running = loop();

  return {
    runOnce: () => turn.run(drain),
    stop: async () => {
      stopped = true;
      wake();
      await running;
      await turn.idle();
    },
  };
}
