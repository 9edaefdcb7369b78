// API benchmark: POST /api/v1/tickets (each with a first message) under autocannon at 64
// connections (after a warm-up reported on its own), on PostgreSQL and on PGlite, beside the
// ceiling of the same rows written by a bare client; then inbox listing and search latency over
// a large ticket table.
// `--smoke` (or BENCH_SIZE=smoke): CI size. PostgreSQL from BENCH_DATABASE_URL (or TEST_DATABASE_URL).
// BENCH_BACKENDS=postgres or pglite: one backend only. BENCH_PROFILE=1: the API server processes
// write V8 CPU profiles (.cpuprofile, for Chrome DevTools) to $TMPDIR/palier-profiles.

import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import type * as AccountsModule from "../src/store/accounts.js";
import type * as DatabaseModule from "../src/store/database.js";
import type * as EntitiesModule from "../src/store/entities.js";

const SMOKE = process.argv.includes("--smoke") || process.env.BENCH_SIZE === "smoke";
const SIZE = SMOKE ? { warmup: 1, seconds: 1, tickets: 1_000, probes: 20 } : { warmup: 2, seconds: 10, tickets: 100_000, probes: 200 };
const CONNECTIONS = 64;
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

const dist = (path: string) => new URL(`../dist/${path}`, import.meta.url).href;
const { openDatabase } = (await import(dist("store/database.js"))) as typeof DatabaseModule;
const { agentStore, customerStore } = (await import(dist("store/entities.js"))) as typeof EntitiesModule;
const { createApiToken } = (await import(dist("store/accounts.js"))) as typeof AccountsModule;

const body = (customerId: string) =>
  JSON.stringify({
    subject: "Remboursement non reçu",
    channel: "email",
    customerId,
    language: "fr",
    message: { text: "Bonjour, j'attends toujours mon remboursement de la commande 4471. Merci de me répondre rapidement." },
  });

interface Backend {
  name: string;
  /** Store options for the server process. */
  env: Record<string, string>;
  open(): Promise<DatabaseModule.Database>;
  cleanup(): Promise<void>;
  /** The ceiling: the same rows as one API create, written by a bare client, `concurrency` at a time. */
  ceiling(customerId: string, seconds: number): Promise<number>;
}

async function postgresBackend(): Promise<Backend> {
  const name = `palier_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name} template template0`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name: "PostgreSQL",
    env: { BENCH_DATABASE_URL: url.toString() },
    open: () => openDatabase({ url: url.toString() }),
    cleanup: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
    ceiling: async (customerId, seconds) => {
      const pool = new pg.Pool({ connectionString: url.toString(), max: CONNECTIONS });
      // A client still closing when the database is dropped gets the server's "terminating
      // connection": harmless here, but an 'error' with no listener would end the bench.
      pool.on("error", () => undefined);
      const count = await forDuration(seconds, CONNECTIONS, async () => {
        const client = await pool.connect();
        try {
          await insertBare((text, values) => client.query(text, values), customerId);
        } finally {
          client.release();
        }
      });
      await pool.end();
      return count;
    },
  };
}

async function pgliteBackend(): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), "palier-bench-"));
  return {
    name: "PGlite",
    env: { BENCH_DATA_DIR: dir },
    open: () => openDatabase({ dataDir: dir }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    ceiling: async (customerId, seconds) => {
      const database = await openDatabase({ dataDir: dir });
      const client = database.pglite;
      if (!client) throw new Error("PGlite expected");
      // PGlite has one connection: its ceiling is sequential transactions.
      const count = await forDuration(seconds, 1, () => client.transaction((tx) => insertBare((text, values) => tx.query(text, values), customerId)));
      await database.close();
      return count;
    },
  };
}

type Query = (text: string, values: unknown[]) => Promise<unknown>;

