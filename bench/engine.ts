// Timer engine benchmark on PostgreSQL, over a database of its own (created, then dropped):
// open tickets with clocks and pending timers filled in bulk SQL; a burst of timers due in the
// same second fired by 1 and 2 worker processes, beside the ceiling of a bare claim-and-mark SQL
// loop on as many processes; a steady flow of timers spread over time (lag from due to fired);
// the worker's RSS over the run; and a policy edit recomputing every open ticket, with the API's
// p99 on the ticket list while it runs against the same p99 without it.
// `--smoke` (or BENCH_SIZE=smoke): CI size. PostgreSQL from BENCH_DATABASE_URL (or TEST_DATABASE_URL).
// BENCH_TICKETS, BENCH_BURST: other sizes. BENCH_RECOMPUTE_SECONDS: stop the recompute after that
// long and extrapolate its total (default 180, smoke 2; 0: run it to the end); BENCH_RECOMPUTE_BATCH:
// tickets per recompute transaction (default: the worker's; smoke 50, so that the cap stops it soon). BENCH_KEEP=1 keeps
// the database. BENCH_PROFILE=1: the processes write V8 CPU profiles to $TMPDIR/palier-profiles.

import { fork } from "node:child_process";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type * as AccountsModule from "../src/store/accounts.js";
import type * as PolicyCommandsModule from "../src/commands/sla/policies.js";
import type * as WorkModule from "../src/commands/work.js";
import type * as PolicyRowsModule from "../src/store/sla/policyRows.js";
import type * as DatabaseModule from "../src/store/database.js";
import { fillTickets, MATRIX, seedWorkspace, TARGETS } from "./engineFill.js";
import type { ProcessMessage, ProcessMode } from "./engineProcess.js";

const SMOKE = process.argv.includes("--smoke") || process.env.BENCH_SIZE === "smoke";
const number = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const SIZE = SMOKE
  ? { tickets: 2_000, burst: 1_000, steadyRate: 300, steadySeconds: 3, leadMs: 1_000, baselineSeconds: 2 }
  : { tickets: 1_000_000, burst: 100_000, steadyRate: 1_000, steadySeconds: 30, leadMs: 3_000, baselineSeconds: 30 };
SIZE.tickets = number("BENCH_TICKETS", SIZE.tickets);
SIZE.burst = Math.min(number("BENCH_BURST", SIZE.burst), SIZE.tickets);
const RECOMPUTE_SECONDS = number("BENCH_RECOMPUTE_SECONDS", SMOKE ? 2 : 180);
/** API load during the recompute and its baseline: this many clients, each at most one request per interval. */
const API_CLIENTS = 4;
const API_INTERVAL_MS = 500;
const POLL_MS = 100;
const PROFILE = process.env.BENCH_PROFILE === "1" ? ["--cpu-prof", `--cpu-prof-dir=${join(tmpdir(), "palier-profiles")}`] : [];

const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const dist = (path: string) => new URL(`../dist/${path}`, import.meta.url).href;
const { openDatabase } = (await import(dist("store/database.js"))) as typeof DatabaseModule;
const { createApiToken } = (await import(dist("store/accounts.js"))) as typeof AccountsModule;
const { updatePolicy } = (await import(dist("commands/sla/policies.js"))) as typeof PolicyCommandsModule;
const { inWork } = (await import(dist("commands/work.js"))) as typeof WorkModule;
const { getPolicyRow } = (await import(dist("store/sla/policyRows.js"))) as typeof PolicyRowsModule;

const log = (line: string) => console.log(line);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fmt = (n: number, digits = 0) => n.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mib = (bytes: number) => `${fmt(bytes / 2 ** 20)} MiB`;

