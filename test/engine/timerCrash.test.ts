// A worker killed with SIGKILL in the middle of a batch (its events and outbox rows written, not
// committed) loses nothing and doubles nothing: the next worker fires what the dead one held,
// and every due step has fired exactly once. PostgreSQL only; it runs where TEST_DATABASE_URL is given (always in CI).

import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { ManualClock } from "../../src/core/clock.js";
import { type Database, openDatabase } from "../../src/store/database.js";
import { startTimerWorker } from "../../src/engine/timers/timerWorker.js";
import { createPostgresDatabase, postgresGiven, selectRows } from "../support/testDatabase.js";
import { HOUR, MINUTE, addPolicy, at, seedTickets, seedWorld, step } from "./support/timerFixtures.js";

const CHILD = fileURLToPath(new URL("./support/hangingWorker.ts", import.meta.url));
let created: Awaited<ReturnType<typeof createPostgresDatabase>>;
let database: Database | undefined;
let child: ChildProcess | undefined;

const skip = !postgresGiven();

beforeAll(async () => {
  if (skip) return;
  created = await createPostgresDatabase();
  database = await openDatabase({ url: created.url, poolSize: 4 });
}, 60_000);

afterAll(async () => {
  child?.kill("SIGKILL");
  await database?.close();
  await created?.drop();
}, 60_000);

it.skipIf(skip)(
  "loses and doubles no step when a worker is killed inside a batch",
  async () => {
    const store = database as Database;
    const world = await seedWorld(store.db);
    const policy = await addPolicy(store.db, [
      step({ id: "r1", kind: "reminder", level: 0, offsetMinutes: 15 }),
      step({ id: "l1" }),
      step({ id: "l2", level: 2, offsetMinutes: 30, actions: [{ type: "notify" }, { type: "set_tier", tier: "L2" }] }),
    ]);
    await seedTickets(store.db, { world, policy, count: 100, deadline: at(HOUR), timers: { r1: at(45 * MINUTE), l1: at(HOUR), l2: at(HOUR + 30 * MINUTE) } });
    const clockAt = at(3 * HOUR);
    const count = async (query: ReturnType<typeof sql>) => (await selectRows<{ n: number }>(store, query))[0]?.n;

    // The doomed worker commits two batches, then hangs inside the third. A batch claims the 40
    // oldest due timers and the other due timers of their tickets: 40 tickets of 3 steps each,
    // then the last 20 tickets' 60 steps.
    child = fork(CHILD, [], {
      env: { ...process.env, DATABASE_URL: created.url, CLOCK_AT: clockAt.toISOString(), BATCH_SIZE: "40", HANG_ON_BATCH: "3" },
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child?.on("exit", (_code, signal) => resolve(signal)));
    const hanging = await new Promise<{ hanging: number }>((resolve, reject) => {
      child?.on("message", (message) => resolve(message as { hanging: number }));
      child?.on("exit", (code) => reject(new Error(`the worker exited (${code}) before hanging`)));
    });
    expect(hanging.hanging).toBe(60);
    // What the hanging batch wrote is invisible: only the two committed batches show.
    expect(await count(sql`select count(*)::int as n from timers where state = 'fired'`)).toBe(240);
    expect(await count(sql`select count(*)::int as n from ticket_events where type = 'escalation'`)).toBe(240);

    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    // The next worker takes over once PostgreSQL has rolled the dead one's transaction back.
    const worker = startTimerWorker({ database: store, clock: new ManualClock(clockAt), batchSize: 40, pollMs: 100, workerId: "heir" });
    try {
      await vi.waitFor(async () => expect(await count(sql`select count(*)::int as n from timers where state = 'pending'`)).toBe(0), {
        timeout: 30_000,
        interval: 100,
      });
    } finally {
      await worker.stop();
    }

    expect(await count(sql`select count(*)::int as n from timers where state = 'fired'`)).toBe(300);
    expect(await count(sql`select count(*)::int as n from ticket_events where type = 'escalation'`)).toBe(300);
    expect(await count(sql`select count(distinct data->>'timerId')::int as n from ticket_events where type = 'escalation'`)).toBe(300);
    // Léa is the only recipient: the reminder, past due, sends nothing; levels 1 and 2, caught up
    // together, send her one in-app and one e-mail notice per ticket. One tier change per ticket.
    expect(await count(sql`select count(*)::int as n from outbox`)).toBe(200);
    expect(await count(sql`select count(*)::int as n from ticket_events where type = 'updated' and changes ? 'tier'`)).toBe(100);
    const workers = await selectRows<{ worker: string }>(
      store,
      sql`select distinct data->>'worker' as worker from ticket_events where type = 'escalation' order by 1`,
    );
    expect(workers.map((w) => w.worker)).toEqual(["doomed", "heir"]);
  },
  120_000,
);
