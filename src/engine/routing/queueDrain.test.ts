// The queue drain loop: a ticket left waiting while its team's only agent was away goes to them
// when the manual clock reaches their return, without anyone touching the ticket.
import { expect, it } from "vitest";
import { buildAgent, buildCustomer, buildTeam, buildTicket } from "../../../test/support/factories.js";
import { describeStore } from "../../../test/support/testDatabase.js";
import { ManualClock } from "../../core/clock.js";
import { teamQueue } from "../../store/routing.js";
import { getTicket } from "../../store/tickets/ticketRows.js";
import { startQueueDrain } from "./queueDrain.js";

const HOUR = 3_600_000;

describeStore("queue drain loop", (get) => {
  it("hands a waiting ticket to its agent once they are back from out of office", async () => {
    const db = get().db;
    const clock = new ManualClock(new Date("2026-11-23T09:00:00Z"));
    const team = await buildTeam(db, { assignment: "round_robin", now: clock.now() });
    const back = new Date(clock.now().getTime() + 2 * HOUR);
    const agent = await buildAgent(db, { teamId: team.id, outOfOfficeFrom: clock.now(), outOfOfficeUntil: back, now: clock.now() });
    const customerId = (await buildCustomer(db, { now: clock.now() })).id;
    const { ticket } = await buildTicket(db, { now: clock.now(), customerId, teamId: team.id });
    expect(ticket.assigneeId).toBeNull();

    // A long period: the rounds this test sees are the first one and those it asks for.
    const drain = startQueueDrain({ database: get(), clock, everyMs: 3_600_000 });
    try {
      expect(await drain.runOnce()).toBe(0);
      clock.advance(HOUR);
      expect(await drain.runOnce()).toBe(0);
      // The clock's move wakes the loop; the round asked for here runs after the one it set off.
      clock.set(back);
      await drain.runOnce();
      expect((await getTicket(db, ticket.number))?.assigneeId).toBe(agent.id);
      expect(await teamQueue(db, team.id)).toEqual([]);
    } finally {
      await drain.stop();
    }
  });
});
