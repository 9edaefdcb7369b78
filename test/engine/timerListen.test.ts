// The timer worker's LISTEN connection on PostgreSQL: when the server drops it, the worker
// listens again and a notification wakes it as before. PostgreSQL only (PGlite listens in
// process); it runs where TEST_DATABASE_URL is given (always in CI).

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { ManualClock } from "../../src/core/clock.js";
import { type Database, openDatabase } from "../../src/store/database.js";
import { startTimerWorker } from "../../src/engine/timers/timerWorker.js";
import { createPostgresDatabase, postgresGiven, selectRows } from "../support/testDatabase.js";
import { HOUR, addPolicy, at, seedTickets, seedWorld, step } from "./support/timerFixtures.js";

let created: Awaited<ReturnType<typeof createPostgresDatabase>>;
let database: Database | undefined;

const skip = !postgresGiven();

beforeAll(async () => {
  if (skip) return;
  created = await createPostgresDatabase();
  database = await openDatabase({ url: created.url, poolSize: 4 });
}, 60_000);

afterAll(async () => {
  await database?.close();
  await created?.drop();
}, 60_000);

it.skipIf(skip)(
  "listens again after the server drops its connection, and wakes on the next notification",
  async () => {
    const store = database as Database;
    const world = await seedWorld(store.db);
    const policy = await addPolicy(store.db, [step({ id: "l1" })]);
    const errors: string[] = [];
    // A minute between polls and a clock that never moves: only a notification can wake it.
    const worker = startTimerWorker({ database: store, clock: new ManualClock(at(2 * HOUR)), pollMs: 60_000, onError: (error) => errors.push(error.message) });
    const listeners = () =>
      selectRows<{ pid: number }>(
        store,
        sql`select pid from pg_stat_activity where datname = current_database() and query ilike 'listen palier_timers%' and pid <> pg_backend_pid()`,
      );
    try {
      await vi.waitFor(async () => expect(await listeners()).toHaveLength(1), { timeout: 10_000, interval: 50 });
      const [first] = await listeners();
      await store.db.execute(sql`select pg_terminate_backend(${first?.pid}::int)`);
      await vi.waitFor(
        async () => {
          const now = await listeners();
          expect(now).toHaveLength(1);
          expect(now[0]?.pid).not.toBe(first?.pid);
        },
        { timeout: 10_000, interval: 50 },
      );

      const [ticket] = await seedTickets(store.db, { world, policy, count: 1, deadline: at(HOUR), timers: { l1: at(HOUR) } });
      const state = async () => (await selectRows<{ state: string }>(store, sql`select state from timers where ticket_number = ${ticket?.number}`))[0]?.state;
      await vi.waitFor(async () => expect(await state()).toBe("fired"), { timeout: 10_000, interval: 50 });
      expect(errors.some((message) => message.startsWith("timer notifications:"))).toBe(true);
    } finally {
      await worker.stop();
    }
  },
  60_000,
);
