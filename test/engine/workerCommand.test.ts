// `palier worker` as a real process: refused without PostgreSQL, and on PostgreSQL it fires a
// due step, then stops cleanly on SIGTERM. Needs `npm run build` (npm test builds first) and
// TEST_DATABASE_URL (the second test runs where it is given, always in CI).

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, expect, it, vi } from "vitest";
import { type Database, openDatabase } from "../../src/store/database.js";
import { createPostgresDatabase, postgresGiven, selectRows } from "../support/testDatabase.js";
import { addPolicy, seedTickets, seedWorld, step } from "./support/timerFixtures.js";

const BIN = fileURLToPath(new URL("../../bin/palier.js", import.meta.url));
const COMPILED = new URL("../../dist/cli/main.js", import.meta.url);
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
}, 60_000);

function spawnWorker(env: Record<string, string>) {
  if (!existsSync(COMPILED)) throw new Error("dist/cli/main.js is missing: run `npm run build` first (npm test builds before running vitest)");
  const child = spawn(process.execPath, [BIN, "worker"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null) child.kill("SIGKILL");
    await exited;
  });
  return { child, exited, output: () => ({ stdout, stderr }) };
}

it("refuses to run without PostgreSQL", async () => {
  const worker = spawnWorker({});
  expect(await worker.exited).toBe(2);
  expect(worker.output().stderr).toContain("palier worker: needs PostgreSQL: set DATABASE_URL");
});

// Runs where TEST_DATABASE_URL is given (always in CI).
it.skipIf(!postgresGiven())(
  "fires due steps on PostgreSQL and stops cleanly on SIGTERM",
  async () => {
    const created = await createPostgresDatabase();
    const database: Database = await openDatabase({ url: created.url, poolSize: 2 });
    cleanups.push(async () => {
      await database.close();
      await created.drop();
    });
    const world = await seedWorld(database.db);
    const policy = await addPolicy(database.db, [step({ id: "l1" })]);
    const due = new Date(Date.now() - 60_000);
    const [ticket] = await seedTickets(database.db, { world, policy, count: 1, deadline: due, timers: { l1: due } });

    const worker = spawnWorker({ DATABASE_URL: created.url });
    const state = async () => (await selectRows<{ state: string }>(database, sql`select state from timers where ticket_number = ${ticket?.number}`))[0]?.state;
    await vi.waitFor(async () => expect(await state()).toBe("fired"), { timeout: 30_000, interval: 100 });
    expect(worker.output().stdout).toContain("Palier worker");

    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    expect(worker.output().stdout).toContain("Stopped.");
  },
  60_000,
);
