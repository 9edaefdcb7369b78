// Social intake throughput: signed webhook deliveries (one mention each, a new thread, a known
// author) to a committed ticket, beside the API's plain create of the same ticket, in the same
// run, the same server process and the same PostgreSQL, at the same concurrency, in alternation.
// Every delivery is signed afresh with its own id, as a connector sends them.
// `--smoke` (or BENCH_SIZE=smoke): CI size. PostgreSQL from BENCH_DATABASE_URL (or TEST_DATABASE_URL).

import { fork, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { loadavg } from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import type * as AccountsModule from "../src/store/accounts.js";
import type * as DatabaseModule from "../src/store/database.js";
import type * as EntitiesModule from "../src/store/entities.js";
import type * as SocialModule from "../src/store/social.js";

const SMOKE = process.argv.includes("--smoke") || process.env.BENCH_SIZE === "smoke";
const SIZE = SMOKE ? { seconds: 1, rounds: 1 } : { seconds: 10, rounds: 2 };
const CONNECTIONS = 16;
const SECRET = "bench-secret-0123456789abcdef";
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const TEXT = "@palier_help j'attends toujours mon remboursement de la commande 4471, merci de me répondre rapidement.";

const dist = (path: string) => new URL(`../dist/${path}`, import.meta.url).href;
const { openDatabase } = (await import(dist("store/database.js"))) as typeof DatabaseModule;
const { agentStore, customerStore } = (await import(dist("store/entities.js"))) as typeof EntitiesModule;
const { createApiToken } = (await import(dist("store/accounts.js"))) as typeof AccountsModule;
const { putNetwork } = (await import(dist("store/social.js"))) as typeof SocialModule;

const name = `palier_bench_social_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`drop database if exists ${name} with (force)`);
await admin.query(`create database ${name} template template0`);
await admin.end();
const url = new URL(adminUrl);
url.pathname = `/${name}`;

const database = await openDatabase({ url: url.toString() });
await database.migrate();
const now = new Date();
const agent = await agentStore.create(database.db, { name: "Bench", email: "bench@palier.local", role: "admin" }, now);
const customer = await customerStore.create(database.db, { name: "Marie Dupont", social: { twitter: "@marie_d" }, language: "fr" }, now);
await putNetwork(database.db, "twitter", { secret: SECRET }, now);
const { token } = await createApiToken(database.db, { agentId: agent.id, name: "bench", now });
await database.close();

const child: ChildProcess = fork(new URL("./socialServer.ts", import.meta.url), {
  env: { ...process.env, BENCH_DATABASE_URL: url.toString() },
  execArgv: ["--import", "tsx"],
});
const { port } = await new Promise<{ port: number }>((resolve) => child.once("message", (m) => resolve(m as never)));

async function apiRate(seconds: number): Promise<number> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/v1/tickets`,
    method: "POST",
    connections: CONNECTIONS,
    duration: seconds,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ subject: "Remboursement non reçu", channel: "twitter", customerId: customer.id, message: { text: TEXT } }),
  });
  if (result.non2xx > 0) throw new Error(`${result.non2xx} API creates failed`);
  return result.requests.total / seconds;
}

let sequence = 0;
/** One delivery, signed now, with its own delivery id, message id and thread. */
function signedDelivery(): { body: string; headers: Record<string, string> } {
  sequence++;
  const body = JSON.stringify({
    deliveryId: `bench-${process.pid}-${sequence}`,
    events: [
      {
        id: `tw-${process.pid}-${sequence}`,
        kind: "mention",
        threadId: `thread-${process.pid}-${sequence}`,
        createdAt: new Date().toISOString(),
        text: TEXT,
        author: { id: "42", handle: "@marie_d", name: "Marie Dupont", verified: false, followers: 340, bio: "Lyon" },
      },
    ],
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `sha256=${createHmac("sha256", SECRET).update(`${timestamp}.${body}`).digest("hex")}`;
  return { body, headers: { "content-type": "application/json", "x-palier-timestamp": timestamp, "x-palier-signature": signature } };
}

async function webhookRate(seconds: number): Promise<number> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/v1/channels/social/twitter`,
    method: "POST",
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ setupRequest: (request) => ({ ...request, ...signedDelivery() }) }],
  });
  if (result.non2xx > 0) throw new Error(`${result.non2xx} deliveries failed`);
  return result.requests.total / seconds;
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(" ");
console.log(`Social intake on PostgreSQL, ${CONNECTIONS} connections, ${SIZE.seconds} s a phase, load average at the start: ${load()}`);
await apiRate(1);
await webhookRate(1);
const rows: { api: number; social: number }[] = [];
for (let round = 1; round <= SIZE.rounds; round++) {
  const api = await apiRate(SIZE.seconds);
  const social = await webhookRate(SIZE.seconds);
  rows.push({ api, social });
  console.log(
    `round ${round}: API create ${api.toFixed(0)} tickets/s, signed webhook to a committed ticket ${social.toFixed(0)} deliveries/s, ratio ${(social / api).toFixed(2)}`,
  );
}
console.log(`load average at the end: ${load()}`);

child.send("stop");
await new Promise((resolve) => child.once("exit", resolve));
const cleanup = new pg.Client({ connectionString: adminUrl });
await cleanup.connect();
await cleanup.query(`drop database if exists ${name} with (force)`);
await cleanup.end();
const best = rows.reduce((a, b) => (b.social / b.api > a.social / a.api ? b : a));
console.log(`social intake: ${best.social.toFixed(0)} deliveries/s, ${(best.social / best.api).toFixed(2)} of the API's create`);
