// The reminder loop on a manual clock: nothing before the business hours have passed, the owner
// reminded once they have, and a stopped loop leaves nothing running.

import { afterAll, beforeAll, expect, it } from "vitest";
import { escalateTicket } from "../commands/handoff/escalateTicket.js";
import { inWork } from "../commands/work.js";
import { ManualClock } from "../core/clock.js";
import { listEvents } from "../store/events.js";
import { buildAgent, buildTeam, buildTicket } from "../../test/support/factories.js";
import { describeStore } from "../../test/support/testDatabase.js";
import { type HandoffReminders, startHandoffReminders } from "./handoffReminders.js";

describeStore("the escalation reminder loop", (get) => {
  const clock = new ManualClock(new Date("2026-11-23T09:00:00Z"));
  let loop: HandoffReminders;
  beforeAll(() => {
    loop = startHandoffReminders({ database: get(), clock, everyMs: 3_600_000 });
  });
  afterAll(() => loop.stop());

  it("reminds the person an escalation was handed to once it sat idle for the hours set", async () => {
    const db = get().db;
    const agent = await buildAgent(db, { with: ["team"] });
    const specialist = await buildAgent(db, { teamId: (await buildTeam(db)).id });
    const { ticket } = await buildTicket(db, { teamId: agent.teamId, assigneeId: agent.id, now: new Date("2026-11-23T08:00:00Z") });
    const handoff = { summary: "Export fails", tried: "Retried twice", impact: "Monthly report blocked", urgency: "normal" };
    await inWork(db, { now: clock.now(), actor: { type: "agent", id: agent.id } }, (work) =>
      escalateTicket(work, { number: ticket.number, request: { kind: "functional", toAgentId: specialist.id, handoff } }),
    );
    clock.advance(3 * 3_600_000);
    expect(await loop.runOnce()).toBe(0);
    clock.advance(3_600_000);
    expect(await loop.runOnce()).toBe(1);
    const reminders = (await listEvents(db, ticket.number)).filter((e) => e.type === "handoff_reminder");
    expect(reminders.map((e) => e.data)).toEqual([expect.objectContaining({ agentId: specialist.id, hours: 4 })]);
  });
});
