// A ticket's clocks over HTTP, and the inbox's SLA views: breaching (a running clock due within
// the hour or past due), escalated (a level fired on a live clock), sort=due and their counts.

import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiHarness, type CustomerSession, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { describeStore } from "../../../../test/support/testDatabase.js";
import { startTimerWorker } from "../../../engine/timers/timerWorker.js";
import { addMessage, updateTicket } from "../../../../test/support/commandsOnDb.js";
import { buildCustomer, buildTicket } from "../../../../test/support/factories.js";

const MINUTE = 60_000;

interface ClockJson {
  target: string;
  state: string;
  breached: boolean;
  dueAt: string | null;
  policyName: string;
  timers: { stepId: string; kind: string; level: number; state: string }[];
}

describeStore("ticket clocks and SLA views", (get) => {
  let api: ApiHarness;
  let customer: CustomerSession;
  let t0: number;
  const n = { urgent: 0, normal: 0, answered: 0, solved: 0 };

  beforeAll(async () => {
    api = await openApi(get());
    const policy = await api.call("manager", "POST", "/api/v1/sla-policies", {
      body: {
        name: "Horloges",
        isDefault: true,
        targets: { urgent: { first_response: 15, resolution: 240 }, normal: { first_response: 120, resolution: 480 } },
        matrix: {
          steps: [
            { id: "n1", kind: "level", level: 1, offsetMinutes: 0, recipients: [{ kind: "assignee" }] },
            { id: "r1", kind: "reminder", level: 0, targets: ["resolution"], offsetMinutes: 60, recipients: [{ kind: "assignee" }] },
          ],
        },
      },
    });
    expect(policy.status, JSON.stringify(policy.json)).toBe(201);
    customer = await api.signInCustomer("Horloge Cliente", "horloge.cliente@example.org");
    const other = await buildCustomer(api.db, { now: api.clock.now() });
    const { db, clock } = api;
    t0 = clock.now().getTime();
    const open = async (customerId: string, priority: "urgent" | "normal") =>
      (await buildTicket(db, { now: clock.now(), channel: "web", customerId, priority })).ticket.number;
    n.urgent = await open(customer.customerId, "urgent");
    n.normal = await open(other.id, "normal");
    n.answered = await open(other.id, "normal");
    await addMessage(db, { now: clock.now(), actor: { type: "agent", id: api.agents.agent.id }, number: n.answered, kind: "reply", text: "On regarde." });
    n.solved = await open(other.id, "urgent");
    await updateTicket(db, { now: clock.now(), actor: { type: "agent", id: api.agents.agent.id }, number: n.solved, changes: { status: "solved" } });
  }, 60_000);
  afterAll(() => api.close());

  const numbers = async (query: string) =>
    (await api.call<{ items: { number: number }[] }>("agent", "GET", `/api/v1/tickets?${query}`)).json.items.map((t) => t.number);

  it("answers a ticket's clocks with their due times and timers", async () => {
    const answer = await api.call<{ items: ClockJson[]; now: string }>("agent", "GET", `/api/v1/tickets/${n.urgent}/clocks`);
    expect(answer.status).toBe(200);
    expect(answer.json.now).toBe(api.clock.now().toISOString());
    expect(answer.json.items.map((c) => [c.target, c.state, c.breached, c.dueAt, c.policyName])).toEqual([
      ["first_response", "running", false, new Date(t0 + 15 * MINUTE).toISOString(), "Horloges"],
      ["resolution", "running", false, new Date(t0 + 240 * MINUTE).toISOString(), "Horloges"],
    ]);
    expect(answer.json.items[0]!.timers).toMatchObject([{ stepId: "n1", kind: "level", level: 1, state: "pending" }]);
  });

  it("tells when a clock enters its warning: from its first reminder, until it is due", async () => {
    type Warned = { target: string; warningAt: string | null; warning: boolean };
    const read = async () =>
      (await api.call<{ items: Warned[] }>("agent", "GET", `/api/v1/tickets/${n.urgent}/clocks`)).json.items.map((c) => [c.target, c.warningAt, c.warning]);
    const warnAt = new Date(t0 + 180 * MINUTE).toISOString();
    expect(await read()).toEqual([
      ["first_response", null, false],
      ["resolution", warnAt, false],
    ]);
    api.clock.set(new Date(t0 + 180 * MINUTE));
    expect((await read())[1]).toEqual(["resolution", warnAt, true]);
    api.clock.set(new Date(t0 + 240 * MINUTE));
    expect((await read())[1]).toEqual(["resolution", warnAt, false]);
    api.clock.set(new Date(t0));
  });

  it("keeps clocks from customers: 403 on their own ticket, 404 on anyone else's", async () => {
    const own = await api.call<ErrorJson>(customer, "GET", `/api/v1/tickets/${n.urgent}/clocks`);
    expect(own.status).toBe(403);
    expect((await api.call<ErrorJson>(customer, "GET", `/api/v1/tickets/${n.normal}/clocks`)).status).toBe(404);
    expect((await api.call<ErrorJson>("viewer", "GET", "/api/v1/tickets/999999/clocks")).status).toBe(404);
    expect((await api.call<{ items: unknown[] }>(customer, "GET", "/api/v1/tickets?view=breaching")).json.items).toEqual([]);
  });

  it("sorts by the earliest running due time, tickets without one last, a page at a time", async () => {
    const all = await numbers("sort=due&limit=200");
    expect(all.slice(0, 3)).toEqual([n.urgent, n.normal, n.answered]);
    expect(all.indexOf(n.solved)).toBeGreaterThan(2);
    const paged: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { json: { items: { number: number }[]; nextCursor: string | null } } = await api.call(
        "agent",
        "GET",
        `/api/v1/tickets?sort=due&limit=1${cursor ? `&cursor=${cursor}` : ""}`,
      );
      paged.push(...page.json.items.map((t) => t.number));
      cursor = page.json.nextCursor;
    } while (cursor !== null && paged.length < 20);
    expect(paged).toEqual(all);
    expect((await numbers("sort=due&order=desc&limit=3")).slice(0, 3)).toEqual([n.answered, n.normal, n.urgent]);
  });

  it("lists each ticket with its earliest running due time and whether it passed, on the server's clock", async () => {
    type Listed = { number: number; slaDueAt: string | null; slaBreached: boolean };
    const list = async () => (await api.call<{ items: Listed[]; now: string }>("agent", "GET", "/api/v1/tickets?limit=200")).json;
    const row = (items: Listed[], number: number) => items.find((t) => t.number === number);
    const before = await list();
    expect(before.now).toBe(new Date(t0).toISOString());
    expect(row(before.items, n.urgent)).toMatchObject({ slaDueAt: new Date(t0 + 15 * MINUTE).toISOString(), slaBreached: false });
    expect(row(before.items, n.normal)).toMatchObject({ slaDueAt: new Date(t0 + 120 * MINUTE).toISOString(), slaBreached: false });
    expect(row(before.items, n.solved)).toMatchObject({ slaDueAt: null, slaBreached: false });
    api.clock.set(new Date(t0 + 15 * MINUTE));
    const after = await list();
    expect(after.now).toBe(new Date(t0 + 15 * MINUTE).toISOString());
    expect(row(after.items, n.urgent)).toMatchObject({ slaBreached: true });
    expect(row(after.items, n.normal)).toMatchObject({ slaBreached: false });
    api.clock.set(new Date(t0));
  });

  it("shows a ticket as breaching within the hour before its due time, and escalated once a level fired", async () => {
    expect(await numbers("view=breaching")).toEqual([n.urgent]);
    expect(await numbers("view=escalated")).toEqual([]);
    api.clock.advance(20 * MINUTE);
    const timers = startTimerWorker({ database: get(), clock: api.clock, pollMs: 60_000 });
    try {
      await timers.runOnce();
    } finally {
      await timers.stop();
    }
    expect(await numbers("view=escalated")).toEqual([n.urgent]);
    expect(await numbers("view=breaching")).toEqual([n.urgent]);
    const clocks = await api.call<{ items: ClockJson[] }>("agent", "GET", `/api/v1/tickets/${n.urgent}/clocks`);
    expect(clocks.json.items[0]).toMatchObject({ target: "first_response", breached: true, timers: [{ stepId: "n1", state: "fired" }] });
    // 61 minutes before its due time the normal ticket is not breaching yet; 60 minutes before, it is.
    api.clock.set(new Date(t0 + 59 * MINUTE));
    expect(await numbers("view=breaching")).toEqual([n.urgent]);
    api.clock.set(new Date(t0 + 60 * MINUTE));
    expect((await numbers("view=breaching&sort=due")).slice(0, 2)).toEqual([n.urgent, n.normal]);
    const counts = await api.call("agent", "GET", "/api/v1/tickets/counts");
    expect(counts.json).toMatchObject({ breaching: 2, escalated: 1 });
  });
});
