// Time rules on the manual clock: "pending for 3 business days" fires at its instant across a
// weekend on the ticket's policy's calendar, not a moment before; a status change moves it; the
// engine's timer loop fires it; a closed ticket cancels it; a saved rule is planned on open tickets.

import { sql } from "drizzle-orm";
import { afterEach, beforeAll, expect, it } from "vitest";
import { ManualClock } from "../../src/core/clock.js";
import type { RuleDefinition } from "../../src/core/rules/rule.js";
import { fireDueRuleTimers } from "../../src/commands/rules/fireRuleTimers.js";
import { replanRuleTimers } from "../../src/commands/rules/ruleTimers.js";
import { inWork } from "../../src/commands/work.js";
import { startTimerWorker } from "../../src/engine/timers/timerWorker.js";
import type { Database } from "../../src/store/database.js";
import { listTicketEvents } from "../../src/store/events.js";
import { insertRule } from "../../src/store/rules.js";
import { listRuleTimers } from "../../src/store/ruleTimers.js";
import { getTicket } from "../../src/store/tickets/ticketRows.js";
import { updateTicket } from "../support/commandsOnDb.js";
import { buildCalendar, buildCustomer, buildPolicy, buildTicket, PARIS_OFFICE } from "../support/factories.js";
import { describeStore } from "../support/testDatabase.js";

// Thursday 26 November 2026, 10:00 in Paris (09:00 UTC).
const THURSDAY_10H = new Date("2026-11-26T09:00:00Z");
// Three business days later on a Monday–Friday calendar: Friday, Monday, Tuesday 1 December, 10:00 in Paris.
const TUESDAY_10H = new Date("2026-12-01T09:00:00Z");
const SYSTEM = { type: "system" as const };

const PENDING_3_DAYS: RuleDefinition = {
  name: "En attente depuis 3 jours ouvrés",
  enabled: true,
  triggers: ["time"],
  time: { since: "status_changed", amount: 3, unit: "business_days" },
  conditions: { field: "ticket.status", op: "is", value: "pending" },
  actions: [{ type: "add_tags", tags: ["relance"] }],
  stop: false,
};

