// E-mail intake throughput: messages from SMTP to a committed ticket (the SMTP client's 250
// comes after the commit) beside the API's create of the same ticket, in the same run, the same
// server process and the same PostgreSQL, at the same concurrency, in alternation; then the
// memory a 25 MB message takes.
// `--smoke` (or BENCH_SIZE=smoke): CI size. PostgreSQL from BENCH_DATABASE_URL (or TEST_DATABASE_URL).

import { fork, type ChildProcess } from "node:child_process";
import { loadavg } from "node:os";
import autocannon from "autocannon";
import { createTransport } from "nodemailer";
import pg from "pg";
import type * as AccountsModule from "../src/store/accounts.js";
import type * as DatabaseModule from "../src/store/database.js";
import type * as EntitiesModule from "../src/store/entities.js";

const SMOKE = process.argv.includes("--smoke") || process.env.BENCH_SIZE === "smoke";
const SIZE = SMOKE ? { seconds: 1, rounds: 1, bigBytes: 1024 * 1024 } : { seconds: 10, rounds: 2, bigBytes: 25 * 1024 * 1024 };
const CONNECTIONS = 16;
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const TEXT = "Bonjour, j'attends toujours mon remboursement de la commande 4471. Merci de me répondre rapidement.";

const dist = (path: string) => new URL(`../dist/${path}`, import.meta.url).href;
const { openDatabase } = (await import(dist("store/database.js"))) as typeof DatabaseModule;
const { agentStore, customerStore, teamStore } = (await import(dist("store/entities.js"))) as typeof EntitiesModule;
const { createApiToken } = (await import(dist("store/accounts.js"))) as typeof AccountsModule;

const name = `palier_bench_mail_${process.pid}`;
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
const customer = await customerStore.create(database.db, { name: "Marie Dupont", email: "marie@bench.local", language: "fr" }, now);
await teamStore.create(database.db, { name: "Facturation", email: "facturation@bench.local" }, now);
const { token } = await createApiToken(database.db, { agentId: agent.id, name: "bench", now });
await database.close();

const child: ChildProcess = fork(new URL("./mailServer.ts", import.meta.url), {
  env: { ...process.env, BENCH_DATABASE_URL: url.toString() },
  execArgv: ["--import", "tsx", "--expose-gc"],
});
const { port, smtpPort } = await new Promise<{ port: number; smtpPort: number }>((resolve) => child.once("message", (m) => resolve(m as never)));
const ask = <T>(message: string) => new Promise<T>((resolve) => (child.once("message", (m) => resolve(m as T)), child.send(message)));

async function apiRate(seconds: number): Promise<number> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/v1/tickets`,
    method: "POST",
    connections: CONNECTIONS,
    duration: seconds,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ subject: "Remboursement non reçu", channel: "email", customerId: customer.id, message: { text: TEXT } }),
  });
  if (result.non2xx > 0) throw new Error(`${result.non2xx} API creates failed`);
  return result.requests.total / seconds;
}

let sequence = 0;
function message(bytes = 0): string {
  sequence++;
  const lines = [
    "From: Marie Dupont <marie@bench.local>",
    "To: facturation@bench.local",
    `Subject: Remboursement non reçu ${sequence}`,
    `Message-ID: <bench.${process.pid}.${sequence}@bench.local>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "",
    TEXT,
  ];
  if (bytes === 0) return lines.join("\r\n");
  const payload = Buffer.alloc(Math.floor((bytes * 3) / 4), 7)
    .toString("base64")
    .replace(/.{76}/g, "$&\r\n");
  lines.splice(5, 2, 'Content-Type: multipart/mixed; boundary="b"', "");
  return [
    ...lines.slice(0, 7),
    "--b",
    "Content-Type: text/plain; charset=utf-8",
    "",
    TEXT,
    "--b",
    'Content-Type: application/octet-stream; name="dump.bin"',
    "Content-Transfer-Encoding: base64",
    "",
    payload,
    "--b--",
    "",
  ].join("\r\n");
}

async function smtpRate(seconds: number): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const transport = createTransport({ host: "127.0.0.1", port: smtpPort, secure: false, ignoreTLS: true, pool: true, maxConnections: 1 });
      try {
        while (performance.now() < end) {
          await transport.sendMail({ envelope: { from: "marie@bench.local", to: ["facturation@bench.local"] }, raw: message() });
          done++;
        }
      } finally {
        transport.close();
      }
    }),
  );
  return done / seconds;
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(" ");
console.log(`E-mail intake on PostgreSQL, ${CONNECTIONS} connections, ${SIZE.seconds} s a phase, load average at the start: ${load()}`);
await apiRate(1);
await smtpRate(1);
const rows: { api: number; smtp: number }[] = [];
for (let round = 1; round <= SIZE.rounds; round++) {
  const api = await apiRate(SIZE.seconds);
  const smtp = await smtpRate(SIZE.seconds);
  rows.push({ api, smtp });
  console.log(
    `round ${round}: API create ${api.toFixed(0)} tickets/s, SMTP to a committed ticket ${smtp.toFixed(0)} messages/s, ratio ${(smtp / api).toFixed(2)}`,
  );
}

await ask<{ rss: number; peak: number }>("rss");
const before = await ask<{ rss: number; peak: number }>("rss");
const big = message(SIZE.bigBytes);
const transport = createTransport({ host: "127.0.0.1", port: smtpPort, secure: false, ignoreTLS: true });
const started = performance.now();
await transport.sendMail({ envelope: { from: "marie@bench.local", to: ["facturation@bench.local"] }, raw: big });
const took = performance.now() - started;
transport.close();
const after = await ask<{ rss: number; peak: number }>("rss");
const size = Buffer.byteLength(big);
const mib = (n: number) => (n / 1024 / 1024).toFixed(0);
console.log(
  `a ${mib(size)} MiB message: taken in ${(took / 1000).toFixed(1)} s; server RSS ${mib(before.rss)} MiB before, peak ${mib(after.peak)} MiB (+${mib(after.peak - before.rss)} MiB, ${((after.peak - before.rss) / size).toFixed(1)}× its size)`,
);
console.log(`load average at the end: ${load()}`);

child.send("stop");
await new Promise((resolve) => child.once("exit", resolve));
const cleanup = new pg.Client({ connectionString: adminUrl });
await cleanup.connect();
await cleanup.query(`drop database if exists ${name} with (force)`);
await cleanup.end();
const best = rows.reduce((a, b) => (b.smtp / b.api > a.smtp / a.api ? b : a));
console.log(`mail intake: ${best.smtp.toFixed(0)} messages/s, ${(best.smtp / best.api).toFixed(2)} of the API's create`);
