// Where a listed ticket's SLA stands, as the inbox's due column reads it: its earliest running
// due time, or paused while it waits on the customer.

import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiHarness, openApi } from "../../../../test/api/harness.js";
import { updateTicket } from "../../../../test/support/commandsOnDb.js";
import { buildCustomer, buildTicket } from "../../../../test/support/factories.js";
import { describeStore } from "../../../../test/support/testDatabase.js";

type Listed = { number: number; slaDueAt: string | null; slaBreached: boolean; slaPaused: boolean };

describeStore("a listed ticket's SLA", (get) => {
  let api: ApiHarness;
  const n = { running: 0, pending: 0, solved: 0 };

  beforeAll(async () => {
    api = await openApi(get());
    const policy = await api.call("manager", "POST", "/api/v1/sla-policies", {
      body: { name: "Pauses", isDefault: true, targets: { normal: { first_response: 120, resolution: 480 } }, matrix: { steps: [] } },
    });
    expect(policy.status, JSON.stringify(policy.json)).toBe(201);
    const { db, clock } = api;
    const customerId = (await buildCustomer(db, { now: clock.now() })).id;
    const open = async () => (await buildTicket(db, { now: clock.now(), channel: "web", customerId, priority: "normal" })).ticket.number;
    const actor = { type: "agent" as const, id: api.agents.agent.id };
    n.running = await open();
    n.pending = await open();
    await updateTicket(db, { now: clock.now(), actor, number: n.pending, changes: { status: "pending" } });
    n.solved = await open();
    await updateTicket(db, { now: clock.now(), actor, number: n.solved, changes: { status: "solved" } });
  }, 60_000);
  afterAll(() => api.close());

  it("says paused for a ticket waiting on the customer, and not for one running or solved", async () => {
    const answer = await api.call<{ items: Listed[] }>("agent", "GET", "/api/v1/tickets?limit=200");
    expect(answer.status).toBe(200);
    const row = (number: number) => answer.json.items.find((t) => t.number === number);
    expect(row(n.running)).toMatchObject({ slaPaused: false, slaBreached: false });
    expect(row(n.running)?.slaDueAt).not.toBeNull();
    expect(row(n.pending)).toMatchObject({ slaDueAt: null, slaPaused: true });
    expect(row(n.solved)).toMatchObject({ slaDueAt: null, slaPaused: false });
  });
});
