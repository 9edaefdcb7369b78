// The timer engine with the ticket store planning the timers: a reminder fires before the
// deadline, a reply cancels the levels that had not fired, and an unanswered ticket escalates
// through its levels, a raised priority replanning what is left.

import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { ManualClock } from "../../src/core/clock.js";
import type { Db } from "../../src/store/database.js";
import { slaPolicies } from "../../src/store/schema.js";
import { getTicket } from "../../src/store/tickets/ticketRows.js";
import { addMessage, createTicket } from "../support/commandsOnDb.js";
import { startTimerWorker } from "../../src/engine/timers/timerWorker.js";
import { describeStore, selectRows } from "../support/testDatabase.js";
import { HOUR, MINUTE, START, at, seedWorld, step, type World } from "./support/timerFixtures.js";

describeStore("timer engine with the ticket store", (get) => {
  let db: Db;
  let world: World;

  beforeAll(async () => {
    db = get().db;
    world = await seedWorld(db);
    await db.insert(slaPolicies).values({
      name: "Standard",
      position: 1,
      isDefault: true,
      targets: { normal: { first_response: 60 }, high: { first_response: 120 } },
      matrix: {
        steps: [
          step({ id: "remind", kind: "reminder", level: 0, offsetMinutes: 15, targets: ["first_response"] }),
          step({ id: "lead", level: 1, offsetMinutes: 0, targets: ["first_response"], recipients: [{ kind: "team_lead" }] }),
          step({
            id: "raise",
            level: 2,
            offsetMinutes: 30,
            targets: ["first_response"],
            recipients: [{ kind: "assignee_manager" }],
            actions: [{ type: "notify" }, { type: "raise_priority" }],
          }),
        ],
      },
      createdAt: START,
      updatedAt: START,
    });
  });

  const newTicket = async (subject: string) =>
    (
      await createTicket(db, {
        now: START,
        actor: { type: "customer", id: world.customerId },
        subject,
        channel: "email",
        customerId: world.customerId,
        teamId: world.billing.id,
        assigneeId: world.lea.id,
        message: { text: subject },
      })
    ).ticket.number;
  const escalations = (number: number) =>
    selectRows<{ step: string; late: boolean }>(
      get(),
      sql`select data->>'stepId' as step, (data->>'late')::boolean as late from ticket_events where ticket_number = ${number} and type = 'escalation' order by id`,
    );
  const timers = (number: number) =>
    selectRows<{ step_id: string; state: string }>(get(), sql`select step_id, state from timers where ticket_number = ${number} order by step_id`);

  it("reminds before the deadline, and a reply cancels the levels that had not fired", async () => {
    const number = await newTicket("Remboursement non reçu");
    expect(await timers(number)).toEqual([
      { step_id: "lead", state: "pending" },
      { step_id: "raise", state: "pending" },
      { step_id: "remind", state: "pending" },
    ]);
    const clock = new ManualClock(START);
    const worker = startTimerWorker({ database: get(), clock, pollMs: 60_000 });
    try {
      clock.set(at(45 * MINUTE));
      expect(await worker.runOnce()).toBe(1);
      await addMessage(db, { number, now: at(50 * MINUTE), actor: { type: "agent", id: world.lea.id }, text: "Nous regardons votre dossier." });
      clock.set(at(3 * HOUR));
      expect(await worker.runOnce()).toBe(0);
    } finally {
      await worker.stop();
    }
    expect(await escalations(number)).toEqual([{ step: "remind", late: false }]);
    expect(await timers(number)).toEqual([
      { step_id: "lead", state: "cancelled" },
      { step_id: "raise", state: "cancelled" },
      { step_id: "remind", state: "fired" },
    ]);
  });

  it("escalates an unanswered ticket level by level, raising its priority", async () => {
    const number = await newTicket("Panne totale du service");
    const clock = new ManualClock(START);
    const worker = startTimerWorker({ database: get(), clock, pollMs: 60_000 });
    try {
      clock.set(at(HOUR + 31 * MINUTE));
      expect(await worker.runOnce()).toBe(3);
    } finally {
      await worker.stop();
    }
    expect((await escalations(number)).map((e) => e.step)).toEqual(["remind", "lead", "raise"]);
    expect((await getTicket(db, number))?.priority).toBe("high");
    // Every step of the clock fired once; the raised priority planned nothing new to fire.
    expect((await timers(number)).map((t) => t.state)).toEqual(["fired", "fired", "fired"]);
  });
});
