// Editing a calendar's hours re-plans the open tickets on it, on both databases: the clocks'
// due times and their pending timers move with the hours, as they would for a policy edit.

import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { buildCalendar, buildPolicy, buildTicket, PARIS_OFFICE } from "../../../test/support/factories.js";
import { recomputeTickets, updateCalendar } from "../../../test/support/commandsOnDb.js";
import { describeStore, selectRows } from "../../../test/support/testDatabase.js";
import type { Db } from "../../store/database.js";

// Monday 23 November 2026, 10:00 in Paris.
const T0 = new Date("2026-11-23T09:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describeStore("a calendar's hours edited", (get) => {
  let db: Db;
  let calendarId: string;
  let number: number;

  beforeAll(async () => {
    db = get().db;
    calendarId = (await buildCalendar(db, { now: T0 })).id;
    await buildPolicy(db, { now: T0, calendarId, isDefault: true });
    number = (await buildTicket(db, { now: T0 })).ticket.number;
  });

  const dueTimes = async () =>
    selectRows<{ target: string; due: string }>(
      get(),
      sql`select target, to_char(due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as due from sla_clocks where ticket_number = ${number} order by target`,
    );
  const pendingReminder = async () =>
    selectRows<{ due: string }>(
      get(),
      sql`select to_char(t.due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as due from timers t join sla_clocks c on c.id = t.clock_id
          where t.ticket_number = ${number} and c.target = 'first_response' and t.step_id = 'reminder' and t.state = 'pending'`,
    );

  it("moves the due times and pending timers of the open tickets on it", async () => {
    // Normal priority: first response 2 h, resolution 16 h of 09:00–18:00 Paris.
    expect(await dueTimes()).toEqual([
      { target: "first_response", due: "2026-11-23T11:00" },
      { target: "resolution", due: "2026-11-24T16:00" },
    ]);
    expect(await pendingReminder()).toEqual([{ due: "2026-11-23T10:30" }]);

    // Mondays now close at 11:00 Paris (10:00 UTC): the first response's last hour falls on Tuesday.
    const { jobId } = await updateCalendar(db, calendarId, { spec: { ...PARIS_OFFICE, hours: { ...PARIS_OFFICE.hours, mon: [["09:00", "11:00"]] } } }, at(5));
    expect(jobId).not.toBeNull();
    await db.transaction((tx) => recomputeTickets(tx as unknown as Db, [number], at(10)));

    expect(await dueTimes()).toEqual([
      { target: "first_response", due: "2026-11-24T09:00" },
      { target: "resolution", due: "2026-11-25T14:00" },
    ]);
    expect(await pendingReminder()).toEqual([{ due: "2026-11-24T08:30" }]);
    const [event] = await selectRows<{ changes: { change: string }[] }>(
      get(),
      sql`select data->'changes' as changes from ticket_events where ticket_number = ${number} and type = 'sla' order by id desc limit 1`,
    );
    expect(event?.changes.map((c) => c.change)).toEqual(["due_changed", "due_changed"]);
  });
});
