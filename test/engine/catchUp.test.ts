// Catching up without a storm, on a manual clock: a reminder that comes to fire after its clock's
// due time is recorded as not sent, and levels that come due together are each recorded on the
// timeline while every person gets one notice per ticket, naming the highest level reached.

import { sql } from "drizzle-orm";
import { afterEach, beforeAll, expect, it } from "vitest";
import { ManualClock } from "../../src/core/clock.js";
import { type EscalationData, type RenderableEvent, renderEvent } from "../../src/core/events/index.js";
import type { Db } from "../../src/store/database.js";
import { listEvents } from "../../src/store/events.js";
import { startTimerWorker } from "../../src/engine/timers/timerWorker.js";
import { describeStore, selectRows } from "../support/testDatabase.js";
import { HOUR, MINUTE, addPolicy, at, seedTickets, seedWorld, step, type World } from "./support/timerFixtures.js";

interface NoticeRow {
  ticket_number: number;
  kind: string;
  agent_id: string;
  payload: { title?: string; subject?: string; data?: { level: number; stepId: string } };
}

describeStore("catching up on due steps", (get) => {
  let db: Db;
  let world: World;

  beforeAll(async () => {
    db = get().db;
    world = await seedWorld(db);
  });

  afterEach(async () => {
    await db.execute(sql`update timers set state = 'cancelled' where state = 'pending'`);
  });

  const deadline = at(HOUR);
  const steps = [
    step({ id: "r1", kind: "reminder", level: 0, offsetMinutes: 30 }),
    step({ id: "l1", recipients: [{ kind: "assignee" }] }),
    step({ id: "l2", level: 2, offsetMinutes: 60, recipients: [{ kind: "assignee" }, { kind: "assignee_manager" }] }),
    step({ id: "l3", level: 3, offsetMinutes: 120, recipients: [{ kind: "assignee_manager" }, { kind: "team_lead" }] }),
  ];
  const due = { r1: at(30 * MINUTE), l1: deadline, l2: at(2 * HOUR), l3: at(3 * HOUR) };

  /** Seeds `count` tickets with the four steps pending, and runs one worker at `now` (START + 4 h) with `batchSize`. */
  async function catchUp(count: number, batchSize: number, now = at(4 * HOUR)) {
    const policy = await addPolicy(db, steps);
    const tickets = await seedTickets(db, { world, policy, count, deadline, timers: due });
    const worker = startTimerWorker({ database: get(), clock: new ManualClock(now), pollMs: 60_000, batchSize });
    try {
      await worker.runOnce();
    } finally {
      await worker.stop();
    }
    const numbers = tickets.map((t) => t.number);
    const notices = await selectRows<NoticeRow>(
      get(),
      sql`select ticket_number::int, kind, agent_id, payload from outbox where ticket_number = any(${sql.param(numbers)}::bigint[]) order by id`,
    );
    return { policy, numbers, notices };
  }

  /** The ticket's `escalation` events as the renderers read them. */
  const escalationsOf = async (number: number) =>
    (await listEvents(db, number))
      .filter((e) => e.type === "escalation")
      .map((e) => ({
        type: "escalation" as const,
        changes: {},
        actor: { type: "system" as const },
        reason: e.reason,
        data: e.data as unknown as EscalationData,
      }));

  it("records a reminder past due as not sent, with why, and sends nothing for it", async () => {
    const { numbers, notices } = await catchUp(1, 100);
    const [reminder] = await escalationsOf(numbers[0] as number);
    const data = reminder?.data;
    expect(data).toMatchObject({ stepId: "r1", kind: "reminder", recipients: [], outcomes: [], catchUp: { why: "past_due" } });
    expect(reminder?.reason).toMatch(/; not sent: the deadline had passed$/);
    expect(notices.filter((n) => n.payload.data?.stepId === "r1")).toEqual([]);
    const said = (locale: string) => renderEvent(reminder as RenderableEvent, { locale: locale as "en", timeZone: "Europe/Paris", names: {} });
    expect(said("en").title).toBe("Reminder not sent: First response");
    expect(said("en").details).toContain("Not sent: the deadline had already passed when the reminder came to fire.");
    expect(said("fr").details).toContain("Non envoyé : l’échéance était déjà passée quand le rappel devait partir.");
    expect(said("nl").title).toBe("Herinnering niet verstuurd: Eerste antwoord");
  });

  it("records levels 1 to 3 due together, and notifies each person once per ticket naming level 3", async () => {
    const { numbers, notices } = await catchUp(1, 100);
    const number = numbers[0] as number;
    const levels = (await escalationsOf(number)).filter((e) => e.data.kind === "level").map((e) => e.data);
    expect(levels.map((l) => l.level)).toEqual([1, 2, 3]);
    const ref = (level: number) => ({ kind: "level", level, target: "first_response" });
    expect(levels.map((l) => l.catchUp)).toEqual([
      { why: "notice_with", into: ref(3) },
      { why: "notice_with", into: ref(3) },
      { why: "notice_for", steps: [ref(1), ref(2)] },
    ]);
    // Léa (levels 1 and 2), her manager (2 and 3), the team lead (3): one notice each, all from level 3.
    const people = [world.lea.id, world.manager.id, world.joost.id].sort();
    expect(levels[2]?.outcomes.map((o) => (o.type === "notified" ? o.agentId : o.type)).sort()).toEqual(people);
    expect(levels[0]?.outcomes).toEqual([]);
    const inapp = notices.filter((n) => n.kind === "inapp");
    expect(inapp.map((n) => n.agent_id).sort()).toEqual(people);
    expect(inapp.map((n) => n.payload.data?.level)).toEqual([3, 3, 3]);
    expect(notices.filter((n) => n.kind === "email")).toHaveLength(3);
    // Each level is on the timeline, and says where its notices went, in the reader's language.
    const rendered = (await escalationsOf(number)).map((e) => renderEvent(e, { locale: "en", timeZone: "Europe/Paris", names: {} }));
    expect(rendered.map((r) => r.title)).toEqual([
      "Reminder not sent: First response",
      "Escalated to level 1: First response",
      "Escalated to level 2: First response",
      "Escalated to level 3: First response",
    ]);
    expect(rendered[1]?.details).toContain("Its notices went out once per person, with those of level 3 (First response), which fired at the same time.");
    expect(rendered[3]?.details).toContain(
      "One notice per person, also standing for level 1 (First response) and level 2 (First response), which fired at the same time.",
    );
  });

  it("keeps a ticket's catch-up in one batch when the batch is smaller than its due steps", async () => {
    const { numbers, notices } = await catchUp(3, 2);
    for (const number of numbers) {
      expect((await escalationsOf(number)).map((e) => e.data.stepId)).toEqual(["r1", "l1", "l2", "l3"]);
      expect(notices.filter((n) => n.ticket_number === number && n.kind === "inapp")).toHaveLength(3);
    }
  });

  it("records the lag of steps fired after weeks down, beyond an integer's milliseconds", async () => {
    const { numbers } = await catchUp(1, 100, at(40 * 24 * HOUR));
    const lags = await selectRows<{ step_id: string; state: string; lag_ms: string }>(
      get(),
      sql`select step_id, state, lag_ms::text from timers where ticket_number = ${numbers[0]} order by due_at`,
    );
    // 40 days less 30 minutes: past 2^31 - 1 ms (24.8 days).
    expect(lags.map((l) => [l.step_id, l.state, Number(l.lag_ms)])).toEqual([
      ["r1", "fired", 40 * 24 * HOUR - 30 * MINUTE],
      ["l1", "fired", 40 * 24 * HOUR - HOUR],
      ["l2", "fired", 40 * 24 * HOUR - 2 * HOUR],
      ["l3", "fired", 40 * 24 * HOUR - 3 * HOUR],
    ]);
  });
});