// --- The database of the run ------------------------------------------------------------------------------
const name = `palier_bench_engine_${process.pid}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const benchUrl = url.toString();
async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

// --- Child processes ----------------------------------------------------------------------------------------
interface Child {
  mode: ProcessMode;
  ready: Promise<{ port?: number }>;
  done: Promise<{ count: number; seconds: number }>;
  rss: number[];
  /** V8 heap in use at each sample, beside the RSS. */
  heap: number[];
  send(message: unknown): void;
  stop(): Promise<void>;
}
const errors: string[] = [];

function spawn(mode: ProcessMode): Child {
  const env = { ...process.env, BENCH_DATABASE_URL: benchUrl, ...(SMOKE && !process.env.BENCH_RECOMPUTE_BATCH ? { BENCH_RECOMPUTE_BATCH: "50" } : {}) };
  const child = fork(new URL("./engineProcess.ts", import.meta.url), [mode], { env, execArgv: ["--import", "tsx", ...PROFILE] });
  const rss: number[] = [];
  const heap: number[] = [];
  let resolveReady: (value: { port?: number }) => void = () => undefined;
  let resolveDone: (value: { count: number; seconds: number }) => void = () => undefined;
  let rejectAll: (error: Error) => void = () => undefined;
  const ready = new Promise<{ port?: number }>((resolve, reject) => {
    resolveReady = resolve;
    rejectAll = reject;
  });
  const done = new Promise<{ count: number; seconds: number }>((resolve, reject) => {
    resolveDone = resolve;
    const previous = rejectAll;
    rejectAll = (error) => {
      previous(error);
      reject(error);
    };
  });
  done.catch(() => undefined);
  let exited = false;
  child.on("message", (raw) => {
    const message = raw as ProcessMessage;
    if (message.type === "rss") {
      rss.push(message.rss);
      heap.push(message.heap);
    }
    if (message.type === "ready") resolveReady(message.port === undefined ? {} : { port: message.port });
    if (message.type === "done") resolveDone(message);
    if (message.type === "error") errors.push(`${mode}: ${message.message}`);
  });
  child.on("exit", (code) => {
    exited = true;
    if (code !== 0) rejectAll(new Error(`the ${mode} process exited with ${code}: ${errors.join("; ")}`));
    else rejectAll(new Error(`the ${mode} process exited early`));
  });
  return {
    mode,
    ready,
    done,
    rss,
    heap,
    send: (message) => child.send(message as object),
    stop: () =>
      new Promise((resolve) => {
        if (exited) return resolve();
        child.once("exit", () => resolve());
        child.send({ type: "stop" });
      }),
  };
}

function rssSummary(child: Child): string {
  const span = (values: number[]) => `start ${mib(values[0] as number)}, max ${mib(Math.max(...values))}, end ${mib(values[values.length - 1] as number)}`;
  if (child.rss.length === 0) return "no samples";
  return `${span(child.rss)} (${child.rss.length} samples, one a second); V8 heap used ${span(child.heap)}`;
}

// --- Phases ---------------------------------------------------------------------------------------------------
const client = new pg.Client({ connectionString: benchUrl });
const rows = async <T>(text: string, values: unknown[] = []) => (await client.query(text, values)).rows as T[];
const one = async <T>(text: string, values: unknown[] = []) => (await rows<T>(text, values))[0] as T;

let firstTicket = 0;
let phaseIndex = 0;
/**
 * Picks `count` timers for a phase, one per ticket on `target`'s clock at `step`: tickets of their
 * own when the table holds enough for every phase, else the first ones (smoke size).
 */
async function pickTimers(phase: string, target: string, step: string, count: number): Promise<void> {
  const first = firstTicket + (SIZE.tickets >= SIZE.burst * 4 + SIZE.steadyRate * SIZE.steadySeconds ? phaseIndex * SIZE.burst : 0);
  phaseIndex += 1;
  await client.query(
    `insert into bench_phase (phase, timer_id)
     select $1, t.id from timers t join sla_clocks c on c.id = t.clock_id
     where t.ticket_number >= $2 and t.ticket_number < $2 + $3 and t.step_id = $4 and c.target = $5 and t.state = 'pending'`,
    [phase, first, count, step, target],
  );
  const { n } = await one<{ n: number }>(`select count(*)::int as n from bench_phase where phase = $1`, [phase]);
  if (n !== count) throw new Error(`phase ${phase}: ${n} timers picked, ${count} wanted`);
}

/** Moves the phase's timers to `at` (all at once) or spread evenly over [at, at + spreadMs); wakes the workers. */
async function schedule(phase: string, at: number, spreadMs = 0): Promise<number> {
  await client.query(
    `update timers t set due_at = $2::timestamptz + make_interval(secs => b.k * $3::float8 / 1000), updated_at = now()
     from (select timer_id, row_number() over (order by timer_id) - 1 as k from bench_phase where phase = $1) b
     where t.id = b.timer_id`,
    [phase, new Date(at), spreadMs / (await phaseSize(phase))],
  );
  await client.query(`select pg_notify('palier_timers', '')`);
  return Date.now();
}
const phaseSize = async (phase: string) => (await one<{ n: number }>(`select count(*)::int as n from bench_phase where phase = $1`, [phase])).n;

/** Waits until none of the phase's timers is pending; returns the instant (ms) it saw that. */
async function firedAll(phase: string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { n } = await one<{ n: number }>(
      `select count(*)::int as n from timers t join bench_phase b on b.timer_id = t.id and b.phase = $1 where t.state = 'pending'`,
      [phase],
    );
    if (n === 0) return Date.now();
    if (Date.now() > deadline)
      throw new Error(`phase ${phase}: ${n} timers still pending after ${timeoutMs / 1000} s${errors.length ? `; errors: ${errors.join("; ")}` : ""}`);
    await sleep(POLL_MS);
  }
}

interface Counts {
  events: number;
  outbox: number;
  notifications: number;
}
const counts = () =>
  one<Counts>(
    `select (select count(*)::int from ticket_events) as events, (select count(*)::int from outbox) as outbox, (select count(*)::int from notifications) as notifications`,
  );

/** Exactly every timer of the phase fired once, each with one escalation event. */
async function checkFiredOnce(phase: string, withEvents: boolean): Promise<void> {
  const size = await phaseSize(phase);
  const { fired } = await one<{ fired: number }>(
    `select count(*)::int as fired from timers t join bench_phase b on b.timer_id = t.id and b.phase = $1 where t.state = 'fired'`,
    [phase],
  );
  if (fired !== size) throw new Error(`phase ${phase}: ${fired} of ${size} timers fired`);
  if (!withEvents) return;
  const events = await one<{ n: number; distinct: number }>(
    `select count(*)::int as n, count(distinct b.timer_id)::int as distinct from ticket_events e join bench_phase b on b.timer_id = (e.data ->> 'timerId')::bigint and b.phase = $1 where e.type = 'escalation'`,
    [phase],
  );
  if (events.n !== size || events.distinct !== size)
    throw new Error(`phase ${phase}: ${events.n} escalation events for ${events.distinct} distinct timers, ${size} wanted (exactly one each)`);
}

interface Burst {
  rate: number;
  seconds: number;
  fired: number;
  written: Counts;
}

/** A burst of SIZE.burst timers due in one second, fired by the given processes. */
async function burst(phase: string, target: string, step: string, run: (at: number) => void, engine: boolean): Promise<Burst> {
  await pickTimers(phase, target, step, SIZE.burst);
  const before = await counts();
  const due = Date.now() + SIZE.leadMs;
  const scheduled = await schedule(phase, due);
  const start = Math.max(due, scheduled);
  if (scheduled > due) log(`  (${phase}: moving the timers took until ${scheduled - due} ms after their due time; timed from then)`);
  run(start);
  const end = await firedAll(phase, 30 * 60_000);
  await checkFiredOnce(phase, engine);
  const after = await counts();
  const seconds = (end - start) / 1000;
  return {
    rate: SIZE.burst / seconds,
    seconds,
    fired: SIZE.burst,
    written: { events: after.events - before.events, outbox: after.outbox - before.outbox, notifications: after.notifications - before.notifications },
  };
}

async function ceiling(phase: string, target: string, step: string, processes: number): Promise<Burst> {
  const children = Array.from({ length: processes }, () => spawn("ceiling"));
  await Promise.all(children.map((c) => c.ready));
  const result = await burst(phase, target, step, (at) => children.forEach((c) => c.send({ type: "burst", at })), false);
  await Promise.all(children.map((c) => c.done));
  await Promise.all(children.map((c) => c.stop()));
  return result;
}

function describeBurst(label: string, b: Burst): string {
  const per = (n: number) => (n / b.fired).toFixed(2);
  const writes = b.written.events
    ? `; per firing ${per(b.written.events)} events, ${per(b.written.notifications)} notifications, ${per(b.written.outbox)} outbox rows`
    : "";
  return `${label.padEnd(30)} ${fmt(b.rate).padStart(8)} firings/s  (${fmt(b.fired)} in ${b.seconds.toFixed(2)} s${writes})`;
}

/** Latencies (ms) of GET /api/v1/tickets?view=all&limit=25 from API_CLIENTS clients until `until()` holds. */
async function apiLoad(port: number, token: string, until: () => boolean): Promise<number[]> {
  const samples: number[] = [];
  await Promise.all(
    Array.from({ length: API_CLIENTS }, async (_, i) => {
      await sleep((i * API_INTERVAL_MS) / API_CLIENTS);
      while (!until()) {
        const start = performance.now();
        const response = await fetch(`http://127.0.0.1:${port}/api/v1/tickets?view=all&limit=25`, { headers: { authorization: `Bearer ${token}` } });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`GET /api/v1/tickets answered ${response.status}`);
        const took = performance.now() - start;
        samples.push(took);
        await sleep(Math.max(0, API_INTERVAL_MS - took));
      }
    }),
  );
  return samples;
}