// The rows one API create writes: the ticket with its search vector, the message, two events.
async function insertBare(query: Query, customerId: string): Promise<void> {
  const text = "Bonjour, j'attends toujours mon remboursement de la commande 4471. Merci de me répondre rapidement.";
  const now = new Date();
  const result = (await query(
    `insert into tickets (subject, channel, customer_id, language, created_at, updated_at, last_customer_message_at, search)
     values ($1, 'email', $2, 'fr', $3, $3, $3, setweight(to_tsvector('french', unaccent($1)), 'A') || setweight(to_tsvector('french', unaccent($4)), 'B')) returning number`,
    ["Remboursement non reçu", customerId, now, text],
  )) as { rows: { number: number }[] };
  const number = result.rows[0]?.number;
  await query(
    `insert into messages (ticket_number, kind, author_customer_id, channel, body_text, body_html, created_at) values ($1, 'customer', $2, 'email', $3, $4, $5)`,
    [number, customerId, text, `<p>${text}</p>`, now],
  );
  await query(
    `insert into ticket_events (ticket_number, at, actor_type, actor_id, type, changes) values ($1, $2, 'agent', null, 'created', '{}'), ($1, $2, 'agent', null, 'message', '{}')`,
    [number, now],
  );
}

async function forDuration(seconds: number, concurrency: number, work: () => Promise<unknown>): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await work();
        done++;
      }
    }),
  );
  return done / seconds;
}

async function startServer(env: Record<string, string>): Promise<{ port: number; stop(): Promise<void> }> {
  const profile = process.env.BENCH_PROFILE === "1" ? ["--cpu-prof", `--cpu-prof-dir=${join(tmpdir(), "palier-profiles")}`] : [];
  const child = fork(new URL("./apiServer.ts", import.meta.url), { env: { ...process.env, ...env }, execArgv: ["--import", "tsx", ...profile] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (message) => resolve((message as { port: number }).port));
    child.once("exit", (code) => reject(new Error(`the API server exited with ${code}`)));
  });
  return {
    port,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.send("stop");
      }),
  };
}

// Fills the ticket table to SIZE.tickets in one statement (multilingual subjects, search vectors).
async function fill(database: DatabaseModule.Database, customerId: string): Promise<void> {
  const { sql } = await import("drizzle-orm");
  await database.db.execute(sql`
    insert into tickets (subject, channel, status, priority, customer_id, language, tags, created_at, updated_at, search)
    select s.subject, (array['email','web','chat','phone','twitter','api'])[1 + i % 6], (array['new','open','pending','solved'])[1 + i % 4],
           (array['low','normal','high','urgent'])[1 + i % 4], ${customerId}, s.lang, array['t' || (i % 50)],
           now() - make_interval(mins => i), now() - make_interval(mins => i),
           setweight(to_tsvector(s.cfg::regconfig, unaccent(s.subject)), 'A')
    from generate_series(1, ${SIZE.tickets}) as i,
    lateral (select (array['Remboursement non reçu numéro ' || i, 'Betaling mislukt voor bestelling ' || i, 'Refund not received for order ' || i, 'Connexion impossible depuis la mise à jour ' || i])[1 + i % 4] as subject,
                    (array['fr','nl','en','fr'])[1 + i % 4] as lang, (array['french','dutch','english','french'])[1 + i % 4] as cfg) s`);
}

interface Latencies {
  p50: number;
  p95: number;
}

async function latencies(port: number, token: string, path: string): Promise<Latencies> {
  const samples: number[] = [];
  for (let i = 0; i < SIZE.probes; i++) {
    const start = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(samples.length * 0.5)] as number, p95: samples[Math.floor(samples.length * 0.95)] as number };
}

