// The timer worker on a manual clock: a step fires once at its due instant, obsolete timers
// never fire, missed steps fire in order after downtime, and the worker wakes on NOTIFY, on
// the manual clock moving, and at a system-clock due instant.

import { sql } from "drizzle-orm";
import { afterEach, beforeAll, expect, it, vi } from "vitest";
import { ManualClock } from "../../src/core/clock.js";
import type { Db } from "../../src/store/database.js";
import { startTimerWorker, type TimerWorker } from "../../src/engine/timers/timerWorker.js";
import { describeStore, selectRows } from "../support/testDatabase.js";
import { HOUR, MINUTE, START, addPolicy, at, seedTickets, seedWorld, step, type World } from "./support/timerFixtures.js";

interface TimerRow {
  id: number;
  step_id: string;
  state: string;
  lag_ms: number | null;
  fired_at: Date | null;
}
interface EventRow {
  id: number;
  reason: string;
  data: Record<string, unknown>;
}

describeStore("timer worker", (get) => {
  let db: Db;
  let world: World;
  const workers: TimerWorker[] = [];
  const start = (clock: ManualClock | { now(): Date }, extra: { batchSize?: number; pollMs?: number } = {}) => {
    const worker = startTimerWorker({ database: get(), clock, pollMs: 60_000, ...extra });
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    db = get().db;
    world = await seedWorld(db);
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    // Each test starts from nothing pending.
    await db.execute(sql`update timers set state = 'cancelled' where state = 'pending'`);
  });

  const timersOf = (number: number) =>
    selectRows<TimerRow>(
      get(),
      sql`select id::int, step_id, state, lag_ms::float8 as lag_ms, fired_at from timers where ticket_number = ${number} order by due_at, id`,
    );
  const escalations = (number: number) =>
    selectRows<EventRow>(get(), sql`select id::int, reason, data from ticket_events where ticket_number = ${number} and type = 'escalation' order by id`);
  const count = async (query: ReturnType<typeof sql>) => (await selectRows<{ n: number }>(get(), query))[0]?.n;

  it("fires a step once at its due instant on the manual clock, with its lag", async () => {
    const policy = await addPolicy(db, [step({ id: "l1" })]);
    const due = at(HOUR);
    const [ticket] = await seedTickets(db, { world, policy, count: 1, deadline: due, timers: { l1: due } });
    const number = ticket?.number as number;
    const clock = new ManualClock(START);
    const worker = start(clock);

    clock.set(new Date(due.getTime() - 1));
    expect(await worker.runOnce()).toBe(0);
    expect((await timersOf(number))[0]?.state).toBe("pending");

    // The worker sleeps on the manual clock: moving it past the due instant wakes it.
    clock.set(new Date(due.getTime() + 250));
    await vi.waitFor(async () => expect((await timersOf(number))[0]?.state).toBe("fired"), { timeout: 10_000, interval: 20 });
    const [timer] = await timersOf(number);
    expect(timer).toMatchObject({ lag_ms: 250 });
    expect(new Date(timer?.fired_at as Date).getTime()).toBe(due.getTime() + 250);
    const events = await escalations(number);
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toMatchObject({ stepId: "l1", kind: "level", level: 1, lagMs: 250, late: false, breached: true, policyName: policy.name });
    expect(events[0]?.reason).toBe(`Level 1 of ${policy.name}: first response deadline reached`);

    clock.advance(HOUR);
    expect(await worker.runOnce()).toBe(0);
    expect(await escalations(number)).toHaveLength(1);
    expect(await count(sql`select count(*)::int as n from outbox where ticket_number = ${number}`)).toBe(2);
  });

  it("never fires a cancelled timer", async () => {
    const policy = await addPolicy(db, [step({ id: "l1" })]);
    const [ticket] = await seedTickets(db, { world, policy, count: 1, deadline: at(HOUR), timers: { l1: at(HOUR) } });
    await db.execute(sql`update timers set state = 'cancelled' where ticket_number = ${ticket?.number}`);
    const clock = new ManualClock(at(2 * HOUR));
    expect(await start(clock).runOnce()).toBe(0);
    expect((await timersOf(ticket?.number as number))[0]).toMatchObject({ state: "cancelled", fired_at: null });
    expect(await escalations(ticket?.number as number)).toHaveLength(0);
  });

  it("cancels instead of firing a timer whose clock no longer runs or whose step left the policy", async () => {
    const policy = await addPolicy(db, [step({ id: "l1" })]);
    const [met] = await seedTickets(db, { world, policy, count: 1, deadline: at(HOUR), timers: { l1: at(HOUR) }, clockState: "met" });
    const [paused] = await seedTickets(db, { world, policy, count: 1, deadline: at(HOUR), timers: { l1: at(HOUR) }, clockState: "paused" });
    const [gone] = await seedTickets(db, { world, policy, count: 1, deadline: at(HOUR), timers: { l9: at(HOUR) } });
    const worker = start(new ManualClock(at(2 * HOUR)));
    expect(await worker.runOnce()).toBe(0);
    for (const ticket of [met, paused, gone]) {
      expect((await timersOf(ticket?.number as number))[0]).toMatchObject({ state: "cancelled", fired_at: null });
      expect(await escalations(ticket?.number as number)).toHaveLength(0);
    }
  });

  it("fires every step missed during 10 hours of downtime, oldest first, late, once", async () => {
    const deadline = at(HOUR);
    const steps = [
      step({ id: "r1", kind: "reminder", level: 0, offsetMinutes: 30 }),
      step({ id: "l1" }),
      step({ id: "l2", level: 2, offsetMinutes: 60, recipients: [{ kind: "team_lead" }] }),
      step({ id: "l3", level: 3, offsetMinutes: 240, recipients: [{ kind: "assignee_manager" }] }),
      step({ id: "l4", level: 4, offsetMinutes: 720 }),
    ];
    const policy = await addPolicy(db, steps);
    const timers = { r1: at(30 * MINUTE), l1: deadline, l2: at(2 * HOUR), l3: at(5 * HOUR), l4: at(13 * HOUR) };
    const tickets = await seedTickets(db, { world, policy, count: 3, deadline, timers });
    // Nobody ran while the clock went from START to START + 10 h; a worker starts afterwards.
    const clock = new ManualClock(START);
    clock.advance(10 * HOUR);
    start(clock);
    for (const ticket of tickets) {
      await vi.waitFor(async () => expect(await escalations(ticket.number)).toHaveLength(4), { timeout: 10_000, interval: 20 });
      const events = await escalations(ticket.number);
      expect(events.map((e) => e.data.stepId)).toEqual(["r1", "l1", "l2", "l3"]);
      for (const event of events) {
        const due = timers[event.data.stepId as keyof typeof timers];
        expect(event.data).toMatchObject({ late: true, lagMs: at(10 * HOUR).getTime() - due.getTime(), firedAt: at(10 * HOUR).toISOString() });
        expect(event.reason).toMatch(/late(;|$)/);
      }
      expect(events.map((e) => e.data.breached ?? false)).toEqual([false, true, false, false]);
      // The reminder came past due: not sent. Levels 1 to 3 came together: one notice per person, from level 3.
      expect(events.map((e) => (e.data.catchUp as { why: string } | undefined)?.why)).toEqual(["past_due", "notice_with", "notice_with", "notice_for"]);
      expect(events[3]?.reason).toBe(
        `Level 3 of ${policy.name}: first response overdue by 9 h 00; fired 5 h 00 late; one notice per person for level 1 (first response), level 2 (first response) too`,
      );
      expect((await timersOf(ticket.number)).map((t) => t.state)).toEqual(["fired", "fired", "fired", "fired", "pending"]);
    }
    expect(await start(clock).runOnce()).toBe(0);
    for (const ticket of tickets) expect(await escalations(ticket.number)).toHaveLength(4);
  });

  it("fires more timers than one batch holds", async () => {
    const policy = await addPolicy(db, [step({ id: "l1" }), step({ id: "l2", level: 2, offsetMinutes: 10 })]);
    const tickets = await seedTickets(db, { world, policy, count: 20, deadline: at(HOUR), timers: { l1: at(HOUR), l2: at(HOUR + 10 * MINUTE) } });
    const worker = start(new ManualClock(at(3 * HOUR)), { batchSize: 7 });
    await worker.runOnce();
    const numbers = tickets.map((t) => t.number);
    expect(
      await count(sql`select count(*)::int as n from ticket_events where type = 'escalation' and ticket_number = any(${sql.param(numbers)}::bigint[])`),
    ).toBe(40);
    expect(await count(sql`select count(*)::int as n from timers where state = 'pending' and ticket_number = any(${sql.param(numbers)}::bigint[])`)).toBe(0);
  });

  it("wakes on NOTIFY for a timer written while it sleeps", async () => {
    const policy = await addPolicy(db, [step({ id: "l1" })]);
    const clock = new ManualClock(at(2 * HOUR));
    const worker = start(clock);
    await worker.runOnce();
    // Written (and notified) while the worker sleeps for a minute: only the notification wakes it.
    const [ticket] = await seedTickets(db, { world, policy, count: 1, deadline: at(HOUR), timers: { l1: at(HOUR) } });
    await vi.waitFor(async () => expect(await escalations(ticket?.number as number)).toHaveLength(1), { timeout: 10_000, interval: 20 });
  });

  it("sleeps on the system clock until the earliest due instant", async () => {
    const policy = await addPolicy(db, [step({ id: "l1" })]);
    const systemClock = { now: () => new Date() };
    start(systemClock);
    const due = new Date(Date.now() + 300);
    const [ticket] = await seedTickets(db, { world, policy, count: 1, deadline: due, timers: { l1: due } });
    await vi.waitFor(async () => expect((await timersOf(ticket?.number as number))[0]?.state).toBe("fired"), { timeout: 10_000, interval: 20 });
    const [timer] = await timersOf(ticket?.number as number);
    expect(new Date(timer?.fired_at as Date).getTime()).toBeGreaterThanOrEqual(due.getTime());
  });
});