function percentiles(samples: number[]): { p50: number; p99: number; max: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] as number;
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] as number, n: sorted.length };
}

// --- The run ----------------------------------------------------------------------------------------------------
log(
  `Timer engine on PostgreSQL: ${fmt(SIZE.tickets)} open tickets, bursts of ${fmt(SIZE.burst)}, steady ${fmt(SIZE.steadyRate)}/s for ${SIZE.steadySeconds} s${SMOKE ? " (smoke size: the figures mean nothing)" : ""}`,
);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
log(`load average at the start: ${load()} (1, 5, 15 min)`);
await admin(`drop database if exists ${name} with (force)`);
await admin(`create database ${name} template template0`);
const summary: string[] = [];
const children: Child[] = [];
try {
  const database = await openDatabase({ url: benchUrl, poolSize: 2 });
  await database.migrate();
  await database.close();
  await client.connect();
  await client.query(`create table bench_phase (phase text not null, timer_id bigint primary key)`);

  const fillStart = performance.now();
  const now = new Date();
  const workspace = await seedWorkspace(client, now);
  const fill = await fillTickets(client, workspace, SIZE.tickets, now);
  firstTicket = (await one<{ first: number }>(`select min(number)::int as first from tickets`)).first;
  const sizes = await one<{ clocks: number; timers: number; db: string }>(
    `select (select count(*)::int from sla_clocks) as clocks, (select count(*)::int from timers) as timers, pg_size_pretty(pg_database_size(current_database())) as db`,
  );
  const fillLine =
    `fill: ${fmt(SIZE.tickets)} tickets, ${fmt(sizes.clocks)} clocks, ${fmt(sizes.timers)} pending timers in ${((performance.now() - fillStart) / 1000).toFixed(1)} s ` +
    `(tickets ${fill.tickets.toFixed(1)} s, clocks ${fill.clocks.toFixed(1)} s, timers ${fill.timers.toFixed(1)} s, vacuum analyze ${fill.analyze.toFixed(1)} s; database ${sizes.db})`;
  log(fillLine);
  summary.push(fillLine);

  // Ceilings first: no Palier worker may run meanwhile (it would take their timers).
  const ceiling1 = await ceiling("ceiling-1", "first_response", "reminder", 1);
  log(describeBurst("ceiling, 1 process", ceiling1));
  const ceiling2 = await ceiling("ceiling-2", "resolution", "reminder", 2);
  log(describeBurst("ceiling, 2 processes", ceiling2));

  const first = spawn("timers");
  children.push(first);
  await first.ready;
  const palier1 = await burst("palier-1", "first_response", "level-1", () => undefined, true);
  log(describeBurst("Palier, 1 worker", palier1));
  const second = spawn("timers");
  children.push(second);
  await second.ready;
  const palier2 = await burst("palier-2", "resolution", "level-1", () => undefined, true);
  log(describeBurst("Palier, 2 workers", palier2));
  await second.stop();
  const burstLines = [
    describeBurst("ceiling, 1 process", ceiling1),
    describeBurst("ceiling, 2 processes", ceiling2),
    describeBurst("Palier, 1 worker", palier1),
    describeBurst("Palier, 2 workers", palier2),
    `ratio to the ceiling: 1 worker ${(palier1.rate / ceiling1.rate).toFixed(2)}, 2 workers ${(palier2.rate / ceiling2.rate).toFixed(2)}; 2 workers / 1 worker ${(palier2.rate / palier1.rate).toFixed(2)}`,
  ];
  log(burstLines[burstLines.length - 1] as string);
  summary.push(...burstLines);

  // Steady: timers due evenly over steadySeconds, fired by the first worker alone.
  const steadyCount = Math.min(SIZE.steadyRate * SIZE.steadySeconds, SIZE.tickets);
  await pickTimers("steady", "first_response", "level-2", steadyCount);
  const t0 = Date.now() + SIZE.leadMs;
  const moved = await schedule("steady", t0, SIZE.steadySeconds * 1000);
  if (moved > t0) log(`  (steady: moving the timers took until ${moved - t0} ms after the first was due)`);
  await firedAll("steady", SIZE.steadySeconds * 1000 + 10 * 60_000);
  await checkFiredOnce("steady", true);
  const lag = await one<{ p50: number; p99: number; max: number; late: number }>(
    `select percentile_cont(0.5) within group (order by lag_ms) as p50, percentile_cont(0.99) within group (order by lag_ms) as p99, max(lag_ms) as max,
            count(*) filter (where lag_ms > 1000)::int as late
     from timers t join bench_phase b on b.timer_id = t.id and b.phase = 'steady'`,
  );
  const steadyLine = `steady, 1 worker: ${fmt(steadyCount)} timers due over ${SIZE.steadySeconds} s (${fmt(SIZE.steadyRate)}/s): lag p50 ${fmt(lag.p50)} ms, p99 ${fmt(lag.p99)} ms, max ${fmt(lag.max)} ms, ${fmt(lag.late)} over 1 s`;
  log(steadyLine);
  summary.push(steadyLine);
  await first.stop();
  const rssLines = [`worker RSS, worker 1 (both bursts and steady): ${rssSummary(first)}`, `worker RSS, worker 2 (second burst): ${rssSummary(second)}`];
  rssLines.forEach((l) => log(l));
  summary.push(...rssLines);

  // Recompute: the API under light load without, then with, a policy edit recomputing every open ticket.
  const opened = await openDatabase({ url: benchUrl, poolSize: 2 });
  const { token } = await createApiToken(opened.db, { agentId: workspace.adminId, name: "bench", now: new Date() });
  const api = spawn("api");
  children.push(api);
  const { port } = await api.ready;
  let baselineOver = false;
  const baselineTimer = setTimeout(() => (baselineOver = true), SIZE.baselineSeconds * 1000);
  const baseline = percentiles(await apiLoad(port as number, token, () => baselineOver));
  clearTimeout(baselineTimer);

  const policy = await getPolicyRow(opened.db, workspace.policyId);
  const edited = await inWork(opened.db, { now: new Date(), actor: { type: "system" } }, (work) =>
    updatePolicy(work, {
      id: workspace.policyId,
      changes: {
        targets: { ...TARGETS, normal: { ...TARGETS.normal, first_response: 90 } },
        matrix: { steps: MATRIX.steps.map((s) => (s.id === "level-2" ? { ...s, offsetMinutes: 90 } : s)) } as never,
      },
      expectedVersion: policy?.version,
    }),
  );
  await opened.close();
  if (!edited.jobId) throw new Error("the policy edit queued no recompute job");
  const recomputeStart = performance.now();
  const worker = spawn("recompute");
  children.push(worker);
  await worker.ready;
  let recomputeOver = false;
  const capped = RECOMPUTE_SECONDS > 0 ? setTimeout(() => worker.send({ type: "halt" }), RECOMPUTE_SECONDS * 1000) : undefined;
  const during = apiLoad(port as number, token, () => recomputeOver);
  const recomputed = await worker.done;
  recomputeOver = true;
  clearTimeout(capped);
  const loaded = percentiles(await during);
  const job = await one<{ state: string; total: number; done: number }>(`select state, total, done from jobs where id = $1`, [edited.jobId]);
  // The worker's own loop may claim the job before runOnce(), which then finishes none (it waits for the loop's turn).
  if (recomputed.count > 1) throw new Error(`the recompute worker finished ${recomputed.count} jobs, 1 wanted`);
  const recomputeSeconds = (performance.now() - recomputeStart) / 1000;
  const rate = job.done / recomputed.seconds;
  const recomputeLine =
    job.state === "done"
      ? `recompute (policy edit, one recompute worker): ${fmt(job.done)} open tickets in ${recomputeSeconds.toFixed(1)} s (${fmt(rate)} tickets/s)`
      : `recompute (policy edit, one recompute worker): stopped after ${recomputeSeconds.toFixed(1)} s at ${fmt(job.done)} of ${fmt(job.total)} tickets ` +
        `(${fmt(rate)} tickets/s; all of them would take ~${fmt(job.total / rate / 60, 1)} min)`;
  const apiLine =
    `API GET /api/v1/tickets?view=all&limit=25, ${API_CLIENTS} clients at ≤ ${1000 / API_INTERVAL_MS} req/s each: ` +
    `without recompute p50 ${baseline.p50.toFixed(1)} ms, p99 ${baseline.p99.toFixed(1)} ms (${baseline.n} requests); ` +
    `during recompute p50 ${loaded.p50.toFixed(1)} ms, p99 ${loaded.p99.toFixed(1)} ms, max ${loaded.max.toFixed(1)} ms (${loaded.n} requests)`;
  const recomputeRss = `recompute worker RSS: ${rssSummary(worker)}`;
  [recomputeLine, apiLine, recomputeRss].forEach((l) => log(l));
  summary.push(recomputeLine, apiLine, recomputeRss);
  await api.stop();
  if (errors.length) throw new Error(`errors reported by the processes: ${errors.join("; ")}`);

  summary.push(`load average at the end: ${load()} (1, 5, 15 min)`);
  log("");
  log(`Summary${SMOKE ? " (smoke size: the figures mean nothing)" : ""}`);
  for (const line of summary) log(line);
  log(
    `engine burst: ${fmt(palier2.rate)} firings/s with 2 workers (${((palier2.rate / ceiling2.rate) * 100).toFixed(0)}% of the bare-SQL ceiling), steady lag p99 ${fmt(lag.p99)} ms`,
  );
} finally {
  await Promise.all(children.map((c) => c.stop()));
  await client.end().catch(() => undefined);
  if (process.env.BENCH_KEEP === "1") log(`kept database ${name}`);
  else await admin(`drop database if exists ${name} with (force)`);
}
