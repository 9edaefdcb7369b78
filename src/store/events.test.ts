// Writing typed events: one statement for many, the order and ids as given, the English reason
// derived from the data, every value read back as written.

import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { describeStore, selectRows } from "../../test/support/testDatabase.js";
import { eventReason, type NewTicketEvent } from "../core/events/index.js";
import type { Database } from "./database.js";
import { listEvents, listTicketEvents, writeEvents } from "./events.js";
import { buildTicket } from "../../test/support/factories.js";

const T0 = new Date("2026-11-23T09:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const AWKWARD = ['a "quoted" word', 'back\\slash \\" and {braces}, commas', "NULL", "« Facture » — ünïcødé 🎫", "line\nbreak\ttab"];

describeStore("the event writer", (get) => {
  let db: Database["db"];
  let ticket: number;
  let customerId: string;

  beforeAll(async () => {
    db = get().db;
    const built = (await buildTicket(db, { now: T0, message: null })).ticket;
    ticket = built.number;
    customerId = built.customerId;
  });

  const sample = (): NewTicketEvent[] => [
    { ticketNumber: ticket, at: at(1), actor: { type: "system" }, type: "sla_policy", data: { policyId: null, policyName: null, match: { cause: "none" } } },
    {
      ticketNumber: ticket,
      at: at(1),
      actor: { type: "customer", id: customerId },
      type: "updated",
      changes: { status: ["pending", "open"] },
      data: { cause: { cause: "customer_wrote" } },
    },
    {
      ticketNumber: ticket,
      at: at(2),
      actor: { type: "system" },
      type: "sla",
      data: {
        cause: { cause: "status_changed", from: "pending", to: "open" },
        changes: [{ target: "resolution", cycle: 1, change: "resumed", dueAt: at(3600).toISOString() }],
      },
    },
    ...AWKWARD.map((text, i): NewTicketEvent => ({
      ticketNumber: ticket,
      at: at(3 + i),
      actor: { type: "agent", id: null },
      type: "updated",
      changes: { tags: [[], [text]] },
      data: { cause: { cause: "comment", text } },
    })),
  ];

  it("writes many events in one statement, in the order given, each value read back as written", async () => {
    const before = (await listEvents(db, ticket)).length;
    const events = sample();
    await writeEvents(db, events);
    const written = (await listTicketEvents(db, ticket)).slice(before);
    expect(written.map((e) => e.type)).toEqual(events.map((e) => e.type));
    const ids = written.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    written.forEach((stored, i) => {
      const given = events[i] as NewTicketEvent;
      expect(stored.at).toEqual(given.at);
      expect(stored.actor).toEqual({ type: given.actor.type, id: given.actor.id ?? null });
      expect(stored.data).toEqual(given.data);
      expect(stored.changes).toEqual("changes" in given ? given.changes : {});
      expect(stored.reason).toBe(eventReason(given));
    });
  });

  it("keeps the English reason the writers stored before, derived from the cause", async () => {
    const before = (await listEvents(db, ticket)).length;
    await writeEvents(db, sample().slice(0, 3));
    expect((await listEvents(db, ticket)).slice(before).map((e) => e.reason)).toEqual(["no policy applies", "the customer wrote", "status pending → open"]);
  });

  it("keeps ids drawn beforehand, ascending after those the sequence gave", async () => {
    const [drawn] = await selectRows<{ id: string }>(get(), sql`select nextval(pg_get_serial_sequence('ticket_events', 'id'))::text as id`);
    const first = Number(drawn?.id) + 10;
    await db.execute(sql`select setval(pg_get_serial_sequence('ticket_events', 'id'), ${first + 1})`);
    const events = sample()
      .slice(0, 2)
      .map((e, i) => ({ ...e, id: first + i }));
    await writeEvents(db, events);
    await writeEvents(db, sample().slice(2, 3));
    const ids = (await listTicketEvents(db, ticket)).map((e) => e.id);
    expect(ids.slice(-3, -1)).toEqual([first, first + 1]);
    expect(ids.at(-1)).toBeGreaterThan(first + 1);
  });

  it("writes nothing for no events", async () => {
    const before = (await listEvents(db, ticket)).length;
    await writeEvents(db, []);
    expect(await listEvents(db, ticket)).toHaveLength(before);
  });
});
