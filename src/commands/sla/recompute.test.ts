// The bulk recompute on both databases: over a varied set of tickets (running, paused, met with a
// next response owed, breached with a fired step, opened before any policy, solved, switching
// policy by segment and by tag, a priority without targets given some, a calendar moved), it
// writes the same clocks, timers and events as recomputeTicket one by one (ids aside); it leaves
// a ticket another transaction holds, or a missing one, to the caller.

import { and, eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { describeStore, selectRows } from "../../../test/support/testDatabase.js";
import { createCalendar, insertPolicy, PARIS_OFFICE, STANDARD_MATRIX } from "../../../test/sla/slaFixtures.js";
import { addMessage, clockCache, createTicket, recomputeTicket, recomputeTickets, updateTicket } from "../../../test/support/commandsOnDb.js";
import type { Database } from "../../store/database.js";
import { calendarStore, customerStore, organizationStore } from "../../store/entities.js";
import { slaPolicies, timers } from "../../store/schema.js";

type Db = Database["db"];

// Monday 23 November 2026, 09:00 in Paris.
const T0 = new Date("2026-11-23T08:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const agent = { type: "agent" as const };
const customerActor = { type: "customer" as const };

/** Everything a recompute writes, ids aside, for the tickets `numbers`. */
async function snapshot(tx: Db, numbers: readonly number[]) {
  const list = sql`${`{${numbers.join(",")}}`}::bigint[]`;
  const rows = async (query: ReturnType<typeof sql>) => ((await tx.execute(query)) as unknown as { rows: unknown[] }).rows;
  return {
    clocks: await rows(sql`
      select ticket_number::int as number, target, cycle, policy_id, calendar_id, started_at::text, budget_seconds, pauses, state, due_at::text, stopped_at::text, updated_at::text
        from sla_clocks where ticket_number = any(${list}) order by ticket_number, target, cycle`),
    timers: await rows(sql`
      select t.ticket_number::int as number, c.target, c.cycle, t.step_id, t.kind, t.level, t.due_at::text, t.state, t.fired_at::text, t.created_at::text, t.updated_at::text
        from timers t join sla_clocks c on c.id = t.clock_id where t.ticket_number = any(${list}) order by t.ticket_number, c.target, c.cycle, t.step_id`),
    events: await rows(sql`
      select ticket_number::int as number, at::text, actor_type, actor_id, type, reason, data, changes
        from ticket_events where ticket_number = any(${list}) order by ticket_number, id`),
  };
}

class Rollback extends Error {}

/** What `work` leaves in a transaction that is then rolled back. */
async function rolledBack<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await db
    .transaction(async (tx) => {
      result = await work(tx as unknown as Db);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return result as T;
}

describeStore("bulk recompute", (get, kind) => {
  let db: Db;
  const numbers: Record<string, number> = {};
  let policyId: string;
  let calendarId: string;
  let orgId: string;

  beforeAll(async () => {
    db = get().db;
    const plain = (await customerStore.create(db, { name: "Claire", email: "claire@example.fr" }, T0)).id;
    orgId = (await organizationStore.create(db, { name: "Groot NV", segment: "standard" }, T0)).id;
    const member = (await customerStore.create(db, { name: "Daan", email: "daan@example.nl", organizationId: orgId }, T0)).id;
    const open = async (name: string, now: Date, customerId = plain, extra: Partial<Parameters<typeof createTicket>[1]> = {}) => {
      const { ticket } = await createTicket(db, {
        now,
        actor: { type: "customer", id: customerId },
        subject: `Ticket ${name}`,
        channel: "email",
        customerId,
        message: { text: "Bonjour" },
        ...extra,
      });
      numbers[name] = ticket.number;
      return ticket.number;
    };

    // Opened before any policy: no clocks at all, one paused meanwhile.
    await open("before", at(-600));
    const beforeHeld = await open("beforeHeld", at(-590));
    await updateTicket(db, { now: at(-560), actor: agent, number: beforeHeld, changes: { status: "on_hold" } });
    await addMessage(db, { now: at(-500), actor: customerActor, number: beforeHeld, text: "Toujours rien" });

    calendarId = await createCalendar(db, PARIS_OFFICE, T0);
    policyId = await insertPolicy(
      db,
      {
        name: "Standard",
        isDefault: true,
        position: 20,
        calendarId,
        targets: { normal: { first_response: 120, next_response: 240, resolution: 960 }, high: { first_response: 60, resolution: 480 } },
        matrix: { steps: STANDARD_MATRIX },
      },
      T0,
    );
    await insertPolicy(
      db,
      {
        name: "VIP",
        position: 5,
        conditions: {
          all: [
            { field: "segment", op: "is", value: "vip" },
            { field: "tags", op: "in", value: ["vip"] },
          ],
        },
        targets: { normal: { first_response: 30, resolution: 240 } },
        matrix: { steps: STANDARD_MATRIX.map((s) => ({ ...s, clock: "wall" as const })) },
      },
      T0,
    );

    await open("running", at(0));
    const paused = await open("paused", at(5));
    await updateTicket(db, { now: at(20), actor: agent, number: paused, changes: { status: "pending" } });
    const answered = await open("answered", at(10));
    await addMessage(db, { now: at(40), actor: agent, number: answered, text: "Bonjour, je regarde." });
    await addMessage(db, { now: at(60), actor: customerActor, number: answered, text: "Merci, et alors ?" });
    const breached = await open("breached", at(-2000), plain, { priority: "high" });
    await db
      .update(timers)
      .set({ state: "fired", firedAt: at(-1000), lagMs: 0 })
      .where(and(eq(timers.ticketNumber, breached), eq(timers.stepId, "level-1")));
    const solved = await open("solved", at(15));
    await updateTicket(db, { now: at(30), actor: agent, number: solved, changes: { status: "solved" } });
    await open("segment", at(25), member, { tags: ["vip"] });
    await open("tagged", at(30), plain, { tags: ["gold"] });
    const low = await open("low", at(35));
    await updateTicket(db, { now: at(50), actor: agent, number: low, changes: { priority: "low" } });
    const raised = await open("raised", at(45));
    await updateTicket(db, { now: at(70), actor: agent, number: raised, changes: { priority: "high" } });

    // What the recompute follows: a policy and a calendar edited, a segment changed, a new policy for a tag.
    await db
      .update(slaPolicies)
      .set({
        targets: {
          normal: { first_response: 90, next_response: 240, resolution: 960 },
          high: { first_response: 60, resolution: 480 },
          low: { first_response: 240, resolution: 1920 },
        },
      })
      .where(eq(slaPolicies.id, policyId));
    await calendarStore.update(db, calendarId, { spec: { ...PARIS_OFFICE, hours: { ...PARIS_OFFICE.hours, mon: [["08:00", "18:00"]] } } }, at(80));
    await organizationStore.update(db, orgId, { segment: "vip" }, at(80));
    await insertPolicy(
      db,
      {
        name: "Gold",
        position: 1,
        conditions: { all: [{ field: "tags", op: "in", value: ["gold"] }] },
        targets: { normal: { first_response: 45, resolution: 600 } },
        matrix: { steps: STANDARD_MATRIX },
      },
      at(80),
    );
  }, 60_000);

  it("writes the same clocks, timers and events as recomputing each ticket alone", async () => {
    const all = Object.values(numbers).sort((a, b) => a - b);
    const now = at(100);
    const before = await snapshot(db, all);
    const alone = await rolledBack(db, async (tx) => {
      const cache = clockCache();
      for (const number of all) await recomputeTicket(tx, number, now, cache);
      return snapshot(tx, all);
    });
    const bulk = await rolledBack(db, async (tx) => {
      const result = await recomputeTickets(tx, all, now, clockCache());
      expect(result).toEqual({ done: all, left: [] });
      return snapshot(tx, all);
    });
    expect(bulk).toEqual(alone);

    // Not a vacuous comparison: every kind of change is there.
    expect(alone.events.length).toBeGreaterThan(before.events.length);
    const added = (alone.events as { number: number; type: string; data: { rebuilt?: boolean; policyName?: string } }[]).filter(
      (e) => !before.events.some((b) => JSON.stringify(b) === JSON.stringify(e)),
    );
    const of = (name: string) => added.filter((e) => e.number === numbers[name]);
    expect(of("before").map((e) => [e.type, e.data.rebuilt ?? e.data.policyName])).toEqual([
      ["sla_policy", "Standard"],
      ["sla", true],
    ]);
    expect(of("beforeHeld").map((e) => e.type)).toEqual(["sla_policy", "sla"]);
    expect(of("segment").map((e) => [e.type, e.data.policyName ?? null])).toEqual([
      ["sla_policy", "VIP"],
      ["sla", null],
    ]);
    expect(of("tagged")[0]).toMatchObject({ type: "sla_policy", data: { policyName: "Gold" } });
    expect(of("low").at(-1)).toMatchObject({ type: "sla", data: { rebuilt: true } });
    expect(of("solved")).toEqual([]);
    expect(
      (alone.timers as { number: number; step_id: string; state: string }[]).some(
        (t) => t.number === numbers.breached && t.step_id === "level-1" && t.state === "fired",
      ),
    ).toBe(true);

    // A second pass over what the bulk wrote changes nothing, on either path.
    await db.transaction((tx) => recomputeTickets(tx as unknown as Db, all, now));
    const written = await snapshot(db, all);
    expect(written).toEqual(alone);
    await db.transaction((tx) => recomputeTickets(tx as unknown as Db, all, at(101)));
    expect(await snapshot(db, all)).toEqual(written);
  });

  it("leaves to the caller a ticket another transaction holds, and a missing one", async () => {
    const held = numbers.running as number;
    const others = [numbers.paused as number, numbers.answered as number];
    const missing = 999_999;
    await db
      .update(slaPolicies)
      .set({ targets: { normal: { first_response: 75, next_response: 240, resolution: 960 } } })
      .where(eq(slaPolicies.id, policyId));
    if (kind === "pglite") {
      // One connection: no other transaction can hold a ticket; a missing one goes the same way.
      const result = await db.transaction((tx) => recomputeTickets(tx as unknown as Db, [...others, missing], at(110)));
      expect(result).toEqual({ done: others, left: [missing] });
      return;
    }
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
    try {
      const result = await db.transaction((tx) => recomputeTickets(tx as unknown as Db, [held, ...others, missing], at(110)));
      expect(result).toEqual({ done: others, left: [held, missing] });
    } finally {
      release();
      await holder;
    }
    const touched = await selectRows<{ number: number }>(
      get(),
      sql`select distinct ticket_number::int as number from sla_clocks where updated_at = ${at(110).toISOString()}::timestamptz`,
    );
    expect(touched.map((r) => r.number)).toContain(others[0]);
    expect(touched.map((r) => r.number)).not.toContain(held);
  });
});
