// Hand-off notices on a manual clock: the incoming person told once per hand-off, in their
// language and zone, by the bell and by e-mail; nothing told twice, nothing for a change to
// nobody, and a schedule seen for the first time starting from now.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildAgent } from "../../test/support/factories.js";
import { describeStore, selectRows } from "../../test/support/testDatabase.js";
import { ManualClock } from "../core/clock.js";
import type { Layer } from "../core/oncall/schedule.js";
import { oncallScheduleStore } from "../store/entities.js";
import { oncallSchedules } from "../store/schema.js";
import { startOncallNotices } from "./oncallNotices.js";

const HOUR = 3_600_000;

interface Row {
  kind: string;
  agent_id: string;
  address: string | null;
  payload: { title?: string; body?: string; subject?: string; data?: { scheduleId: string; at: string } };
}

describeStore("on-call hand-off notices", (get) => {
  // Monday 23 November 2026, 07:00 in Brussels.
  const clock = new ManualClock(new Date("2026-11-23T06:00:00Z"));
  const db = () => get().db;
  let ann: { id: string; email: string };
  let bob: { id: string; email: string };
  let scheduleId: string;

  beforeAll(async () => {
    ann = await buildAgent(db(), { now: clock.now(), name: "Ann", locale: "fr", timeZone: "Europe/Brussels" });
    bob = await buildAgent(db(), { now: clock.now(), name: "Bob", locale: "nl", timeZone: null });
    // Ann by day from 08:00, Bob by night from 20:00 (Brussels), Monday to Friday; nobody at weekends.
    const layer = (who: string, from: string, to: string): Layer => ({
      rotation: { participants: [who], start: "2026-11-23T00:00:00+01:00", length: { weeks: 1 } },
      restrictions: [{ days: ["mon", "tue", "wed", "thu", "fri"], from, to }],
    });
    scheduleId = (
      await oncallScheduleStore.create(
        db(),
        { name: "Facturation", timezone: "Europe/Brussels", layers: [layer(ann.id, "08:00", "20:00"), layer(bob.id, "20:00", "08:00")], overrides: [] },
        clock.now(),
      )
    ).id;
  });

  const sent = () =>
    selectRows<Row>(
      get(),
      sql`select kind, agent_id, address, payload from outbox where payload->'data'->>'type' = 'oncall_handoff' or kind = 'email' order by id`,
    );
  const round = async () => {
    const notices = startOncallNotices({ database: get(), clock, everyMs: HOUR });
    try {
      return await notices.runOnce();
    } finally {
      await notices.stop();
    }
  };

  describe("on one schedule", () => {
    it("starts from now the first time, telling nobody about the shift in progress", async () => {
      await round();
      expect(await sent()).toEqual([]);
      const [row] = await db().select({ until: oncallSchedules.noticesUntil }).from(oncallSchedules).where(eq(oncallSchedules.id, scheduleId));
      expect(row?.until).toEqual(clock.now());
    });

    it("tells the incoming person at the hand-off, in their language and zone, in-app and by e-mail", async () => {
      clock.set(new Date("2026-11-23T07:30:00Z"));
      await round();
      const rows = await sent();
      expect(rows.map((r) => [r.kind, r.agent_id, r.address])).toEqual([
        ["inapp", ann.id, null],
        ["email", ann.id, ann.email],
      ]);
      expect(rows[0]?.payload).toMatchObject({
        title: "Vous êtes d’astreinte : Facturation",
        body: "Vous êtes d’astreinte dans Facturation du lundi 23 novembre à 08:00 au lundi 23 novembre à 20:00 (Europe/Brussels).",
        data: { type: "oncall_handoff", scheduleId, at: "2026-11-23T07:00:00.000Z" },
      });
    });

    it("never tells one hand-off twice, whether a round runs again or the clock has not moved", async () => {
      await round();
      await round();
      expect(await sent()).toHaveLength(2);
    });

    it("tells each hand-off since the last round, in the schedule's zone for someone without their own", async () => {
      // Tuesday 09:00 in Brussels, rounds at midnight and then: Bob came on at 20:00, Ann again at 08:00.
      clock.set(new Date("2026-11-23T23:00:00Z"));
      await round();
      clock.set(new Date("2026-11-24T08:00:00Z"));
      await round();
      const rows = (await sent()).slice(2).filter((r) => r.kind === "inapp");
      expect(rows.map((r) => [r.agent_id, r.payload.data?.at])).toEqual([
        [bob.id, "2026-11-23T19:00:00.000Z"],
        [ann.id, "2026-11-24T07:00:00.000Z"],
      ]);
      expect(rows[0]?.payload.body).toBe(
        "Je hebt wachtdienst in Facturation van maandag 23 november om 20:00 tot dinsdag 24 november om 08:00 (Europe/Brussels).",
      );
    });

    it("skips hand-offs more than six hours old after a long pause", async () => {
      // Wednesday 09:00: Bob's 20:00 hand-off is 13 hours old, Ann's 08:00 one an hour old.
      const before = (await sent()).length;
      clock.set(new Date("2026-11-25T08:00:00Z"));
      await round();
      expect(
        (await sent())
          .slice(before)
          .filter((r) => r.kind === "inapp")
          .map((r) => [r.agent_id, r.payload.data?.at]),
      ).toEqual([[ann.id, "2026-11-25T07:00:00.000Z"]]);
    });

    it("tells nobody of a change to nobody", async () => {
      // Friday's night window ends on Saturday at 08:00, and nobody is on call until Monday.
      clock.set(new Date("2026-11-28T06:00:00Z"));
      await round();
      const before = (await sent()).length;
      clock.set(new Date("2026-11-28T10:00:00Z"));
      await round();
      expect((await sent()).slice(before)).toEqual([]);
    });
  });
});
