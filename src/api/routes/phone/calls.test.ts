// Logging phone calls over HTTP: a call as a new phone ticket for the customer of its number, a
// call on an existing ticket, the `call` event rendered in the reader's language, and an
// answered outgoing call meeting the first-response clock only where the SLA policy counts calls.

import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiHarness, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { buildPolicy } from "../../../../test/support/factories.js";
import { describeStore } from "../../../../test/support/testDatabase.js";
import { listEvents } from "../../../store/events.js";
import { type RenderableEvent, renderEvent } from "../../../core/events/renderEvent.js";

/** A stored event row as the renderers read it. */
const renderable = (row: Awaited<ReturnType<typeof listEvents>>[number]) =>
  ({ ...row, actor: { type: row.actorType, id: row.actorId } }) as unknown as RenderableEvent;

interface Logged {
  call: { id: string; number: string; direction: string };
  message: { kind: string; channel: string; bodyText: string };
  ticket: { number: number; channel: string; customerId: string; firstResponseAt: string | null };
}
type Clocks = { items: { target: string; state: string }[] };

describeStore("phone calls", (get) => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await openApi(get());
    // High-priority tickets: calls count as responses; the rest: they do not.
    await buildPolicy(api.db, {
      name: "Calls count",
      conditions: { all: [{ field: "priority", op: "is", value: "high" }] },
      callCountsAsResponse: true,
      calendarId: null,
      now: api.clock.now(),
    });
    await buildPolicy(api.db, { name: "Replies only", isDefault: true, calendarId: null, now: api.clock.now() });
  });
  afterAll(() => api.close());

  it("logs an incoming call as a new phone ticket for the customer of its number, found again on the next call", async () => {
    const first = await api.call<Logged>("agent", "POST", "/api/v1/calls", {
      body: { direction: "in", number: "+32 2 555 12 34", durationSeconds: 245, outcome: "answered", notes: "Facture de novembre en double" },
    });
    expect(first.status).toBe(201);
    expect(first.json.call).toMatchObject({ direction: "in", number: "+3225551234" });
    expect(first.json.message).toMatchObject({ kind: "customer", channel: "phone", bodyText: "Facture de novembre en double" });
    expect(first.json.ticket.channel).toBe("phone");
    const again = await api.call<Logged>("agent", "POST", "/api/v1/calls", {
      body: { direction: "in", number: "0032 2 555 12 34", durationSeconds: 30, outcome: "answered" },
    });
    expect(again.json.ticket.customerId).toBe(first.json.ticket.customerId);
    expect(again.json.message.bodyText).toContain("+3225551234");

    const events = await listEvents(api.db, first.json.ticket.number);
    const call = events.find((event) => event.type === "call");
    expect(call).toBeDefined();
    const fr = renderEvent(renderable(call!), { locale: "fr", timeZone: "Europe/Brussels", names: {} });
    expect(fr.title).toBe("Appel entrant +3225551234 · 4 min 5 s · décroché");
    const nl = renderEvent(renderable(call!), { locale: "nl", timeZone: "Europe/Brussels", names: {} });
    expect(nl.title).toBe("Inkomend gesprek +3225551234 · 4 min 5 s · beantwoord");
  });

  it("meets the first response with an answered outgoing call where the policy counts calls, and not elsewhere", async () => {
    const counted = await api.call<Logged>("agent", "POST", "/api/v1/calls", {
      body: { direction: "in", number: "0471 12 34 56", durationSeconds: 0, outcome: "voicemail", priority: "high" },
    });
    const plain = await api.call<Logged>("agent", "POST", "/api/v1/calls", {
      body: { direction: "in", number: "0471 12 34 57", durationSeconds: 0, outcome: "voicemail" },
    });
    api.clock.advance(10 * 60_000);
    for (const ticket of [counted.json.ticket, plain.json.ticket]) {
      const out = await api.call<Logged>("agent", "POST", `/api/v1/tickets/${ticket.number}/calls`, {
        body: { direction: "out", number: "0471 12 34 56", durationSeconds: 180, outcome: "answered", notes: "Rappelée, remboursement lancé" },
      });
      expect(out.status).toBe(201);
      expect(out.json.message).toMatchObject({ kind: "note", channel: "phone" });
    }
    const firstResponse = async (number: number) =>
      (await api.call<Clocks>("agent", "GET", `/api/v1/tickets/${number}/clocks`)).json.items.find((clock) => clock.target === "first_response")?.state;
    expect(await firstResponse(counted.json.ticket.number)).toBe("met");
    expect(await firstResponse(plain.json.ticket.number)).toBe("running");

    const events = await listEvents(api.db, counted.json.ticket.number);
    const call = events.filter((event) => event.type === "call").at(-1)!;
    const en = renderEvent(renderable(call), { locale: "en", timeZone: "UTC", names: {} });
    expect(en.why).toBe("An answered call to the customer counts as a response under the SLA policy");
    const listed = await api.call<{ items: unknown[] }>("agent", "GET", `/api/v1/tickets/${counted.json.ticket.number}/calls`);
    expect(listed.json.items).toHaveLength(2);
  });

  it("answers 400 naming the field of a call that cannot be logged, and writes nothing", async () => {
    const bad = await api.call<ErrorJson>("agent", "POST", "/api/v1/calls", {
      body: { direction: "in", number: "appelle-moi", durationSeconds: 3, outcome: "answered" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0]?.path).toBe("number");
    const missed = await api.call<ErrorJson>("agent", "POST", "/api/v1/calls", {
      body: { direction: "out", number: "0471123456", durationSeconds: 60, outcome: "no_answer" },
    });
    expect(missed.json.error.details[0]?.path).toBe("durationSeconds");
    const schema = await api.call<ErrorJson>("agent", "POST", "/api/v1/tickets/1000/calls", {
      body: { direction: "up", number: "1", durationSeconds: 1, outcome: "answered" },
    });
    expect(schema.status).toBe(400);
    expect(
      (await api.call("viewer", "POST", "/api/v1/calls", { body: { direction: "in", number: "0471123456", durationSeconds: 0, outcome: "busy" } })).status,
    ).toBe(403);
  });
});
