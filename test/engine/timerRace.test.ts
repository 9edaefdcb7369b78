// Two timer workers, each with its own pool, racing over 2,000 due timers on one PostgreSQL:
// every timer fires exactly once, with one event and one set of outbox rows, and each ticket's
// steps in order. PostgreSQL only (PGlite runs one worker); it runs where TEST_DATABASE_URL is given (always in CI).

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ManualClock } from "../../src/core/clock.js";
import { type Database, openDatabase } from "../../src/store/database.js";
import { startTimerWorker } from "../../src/engine/timers/timerWorker.js";
import { createPostgresDatabase, postgresGiven } from "../support/testDatabase.js";
import { selectRows } from "../support/testDatabase.js";
import { HOUR, MINUTE, addPolicy, at, seedTickets, seedWorld, step } from "./support/timerFixtures.js";

let created: Awaited<ReturnType<typeof createPostgresDatabase>>;
const opened: Database[] = [];
const open = async () => {
  const database = await openDatabase({ url: created.url, poolSize: 4 });
  opened.push(database);
  return database;
};

const skip = !postgresGiven();

beforeAll(async () => {
  if (skip) return;
  created = await createPostgresDatabase();
}, 60_000);

afterAll(async () => {
  await Promise.all(opened.map((d) => d.close()));
  await created?.drop();
}, 60_000);

it.skipIf(skip)(
  "fires each of 2,000 due timers exactly once with two workers racing",
  async () => {
    const setup = await open();
    const world = await seedWorld(setup.db);
    const policy = await addPolicy(setup.db, [step({ id: "l1" }), step({ id: "l2", level: 2, offsetMinutes: 30, recipients: [{ kind: "team_lead" }] })]);
    await seedTickets(setup.db, { world, policy, count: 1000, deadline: at(HOUR), timers: { l1: at(HOUR), l2: at(HOUR + 30 * MINUTE) } });

    const clock = new ManualClock(at(3 * HOUR));
    const [one, two] = [await open(), await open()];
    const a = startTimerWorker({ database: one, clock, batchSize: 50, workerId: "a" });
    const b = startTimerWorker({ database: two, clock, batchSize: 50, workerId: "b" });
    try {
      await Promise.all([a.runOnce(), b.runOnce()]);
      // A batch may have left timers to the other worker's transaction; one more pass takes them.
      await a.runOnce();
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }

    const count = async (query: ReturnType<typeof sql>) => (await selectRows<{ n: number }>(setup, query))[0]?.n;
    expect(await count(sql`select count(*)::int as n from timers where state = 'fired'`)).toBe(2000);
    expect(await count(sql`select count(*)::int as n from timers where state <> 'fired'`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from ticket_events where type = 'escalation'`)).toBe(2000);
    expect(await count(sql`select count(distinct data->>'timerId')::int as n from ticket_events where type = 'escalation'`)).toBe(2000);
    // Léa (assignee) for l1 and Joost (team lead) for l2: one in-app and one e-mail row each.
    expect(await count(sql`select count(*)::int as n from outbox`)).toBe(4000);
    expect(await count(sql`select count(distinct (payload->'data'->>'timerId', agent_id))::int as n from outbox where kind = 'inapp'`)).toBe(2000);
    const byWorker = await selectRows<{ worker: string; n: number }>(
      setup,
      sql`select data->>'worker' as worker, count(*)::int as n from ticket_events where type = 'escalation' group by 1 order by 1`,
    );
    expect(byWorker.map((r) => r.worker)).toEqual(["a", "b"]);
    // Each ticket's level 1 before its level 2, and only the level 1 records the breach.
    const order = await selectRows<{ steps: string; breached: string }>(
      setup,
      sql`select string_agg(data->>'stepId', ',' order by id) as steps, string_agg(coalesce(data->>'breached', 'false'), ',' order by id) as breached from ticket_events where type = 'escalation' group by ticket_number`,
    );
    expect(order).toHaveLength(1000);
    expect(new Set(order.map((r) => `${r.steps} ${r.breached}`))).toEqual(new Set(["l1,l2 true,false"]));
  },
  120_000,
);
