// The batch's bulk writes keep every value as given: outbox rows through enqueue, one array
// parameter per column, with text that needs quoting; event ids drawn ahead ascend (the events
// themselves, written by writeEvents, are tested in events.test.ts).

import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "./database.js";
import { enqueue } from "./outbox/outbox.js";
import { describeStore, selectRows } from "../../test/support/testDatabase.js";
import { at, HOUR, START } from "../../test/engine/support/timerFixtures.js";
import { buildAgent, buildTicket } from "../../test/support/factories.js";
import type { Agent } from "./entities.js";
import { drawEventIds } from "./eventRows.js";
import { writeEvents } from "./events.js";

const AWKWARD = ['a "quoted" word', 'back\\slash \\" and {braces}, commas', "NULL", "", "« Facture » — ünïcødé 🎫", "line\nbreak\ttab"];

describeStore("writing a batch's events and outbox rows", (get) => {
  let db: Db;
  let world: { lea: Agent; joost: Agent };
  let ticket: number;

  beforeAll(async () => {
    db = get().db;
    world = { lea: await buildAgent(db, { now: START }), joost: await buildAgent(db, { role: "team_lead", now: START }) };
    ticket = (await buildTicket(db, { now: START, assigneeId: world.lea.id })).ticket.number;
  });

  it("queues outbox rows with their payloads, addresses and quiet hours as given", async () => {
    const now = at(2 * HOUR);
    const later = at(20 * HOUR);
    await enqueue(
      db,
      AWKWARD.map((text, i) => ({
        kind: i % 2 ? "email" : "inapp",
        ticketNumber: i === 3 ? null : ticket,
        agentId: i === 4 ? null : world.joost.id,
        address: i % 2 ? `${i}@example.test` : null,
        payload: { subject: text, text, list: [text, null] },
        ...(i === 1 ? { notBefore: later } : i === 2 ? { notBefore: at(HOUR) } : {}),
      })),
      now,
    );
    const rows = await selectRows<{
      kind: string;
      ticket_number: string | null;
      agent_id: string | null;
      address: string | null;
      payload: { subject: string };
      next_attempt_at: Date;
      created_at: Date;
      state: string;
    }>(
      get(),
      sql`select kind, ticket_number::text, agent_id, address, payload, next_attempt_at, created_at, state from outbox where created_at = ${now.toISOString()}::timestamptz order by id`,
    );
    expect(rows.map((r) => r.payload)).toEqual(AWKWARD.map((text) => ({ subject: text, text, list: [text, null] })));
    expect(rows.map((r) => r.kind)).toEqual(["inapp", "email", "inapp", "email", "inapp", "email"]);
    expect(rows.map((r) => (r.ticket_number === null ? null : Number(r.ticket_number)))).toEqual([ticket, ticket, ticket, null, ticket, ticket]);
    expect(rows.map((r) => r.agent_id)).toEqual([world.joost.id, world.joost.id, world.joost.id, world.joost.id, null, world.joost.id]);
    expect(rows.map((r) => r.address)).toEqual([null, "1@example.test", null, "3@example.test", null, "5@example.test"]);
    // Held until later when asked; a notBefore already past is sent at once.
    expect(rows.map((r) => new Date(r.next_attempt_at).getTime())).toEqual([now, later, now, now, now, now].map((d) => d.getTime()));
    expect(rows.every((r) => r.state === "pending" && new Date(r.created_at).getTime() === now.getTime())).toBe(true);
  });

  it("draws ids in ascending order, which events written afterwards follow", async () => {
    const ids = await db.transaction(async (tx) => {
      const drawn = await drawEventIds(tx as unknown as Db, 3);
      await writeEvents(tx as unknown as Db, [
        { ticketNumber: ticket, at: START, actor: { type: "system" }, type: "updated", changes: { priority: ["normal", "high"] } },
      ]);
      return drawn;
    });
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(3);
    const [{ id: later }] = (await selectRows<{ id: string }>(get(), sql`select max(id)::text as id from ticket_events where ticket_number = ${ticket}`)) as [
      { id: string },
    ];
    expect(Number(later)).toBeGreaterThan(Math.max(...ids));
    expect(await drawEventIds(db, 0)).toEqual([]);
  });
});