describeStore("time rules", (get) => {
  let db: Database["db"];
  let customerId: string;

  beforeAll(async () => {
    db = get().db;
    const calendar = await buildCalendar(db, { spec: PARIS_OFFICE, now: THURSDAY_10H });
    await buildPolicy(db, { name: "Bureau de Paris", isDefault: true, calendarId: calendar.id, now: THURSDAY_10H });
    customerId = (await buildCustomer(db, { now: THURSDAY_10H })).id;
  });

  afterEach(async () => {
    // Each test's rules and tickets apart: a rule saved later is planned on every open ticket.
    await db.execute(sql`delete from rules`);
    await db.execute(sql`update tickets set status = 'closed'`);
  });

  const saveRule = (definition: RuleDefinition, now: Date) =>
    inWork(db, { now, actor: SYSTEM }, async (work) => {
      const saved = await insertRule(work.tx, definition, now);
      await replanRuleTimers(work, { ruleIds: [saved.id] });
      return saved;
    });
  const fireAt = (now: Date) => inWork(db, { now, actor: SYSTEM }, (work) => fireDueRuleTimers(work, { batchSize: 100 }));
  const pendingTicket = async (at: Date) => {
    const { ticket } = await buildTicket(db, { now: at, customerId, subject: "Facture" });
    return updateTicket(db, { now: at, actor: SYSTEM, number: ticket.number, changes: { status: "pending" } });
  };

  it("fires pending for 3 business days at its instant across the weekend, and not a millisecond before", async () => {
    await saveRule(PENDING_3_DAYS, THURSDAY_10H);
    const ticket = await pendingTicket(THURSDAY_10H);
    const [timer] = await listRuleTimers(db, ticket.number);
    expect(timer).toMatchObject({ state: "pending", anchorAt: THURSDAY_10H, dueAt: TUESDAY_10H });

    expect(await fireAt(new Date(TUESDAY_10H.getTime() - 1))).toMatchObject({ fired: 0 });
    expect((await getTicket(db, ticket.number))?.tags).toEqual([]);
    expect(await fireAt(TUESDAY_10H)).toMatchObject({ fired: 1 });
    expect((await getTicket(db, ticket.number))?.tags).toEqual(["relance"]);
    const [decision] = (await listTicketEvents(db, ticket.number)).filter((e) => e.type === "rule");
    expect(decision?.data).toMatchObject({ trigger: "time", ruleName: PENDING_3_DAYS.name, matched: [{ field: "ticket.status", actual: "pending" }] });
    // Once per anchor: it does not fire again.
    expect(await fireAt(new Date(TUESDAY_10H.getTime() + 86_400_000))).toMatchObject({ fired: 0 });
  });

  it("moves the moment when the status changes, and checks the conditions at the moment", async () => {
    const normalOnly = { all: [PENDING_3_DAYS.conditions, { field: "ticket.priority", op: "is" as const, value: "normal" }] };
    await saveRule({ ...PENDING_3_DAYS, conditions: normalOnly }, THURSDAY_10H);
    const ticket = await pendingTicket(THURSDAY_10H);
    // Back to open on Friday, pending again on Monday at 14:00 in Paris: due Thursday 3 December, 14:00.
    await updateTicket(db, { now: new Date("2026-11-27T09:00:00Z"), actor: SYSTEM, number: ticket.number, changes: { status: "open" } });
    const monday = new Date("2026-11-30T13:00:00Z");
    await updateTicket(db, { now: monday, actor: SYSTEM, number: ticket.number, changes: { status: "pending" } });
    const [timer] = await listRuleTimers(db, ticket.number);
    expect(timer).toMatchObject({ state: "pending", anchorAt: monday, dueAt: new Date("2026-12-03T13:00:00Z") });
    expect(await fireAt(TUESDAY_10H)).toMatchObject({ fired: 0 });

    // Raised meanwhile: the timer fires at its moment, the conditions no longer hold, nothing is done.
    await updateTicket(db, { now: new Date("2026-12-02T09:00:00Z"), actor: SYSTEM, number: ticket.number, changes: { priority: "high" } });
    expect(await fireAt(new Date("2026-12-03T13:00:00Z"))).toMatchObject({ fired: 1 });
    expect((await listTicketEvents(db, ticket.number)).filter((e) => e.type === "rule")).toEqual([]);
  });

  it("cancels the timers of a closed ticket", async () => {
    await saveRule(
      { ...PENDING_3_DAYS, name: "Sans réponse", time: { since: "last_customer_message", amount: 4, unit: "business_hours" }, conditions: { all: [] } },
      THURSDAY_10H,
    );
    const { ticket } = await buildTicket(db, { now: THURSDAY_10H, customerId });
    expect((await listRuleTimers(db, ticket.number))[0]).toMatchObject({ state: "pending", dueAt: new Date("2026-11-26T13:00:00Z") });
    await updateTicket(db, { now: THURSDAY_10H, actor: SYSTEM, number: ticket.number, changes: { status: "solved" } });
    await updateTicket(db, { now: THURSDAY_10H, actor: SYSTEM, number: ticket.number, changes: { status: "closed" } });
    expect((await listRuleTimers(db, ticket.number))[0]?.state).toBe("cancelled");
  });

  it("is fired by the engine's timer loop when the manual clock reaches its moment", async () => {
    const ticket = await pendingTicket(THURSDAY_10H);
    // Saved after the ticket went pending: planned from its last status change.
    await saveRule(PENDING_3_DAYS, THURSDAY_10H);
    expect((await listRuleTimers(db, ticket.number))[0]).toMatchObject({ anchorAt: THURSDAY_10H, dueAt: TUESDAY_10H });
    const clock = new ManualClock(new Date(TUESDAY_10H.getTime() - 60_000));
    const worker = startTimerWorker({ database: get(), clock, pollMs: 60_000 });
    try {
      await worker.runOnce();
      expect((await listRuleTimers(db, ticket.number))[0]?.state).toBe("pending");
      // Moving the clock wakes the loop; runOnce waits for its turn, after which the rule has fired.
      clock.set(TUESDAY_10H);
      await worker.runOnce();
    } finally {
      await worker.stop();
    }
    expect((await getTicket(db, ticket.number))?.tags).toEqual(["relance"]);
    expect((await listRuleTimers(db, ticket.number))[0]).toMatchObject({ state: "fired", firedAt: TUESDAY_10H });
  });
});
