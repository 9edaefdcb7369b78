// The recompute worker and a ticket a user's transaction holds, on PostgreSQL (PGlite has one
// connection: no other transaction can hold a ticket there). The bulk skips the held ticket; the
// worker then waits for it, alone, before its cursor passes it: the job ends with every ticket
// recomputed, the held one included.

import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, postgresGiven, selectRows, type TestDatabase } from "../../../test/support/testDatabase.js";
import { insertPolicy } from "../../../test/sla/slaFixtures.js";
import { ManualClock } from "../../core/clock.js";
import type { Db } from "../../store/database.js";
import { getJob, queueRecompute } from "../../store/jobs.js";
import { slaPolicies } from "../../store/schema.js";
import { buildCustomer, buildTicket } from "../../../test/support/factories.js";
import { ticketClocks } from "../../store/sla/ticketClockViews.js";
import { startRecomputeWorker } from "./recomputeWorker.js";

const MINUTE = 60_000;

// Two connections hold and wait: PostgreSQL only, where TEST_DATABASE_URL is given (always in CI).
describe.skipIf(!postgresGiven())("recompute worker and a ticket held by another transaction (postgres)", () => {
  let store: TestDatabase;
  beforeAll(async () => {
    store = await openTestDatabase("postgres");
  }, 60_000);
  afterAll(() => store?.drop());

  it("leaves the held ticket out of the bulk, then waits for it before moving the cursor past it", async () => {
    const { db } = store.database;
    const clock = new ManualClock(new Date("2026-11-23T09:00:00Z"));
    const policyId = await insertPolicy(db, { name: "Standard", isDefault: true, targets: { normal: { first_response: 60, resolution: 480 } } }, clock.now());
    const customerId = (await buildCustomer(db, { now: clock.now() })).id;
    const numbers: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { ticket } = await buildTicket(db, { now: clock.now(), actor: { type: "system" }, customerId });
      numbers.push(ticket.number);
    }
    const job = await db.transaction(async (tx) => {
      await tx
        .update(slaPolicies)
        .set({ targets: { normal: { first_response: 40, resolution: 480 } } })
        .where(eq(slaPolicies.id, policyId));
      return queueRecompute(tx as unknown as Db, "policy edited", clock.now());
    });
    const held = numbers[2] as number;

    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding: () => void = () => undefined;
    const holds = new Promise<void>((resolve) => (holding = resolve));
    const holder = db.transaction(async (tx) => {
      await tx.execute(sql`select number from tickets where number = ${held} for update`);
      holding();
      await released;
    });
    await holds;

    const errors: string[] = [];
    const worker = startRecomputeWorker({ database: store.database, clock, batchSize: 10, pollMs: 60_000, onError: (error) => errors.push(error.message) });
    try {
      // The worker comes to wait for the held ticket's lock: the others are done, not committed.
      let waiting = false;
      for (let i = 0; i < 200 && !waiting; i++) {
        const rows = await selectRows<{ n: number }>(
          store.database,
          sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        );
        waiting = (rows[0]?.n ?? 0) > 0;
        if (!waiting) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(waiting).toBe(true);
      expect(await getJob(db, job.id)).toMatchObject({ state: "running", done: 0 });
    } finally {
      release();
      await holder;
      await worker.runOnce();
      await worker.stop();
    }
    expect(errors).toEqual([]);
    expect(await getJob(db, job.id)).toMatchObject({ state: "done", done: numbers.length, total: numbers.length, error: null });
    for (const number of numbers) {
      const first = (await ticketClocks(db, number, clock.now())).find((c) => c.target === "first_response")!;
      expect(first.dueAt!.getTime()).toBe(first.startedAt.getTime() + 40 * MINUTE);
    }
  });
});