const rows: string[] = [];
let headline = "";
const only = process.env.BENCH_BACKENDS;
for (const make of [postgresBackend, pgliteBackend].filter((make) => !only || only.split(",").includes(make === postgresBackend ? "postgres" : "pglite"))) {
  const backend = await make();
  try {
    const database = await backend.open();
    await database.migrate();
    const now = new Date();
    const agent = await agentStore.create(database.db, { name: "Bench", email: "bench@palier.local", role: "admin" }, now);
    const customer = await customerStore.create(database.db, { name: "Marie Dupont", email: "marie@bench.local", language: "fr" }, now);
    const { token } = await createApiToken(database.db, { agentId: agent.id, name: "bench", now });
    await database.close();

    const server = await startServer(backend.env);
    let cold: autocannon.Result;
    let result: autocannon.Result;
    try {
      const load = (duration: number) =>
        autocannon({
          url: `http://127.0.0.1:${server.port}/api/v1/tickets`,
          method: "POST",
          connections: CONNECTIONS,
          duration,
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: body(customer.id),
        });
      // The first seconds after start are the cold ones (V8 compiling, the database's first
      // plans); they are measured and reported on their own, then the steady state.
      cold = await load(SIZE.warmup);
      result = await load(SIZE.seconds);
    } finally {
      // A server left running would keep the output of the bench open.
      await server.stop();
    }
    // A wrong answer or a broken connection fails the bench; a request slower than autocannon's
    // 10 s timeout is reported in the row (an overloaded run is slow, not wrong).
    for (const run of [cold, result]) {
      const failed = run.non2xx + run.errors - run.timeouts;
      if (run["2xx"] === 0 || failed > 0) {
        throw new Error(
          `${backend.name}: ${run["2xx"]} tickets created, ${failed} failed requests (status codes ${JSON.stringify(run.statusCodeStats)}, ${run.timeouts} timeouts, ${run.errors} errors)`,
        );
      }
    }
    const created = result["2xx"] / SIZE.seconds;

    // Listing and search over a large table.
    const filling = await backend.open();
    await fill(filling, customer.id);
    await filling.close();
    const reader = await startServer(backend.env);
    let inbox: Latencies;
    let search: Latencies;
    try {
      inbox = await latencies(reader.port, token, "/api/v1/tickets?view=all&status=new,open&limit=25");
      search = await latencies(reader.port, token, "/api/v1/tickets?view=all&q=remboursement&limit=25");
    } finally {
      await reader.stop();
    }

    const ceiling = await backend.ceiling(customer.id, SIZE.seconds);
    const ratio = created / ceiling;
    const row =
      `${backend.name.padEnd(11)} ${created.toFixed(0).padStart(8)} /s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  max ${result.latency.max} ms${timedOut(result)}  ` +
      `(cold ${SIZE.warmup} s: ${(cold["2xx"] / SIZE.warmup).toFixed(0)} /s  p99 ${cold.latency.p99} ms  max ${cold.latency.max} ms${timedOut(cold)})  ceiling ${ceiling.toFixed(0).padStart(7)} /s  ratio ${ratio.toFixed(2)}  ` +
      `inbox p50/p95 ${inbox.p50.toFixed(1)}/${inbox.p95.toFixed(1)} ms  search p50/p95 ${search.p50.toFixed(1)}/${search.p95.toFixed(1)} ms  (${SIZE.tickets.toLocaleString("en")} tickets)`;
    console.log(row);
    rows.push(row);
    if (backend.name === "PostgreSQL")
      headline = `api create on PostgreSQL: ${created.toFixed(0)} tickets/s, ${(ratio * 100).toFixed(0)}% of the bare-client ceiling`;
  } finally {
    await backend.cleanup();
  }
}
console.log(
  `POST /api/v1/tickets at ${CONNECTIONS} connections for ${SIZE.seconds} s after ${SIZE.warmup} s of warm-up${SMOKE ? " (smoke size: the figures mean nothing)" : ""}`,
);
for (const row of rows) console.log(row);
console.log(headline);

function timedOut(run: autocannon.Result): string {
  return run.timeouts > 0 ? ` (${run.timeouts} timed out)` : "";
}
