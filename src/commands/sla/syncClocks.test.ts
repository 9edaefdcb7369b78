import { and, eq, sql } from "drizzle-orm";
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { describeStore, selectRows } from "../../../test/support/testDatabase.js";
import { insertPolicy, STANDARD_MATRIX } from "../../../test/sla/slaFixtures.js";
import { addMessage, createTicket, recomputeTicket, updateTicket } from "../../../test/support/commandsOnDb.js";
import type { Database } from "../../store/database.js";
import { customerStore, organizationStore } from "../../store/entities.js";
import { listEvents } from "../../store/events.js";
import { slaPolicies, timers } from "../../store/schema.js";
import { TIMERS_CHANNEL } from "../../store/sla/clockRows.js";
import { ticketClocks } from "../../store/sla/ticketClockViews.js";

const T0 = new Date("2026-11-23T09:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const WALL_TARGETS = { normal: { first_response: 60, next_response: 120, resolution: 480 }, high: { first_response: 30, resolution: 240 } };

describeStore("ticket clocks", (get) => {
  let db: Database["db"];
  const agent = { type: "agent" as const };

  beforeAll(() => {
    db = get().db;
  });

  /** A customer of its own and a wall-clock policy matching only it, so tests do not meet each other's policies. */
  async function setUp(name: string, policy: Partial<Parameters<typeof insertPolicy>[1]> = {}) {
    const customerId = (await customerStore.create(db, { name, email: `${name.toLowerCase().replace(/\W/g, "")}@example.fr` }, T0)).id;
    const policyId = await insertPolicy(
      db,
      {
        name: `${name} policy`,
        conditions: { all: [{ field: "customer", op: "is", value: customerId }] },
        targets: WALL_TARGETS,
        matrix: { steps: STANDARD_MATRIX.map((s) => ({ ...s, clock: "wall" as const })) },
        ...policy,
      },
      T0,
    );
    const open = (now = T0, extra: Partial<Parameters<typeof createTicket>[1]> = {}) =>
      createTicket(db, {
        now,
        actor: { type: "customer", id: customerId },
        subject: `Demande de ${name}`,
        channel: "email",
        customerId,
        message: { text: "Bonjour" },
        ...extra,
      });
    return { customerId, policyId, open };
  }

  const timersOf = (number: number) => db.select().from(timers).where(eq(timers.ticketNumber, number)).orderBy(timers.dueAt, timers.id);

  it("keeps no clock and records no SLA event while there is no policy at all", async () => {
    const customerId = (await customerStore.create(db, { name: "Avant tout", email: "avant@example.fr" }, T0)).id;
    const { ticket } = await createTicket(db, {
      now: T0,
      actor: { type: "customer", id: customerId },
      subject: "Première demande",
      channel: "web",
      customerId,
      message: { text: "Bonjour" },
    });
    await addMessage(db, { now: at(5), actor: agent, number: ticket.number, text: "Bonjour !" });
    await updateTicket(db, { now: at(6), actor: agent, number: ticket.number, changes: { status: "pending", priority: "high" } });
    expect((await listEvents(db, ticket.number)).map((e) => e.type)).toEqual(["created", "message", "message", "updated", "updated"]);
    expect(await ticketClocks(db, ticket.number, at(7))).toEqual([]);
    expect(await timersOf(ticket.number)).toEqual([]);
  });

  it("starts first response and resolution at creation, says which policy and why, and plans the matrix", async () => {
    const { customerId, policyId, open } = await setUp("Camille");
    const { ticket } = await open();
    const events = await listEvents(db, ticket.number);
    expect(events.map((e) => e.type)).toEqual(["created", "message", "sla_policy", "sla"]);
    expect(events[2]).toMatchObject({
      reason: `customer is ${customerId}`,
      data: { policyId, policyName: "Camille policy", match: { cause: "conditions", all: [{ field: "customer", op: "is", value: customerId }], any: [] } },
    });
    expect(events[3]?.data).toEqual({
      cause: { cause: "ticket_created" },
      changes: [
        { target: "first_response", cycle: 1, change: "started", dueAt: at(60).toISOString() },
        { target: "resolution", cycle: 1, change: "started", dueAt: at(480).toISOString() },
      ],
    });
    const clocks = await ticketClocks(db, ticket.number, at(10));
    expect(clocks.map((c) => [c.target, c.state, c.dueAt, c.elapsedSeconds, c.remainingSeconds, c.breached])).toEqual([
      ["first_response", "running", at(60), 600, 3000, false],
      ["resolution", "running", at(480), 600, 28200, false],
    ]);
    expect(clocks[0]?.timers.map((t) => [t.stepId, t.dueAt, t.state])).toEqual([
      ["reminder", at(30), "pending"],
      ["level-1", at(60), "pending"],
      ["level-2", at(120), "pending"],
      ["level-3", at(180), "pending"],
      ["level-4", at(300), "pending"],
    ]);
    expect(clocks[1]?.timers.map((t) => t.dueAt)).toEqual([at(450), at(480), at(540), at(600), at(720)]);
  });

  it("meets the first response at the first public reply and cancels its timers; an internal note is no response", async () => {
    const { open } = await setUp("Bastien");
    const { ticket } = await open();
    await addMessage(db, { now: at(10), actor: agent, number: ticket.number, kind: "note", text: "Je regarde" });
    expect((await ticketClocks(db, ticket.number, at(10)))[0]?.state).toBe("running");
    await addMessage(db, { now: at(70), actor: agent, number: ticket.number, text: "Bonjour, c'est fait." });
    const [first] = await ticketClocks(db, ticket.number, at(80));
    expect(first).toMatchObject({
      target: "first_response",
      state: "met",
      stoppedAt: at(70),
      breached: true,
      lateBySeconds: 600,
      elapsedSeconds: 4200,
      remainingSeconds: 0,
    });
    expect(first?.timers.map((t) => t.state)).toEqual(["cancelled", "cancelled", "cancelled", "cancelled", "cancelled"]);
    const sla = (await listEvents(db, ticket.number)).filter((e) => e.type === "sla").at(-1);
    expect(sla).toMatchObject({
      actorType: "agent",
      reason: "agent replied",
      data: { changes: [{ target: "first_response", change: "met", lateBySeconds: 600 }] },
    });
  });

  it("counts a note as a response when the policy says so", async () => {
    const { open } = await setUp("Noémie", { noteCountsAsResponse: true });
    const { ticket } = await open();
    await addMessage(db, { now: at(10), actor: agent, number: ticket.number, kind: "note", text: "Appelée au téléphone" });
    expect((await ticketClocks(db, ticket.number, at(10)))[0]).toMatchObject({ state: "met", breached: false, lateBySeconds: null });
  });

  it("pauses while pending, cancelling the timers, and replans them later by the time spent pending", async () => {
    const { open } = await setUp("Pauline");
    const { ticket } = await open();
    await updateTicket(db, { now: at(20), actor: agent, number: ticket.number, changes: { status: "pending" } });
    const paused = await ticketClocks(db, ticket.number, at(50));
    expect(paused.map((c) => [c.state, c.dueAt, c.elapsedSeconds])).toEqual([
      ["paused", null, 1200],
      ["paused", null, 1200],
    ]);
    expect((await timersOf(ticket.number)).every((t) => t.state === "cancelled")).toBe(true);
    await addMessage(db, { now: at(50), actor: { type: "customer" }, number: ticket.number, text: "Voici la facture" });
    const resumed = await ticketClocks(db, ticket.number, at(50));
    expect(resumed.map((c) => [c.target, c.state, c.dueAt])).toEqual([
      ["first_response", "running", at(90)],
      ["resolution", "running", at(510)],
    ]);
    expect(resumed[0]?.pauses).toEqual([[at(20), at(50)]]);
    expect(resumed[0]?.timers.map((t) => [t.stepId, t.dueAt, t.state])[0]).toEqual(["reminder", at(60), "pending"]);
  });

  it("never touches a fired timer again, whatever the clock does next", async () => {
    const { open } = await setUp("Fabien");
    const { ticket } = await open();
    await db
      .update(timers)
      .set({ state: "fired", firedAt: at(31), lagMs: 60_000 })
      .where(and(eq(timers.ticketNumber, ticket.number), eq(timers.stepId, "reminder"), eq(timers.dueAt, at(30))));
    await updateTicket(db, { now: at(40), actor: agent, number: ticket.number, changes: { priority: "high" } });
    const [first] = await ticketClocks(db, ticket.number, at(40));
    expect(first?.dueAt).toEqual(at(30));
    expect(first?.timers.find((t) => t.stepId === "reminder")).toMatchObject({ state: "fired", dueAt: at(30), firedAt: at(31), lagMs: 60_000 });
    await updateTicket(db, { now: at(45), actor: agent, number: ticket.number, changes: { status: "pending" } });
    await updateTicket(db, { now: at(50), actor: agent, number: ticket.number, changes: { status: "open" } });
    const states = (await timersOf(ticket.number)).filter((t) => t.stepId === "reminder").map((t) => t.state);
    expect(states).toEqual(["fired", "pending"]);
  });

  it("switches policy when the ticket comes to match another, keeping its start and elapsed time", async () => {
    const { customerId, open } = await setUp("Victor");
    const orgId = (await organizationStore.create(db, { name: "Victor SA", segment: "vip" }, T0)).id;
    const vipId = await insertPolicy(
      db,
      {
        name: "Victor VIP",
        position: 1,
        conditions: {
          all: [
            { field: "segment", op: "is", value: "vip" },
            { field: "tags", op: "in", value: ["victor"] },
          ],
        },
        targets: { normal: { first_response: 20, resolution: 120 } },
      },
      T0,
    );
    await customerStore.update(db, customerId, { organizationId: orgId }, T0);
    const { ticket } = await open();
    await updateTicket(db, { now: at(10), actor: agent, number: ticket.number, changes: { tags: ["victor"] } });
    const clocks = await ticketClocks(db, ticket.number, at(10));
    expect(clocks.map((c) => [c.policyName, c.startedAt, c.dueAt, c.elapsedSeconds])).toEqual([
      ["Victor VIP", T0, at(20), 600],
      ["Victor VIP", T0, at(120), 600],
    ]);
    const policyEvents = (await listEvents(db, ticket.number)).filter((e) => e.type === "sla_policy");
    expect(policyEvents.at(-1)).toMatchObject({ reason: "segment is vip; tags in victor", data: { policyId: vipId, policyName: "Victor VIP" } });
    await db.update(slaPolicies).set({ active: false }).where(eq(slaPolicies.id, vipId));
  });

  it("follows an edited policy when recomputed, and cancels the clocks when no policy applies any more", async () => {
    const { policyId, open } = await setUp("Rémi");
    const { ticket } = await open();
    await db
      .update(slaPolicies)
      .set({ targets: { normal: { first_response: 90, resolution: 480 } } })
      .where(eq(slaPolicies.id, policyId));
    await db.transaction((tx) => recomputeTicket(tx as unknown as typeof db, ticket.number, at(15)));
    expect((await ticketClocks(db, ticket.number, at(15)))[0]?.dueAt).toEqual(at(90));
    expect((await listEvents(db, ticket.number)).at(-1)?.data).toEqual({
      cause: { cause: "ticket_changed" },
      changes: [{ target: "first_response", cycle: 1, change: "due_changed", dueAt: at(90).toISOString() }],
    });
    await db.update(slaPolicies).set({ active: false }).where(eq(slaPolicies.id, policyId));
    await db.transaction((tx) => recomputeTicket(tx as unknown as typeof db, ticket.number, at(20)));
    expect((await ticketClocks(db, ticket.number, at(20))).map((c) => c.state)).toEqual(["cancelled", "cancelled"]);
    expect((await timersOf(ticket.number)).every((t) => t.state === "cancelled")).toBe(true);
    const events = await listEvents(db, ticket.number);
    expect(events.filter((e) => e.type === "sla_policy").at(-1)).toMatchObject({
      actorType: "system",
      reason: "no policy applies",
      data: { policyId: null, match: { cause: "none" } },
    });
  });

  it("writes the clocks with the ticket change: a failed change leaves them as they were", async () => {
    const { open } = await setUp("Inès");
    const { ticket } = await open();
    await expect(
      updateTicket(db, { now: at(5), actor: agent, number: ticket.number, changes: { status: "pending", teamId: "00000000-0000-4000-8000-000000000000" } }),
    ).rejects.toThrow("teamId");
    expect((await ticketClocks(db, ticket.number, at(5))).map((c) => c.state)).toEqual(["running", "running"]);
  });

  describe("rebuilding clocks from the history", () => {
    /** A customer of its own whose tickets no policy matches yet; `cover()` adds the wall-clock policy that does. */
    async function before(name: string) {
      const customerId = (await customerStore.create(db, { name, email: `${name.toLowerCase().replace(/\W/g, "")}@example.be` }, T0)).id;
      const cover = (targets: Parameters<typeof insertPolicy>[1]["targets"] = WALL_TARGETS) =>
        insertPolicy(
          db,
          {
            name: `${name} policy`,
            conditions: { all: [{ field: "customer", op: "is", value: customerId }] },
            targets,
            matrix: { steps: STANDARD_MATRIX.map((s) => ({ ...s, clock: "wall" as const })) },
          },
          T0,
        );
      const open = (now = T0) =>
        createTicket(db, {
          now,
          actor: { type: "customer", id: customerId },
          subject: `Demande de ${name}`,
          channel: "email",
          customerId,
          message: { text: "Bonjour" },
        });
      return { customerId, cover, open };
    }
    const recompute = (number: number, now: Date) => db.transaction((tx) => recomputeTicket(tx as unknown as typeof db, number, now));

    it("gives a ticket opened before its policy the clocks its history leaves, its pauses kept and its past steps due at once", async () => {
      const { cover, open } = await before("Anouk");
      const { ticket } = await open();
      await updateTicket(db, { now: at(20), actor: agent, number: ticket.number, changes: { status: "pending" } });
      await addMessage(db, { now: at(50), actor: { type: "customer" }, number: ticket.number, text: "Voici la facture" });
      expect(await ticketClocks(db, ticket.number, at(60))).toEqual([]);

      await cover();
      await recompute(ticket.number, at(200));
      const clocks = await ticketClocks(db, ticket.number, at(200));
      expect(clocks.map((c) => [c.target, c.state, c.startedAt, c.dueAt, c.pauses, c.breached])).toEqual([
        ["first_response", "running", T0, at(90), [[at(20), at(50)]], true],
        ["resolution", "running", T0, at(510), [[at(20), at(50)]], false],
      ]);
      // Steps due before the clocks appeared are pending, to fire at once and late.
      expect(clocks[0]?.timers.map((t) => [t.stepId, t.dueAt, t.state])).toEqual([
        ["reminder", at(60), "pending"],
        ["level-1", at(90), "pending"],
        ["level-2", at(150), "pending"],
        ["level-3", at(210), "pending"],
        ["level-4", at(330), "pending"],
      ]);
      const events = await listEvents(db, ticket.number);
      expect(events.at(-1)).toMatchObject({
        type: "sla",
        actorType: "system",
        reason: "clocks rebuilt from history",
        data: {
          cause: { cause: "clocks_rebuilt" },
          rebuilt: true,
          changes: [
            { target: "first_response", cycle: 1, change: "started", dueAt: at(90).toISOString() },
            { target: "resolution", cycle: 1, change: "started", dueAt: at(510).toISOString() },
          ],
        },
      });
      expect(events.at(-2)).toMatchObject({ type: "sla_policy", data: { policyName: "Anouk policy" } });

      // Covered now: a second recompute changes nothing and says nothing.
      await recompute(ticket.number, at(210));
      expect(await listEvents(db, ticket.number)).toHaveLength(events.length);
      expect(await ticketClocks(db, ticket.number, at(200))).toEqual(clocks);
    });

    it("meets from the history what was answered before the policy, and starts the next-response cycle the customer waits on", async () => {
      const { cover, open } = await before("Jens");
      const { ticket } = await open();
      await addMessage(db, { now: at(70), actor: agent, number: ticket.number, text: "Bonjour, je regarde." });
      await addMessage(db, { now: at(100), actor: { type: "customer" }, number: ticket.number, text: "Merci, et alors ?" });
      await cover();
      await recompute(ticket.number, at(130));
      const clocks = await ticketClocks(db, ticket.number, at(130));
      expect(clocks.map((c) => [c.target, c.cycle, c.state, c.dueAt, c.lateBySeconds])).toEqual([
        ["first_response", 1, "met", at(60), 600],
        ["next_response", 1, "running", at(220), null],
        ["resolution", 1, "running", at(480), null],
      ]);
      const sla = (await listEvents(db, ticket.number)).at(-1);
      expect(sla?.data).toMatchObject({
        rebuilt: true,
        changes: [
          { target: "first_response", change: "met", lateBySeconds: 600 },
          { target: "resolution", change: "started" },
          { target: "next_response", change: "started" },
        ],
      });
    });

    it("brings back a clock cancelled for a priority without that target once the policy sets one, on the same clock: a fired step does not fire again", async () => {
      const { cover, open } = await before("Sanne");
      const policyId = await cover();
      const { ticket } = await open();
      await db
        .update(timers)
        .set({ state: "fired", firedAt: at(30), lagMs: 0 })
        .where(and(eq(timers.ticketNumber, ticket.number), eq(timers.stepId, "reminder"), eq(timers.dueAt, at(30))));
      await updateTicket(db, { now: at(40), actor: agent, number: ticket.number, changes: { priority: "low" } });
      expect((await ticketClocks(db, ticket.number, at(40))).map((c) => c.state)).toEqual(["cancelled", "cancelled"]);

      await db
        .update(slaPolicies)
        .set({ targets: { ...WALL_TARGETS, low: { first_response: 120, resolution: 960 } } })
        .where(eq(slaPolicies.id, policyId));
      await recompute(ticket.number, at(45));
      const clocks = await ticketClocks(db, ticket.number, at(45));
      expect(clocks.map((c) => [c.target, c.state, c.startedAt, c.dueAt, c.budgetSeconds])).toEqual([
        ["first_response", "running", T0, at(120), 7200],
        ["resolution", "running", T0, at(960), 57_600],
      ]);
      expect(clocks[0]?.timers.map((t) => [t.stepId, t.dueAt, t.state])).toEqual([
        ["reminder", at(30), "fired"],
        ["level-1", at(120), "pending"],
        ["level-2", at(180), "pending"],
        ["level-3", at(240), "pending"],
        ["level-4", at(360), "pending"],
      ]);
      expect((await listEvents(db, ticket.number)).at(-1)?.data).toMatchObject({
        rebuilt: true,
        changes: [
          { target: "first_response", change: "resumed" },
          { target: "resolution", change: "resumed" },
        ],
      });
    });

    it("leaves a solved ticket's clocks and the clocks that cover the policy to carry over", async () => {
      const { cover, open } = await before("Wout");
      const policyId = await cover({ normal: { resolution: 480 } });
      const { ticket } = await open();
      await db
        .update(slaPolicies)
        .set({ targets: { normal: { resolution: 300 } } })
        .where(eq(slaPolicies.id, policyId));
      await recompute(ticket.number, at(10));
      // Resolution carried over (due moved); first response is not measured: nothing rebuilt.
      expect((await listEvents(db, ticket.number)).at(-1)).toMatchObject({
        reason: "ticket or policy changed",
        data: { changes: [{ target: "resolution", change: "due_changed" }] },
      });
      await updateTicket(db, { now: at(20), actor: agent, number: ticket.number, changes: { status: "solved" } });
      await db.update(slaPolicies).set({ targets: WALL_TARGETS }).where(eq(slaPolicies.id, policyId));
      const count = (await listEvents(db, ticket.number)).length;
      await recompute(ticket.number, at(30));
      expect(await listEvents(db, ticket.number)).toHaveLength(count);
      expect((await ticketClocks(db, ticket.number, at(30))).map((c) => [c.target, c.state])).toEqual([["resolution", "met"]]);
    });
  });

  describe("the first message of a ticket opened by an intake", () => {
    it("is the customer's when a system or rule actor writes it unasked, and waits for a first response; an agent's is a reply", async () => {
      const { customerId } = await setUp("Intake");
      const opened = (actor: { type: "system" | "rule" | "agent" }) =>
        createTicket(db, { now: T0, actor, subject: "Formulaire web", channel: "web", customerId, message: { text: "Ma commande n'est pas arrivée" } });
      for (const type of ["system", "rule"] as const) {
        const { ticket, message } = await opened({ type });
        expect([message?.kind, message?.authorCustomerId, ticket.status, ticket.firstResponseAt]).toEqual(["customer", customerId, "new", null]);
        expect((await ticketClocks(db, ticket.number, at(5)))[0]).toMatchObject({ target: "first_response", state: "running" });
      }
      const { ticket, message } = await opened({ type: "agent" });
      expect([message?.kind, ticket.status]).toEqual(["reply", "open"]);
      expect((await ticketClocks(db, ticket.number, at(5)))[0]).toMatchObject({ target: "first_response", state: "met" });
    });
  });

  describe("waking the timer workers", () => {
    it("notifies the timers channel when it plans timers", async () => {
      const { open } = await setUp("Octave");
      const received: string[] = [];
      const database = get();
      let stop: () => Promise<void>;
      if (database.pglite) {
        const pglite: PGlite = database.pglite;
        stop = await pglite.listen(TIMERS_CHANNEL, (payload) => received.push(payload));
      } else {
        const pool = (db as unknown as { $client: pg.Pool }).$client;
        const client = await pool.connect();
        client.on("notification", (n) => received.push(n.payload ?? ""));
        await client.query(`listen ${TIMERS_CHANNEL}`);
        stop = async () => {
          await client.query(`unlisten ${TIMERS_CHANNEL}`);
          client.release();
        };
      }
      try {
        await open();
        for (let i = 0; i < 50 && received.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
        expect(received.length).toBeGreaterThan(0);
      } finally {
        await stop();
      }
    });
  });

  it("stores pauses as millisecond pairs", async () => {
    const { open } = await setUp("Lucie");
    const { ticket } = await open();
    await updateTicket(db, { now: at(5), actor: agent, number: ticket.number, changes: { status: "on_hold" } });
    const rows = await selectRows<{ pauses: unknown }>(
      get(),
      sql`select pauses from sla_clocks where ticket_number = ${ticket.number} and target = 'resolution'`,
    );
    expect(rows[0]?.pauses).toEqual([[at(5).getTime(), null]]);
  });
});
