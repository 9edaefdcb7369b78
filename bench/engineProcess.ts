// One process of the engine benchmark (bench/engine.ts forks it), each with its own pool on
// BENCH_DATABASE_URL: `timers` runs Palier's timer worker on the system clock; `ceiling` runs
// the bare claim-and-mark SQL loop from a given instant until nothing is due; `recompute`
// runs the recompute worker (startRecomputeWorker) until no job is left; `api` serves the HTTP API on a free port. Every mode reports its
// RSS every second over IPC; "stop" ends it.

import pg from "pg";
import type * as AppModule from "../src/api/app.js";
import type * as RecomputeWorkerModule from "../src/engine/recompute/recomputeWorker.js";
import type * as TimerWorkerModule from "../src/engine/timers/timerWorker.js";
import type * as DatabaseModule from "../src/store/database.js";

export type ProcessMode = "timers" | "ceiling" | "recompute" | "api";

/** What a process tells the benchmark. */
export type ProcessMessage =
  | { type: "ready"; port?: number }
  | { type: "rss"; rss: number; heap: number }
  /** ceiling: timers marked; recompute: jobs finished. */
  | { type: "done"; count: number; seconds: number }
  | { type: "error"; message: string };

const dist = (path: string) => new URL(`../dist/${path}`, import.meta.url).href;
const mode = process.argv[2] as ProcessMode;
const url = process.env.BENCH_DATABASE_URL as string;
const send = (message: ProcessMessage) => process.send?.(message);
/** Rows claimed per transaction, for the engine and the ceiling alike. */
const BATCH = 500;

const sample = () => {
  const { rss, heapUsed } = process.memoryUsage();
  send({ type: "rss", rss, heap: heapUsed });
};
const sampler = setInterval(sample, 1000);
sample();
let stop: () => Promise<void> = async () => undefined;
let halt: () => void = () => undefined;
process.on("message", (message: unknown) => {
  const m = message as { type: string; at?: number };
  if (m.type === "stop") {
    void stop().then(() => {
      clearInterval(sampler);
      process.exit(0);
    });
  }
  if (m.type === "halt") halt();
  if (m.type === "burst" && mode === "ceiling") void ceiling(m.at as number);
});

try {
  if (mode === "timers") {
    const { openDatabase } = (await import(dist("store/database.js"))) as typeof DatabaseModule;
    const { startTimerWorker } = (await import(dist("engine/timers/timerWorker.js"))) as typeof TimerWorkerModule;
    const database = await openDatabase({ url, poolSize: 4 });
    const worker = startTimerWorker({
      database,
      clock: { now: () => new Date() },
      batchSize: BATCH,
      onError: (error) => send({ type: "error", message: error.message }),
    });
    stop = async () => {
      await worker.stop();
      await database.close();
    };
    send({ type: "ready" });
  } else if (mode === "api") {
    const { openDatabase } = (await import(dist("store/database.js"))) as typeof DatabaseModule;
    const { buildApp } = (await import(dist("api/app.js"))) as typeof AppModule;
    const database = await openDatabase({ url, poolSize: 10 });
    const app = await buildApp({ database, clock: { now: () => new Date() } });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const address = app.server.address();
    stop = async () => {
      await app.close();
      await database.close();
    };
    send({ type: "ready", port: typeof address === "object" && address ? address.port : 0 });
  } else if (mode === "recompute") {
    const { openDatabase } = (await import(dist("store/database.js"))) as typeof DatabaseModule;
    const { startRecomputeWorker } = (await import(dist("engine/recompute/recomputeWorker.js"))) as typeof RecomputeWorkerModule;
    const database = await openDatabase({ url, poolSize: 4 });
    const batchSize = process.env.BENCH_RECOMPUTE_BATCH ? Number(process.env.BENCH_RECOMPUTE_BATCH) : undefined;
    const worker = startRecomputeWorker({
      database,
      clock: { now: () => new Date() },
      pollMs: 600_000,
      ...(batchSize ? { batchSize } : {}),
      onError: (error) => send({ type: "error", message: error.message }),
    });
    // "halt" (BENCH_RECOMPUTE_SECONDS) stops mid-job after the batch in flight; the job stays resumable.
    halt = () => void worker.stop();
    send({ type: "ready" });
    const start = performance.now();
    const finished = await worker.runOnce();
    const seconds = (performance.now() - start) / 1000;
    await worker.stop();
    await database.close();
    send({ type: "done", count: finished.length, seconds });
  } else if (mode === "ceiling") {
    send({ type: "ready" });
  } else {
    throw new Error(`unknown mode ${String(mode)}`);
  }
} catch (error) {
  send({ type: "error", message: (error as Error).stack ?? String(error) });
  process.exit(1);
}

/**
 * The ceiling: from `at` (ms since the epoch), claim and mark up to BATCH due timers per
 * statement, the engine's claim without its reads and writes, until a claim finds nothing.
 */
async function ceiling(at: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
  const start = performance.now();
  let count = 0;
  for (;;) {
    const now = new Date();
    const result = await client.query(
      `update timers set state = 'fired', fired_at = $1, lag_ms = greatest(0, (extract(epoch from ($1::timestamptz - due_at)) * 1000)::int), updated_at = $1
       where id in (select id from timers where state = 'pending' and due_at <= $1 order by due_at, id limit ${BATCH} for update skip locked)`,
      [now],
    );
    if (!result.rowCount) break;
    count += result.rowCount;
  }
  await client.end();
  send({ type: "done", count, seconds: (performance.now() - start) / 1000 });
}
