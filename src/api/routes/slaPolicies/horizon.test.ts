// Targets a calendar cannot reach within its 50-year horizon: a policy or calendar save that would
// create one is a 400 naming the field, and a ticket on such a policy (stored before the check)
// is created all the same, its clock running without a due time.

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiHarness, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { insertPolicy } from "../../../../test/sla/slaFixtures.js";
import { describeStore, selectRows } from "../../../../test/support/testDatabase.js";

// Open one hour a week: 52 hours a year, so 5,000,000 minutes (83,333 hours) need 1,600 years.
const ONE_HOUR_A_WEEK = { timezone: "Europe/Brussels", hours: { mon: [["09:00", "10:00"]] } };
const WEEKDAYS = { timezone: "Europe/Brussels", hours: Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [["09:00", "18:00"]]])) };

describeStore("targets beyond a calendar's horizon", (get) => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await openApi(get());
  });
  afterAll(() => api.close());

  const calendar = async (name: string, spec: unknown) =>
    (await api.call<{ id: string; version: number }>("manager", "POST", "/api/v1/calendars", { body: { name, spec } })).json;

  it("refuses a policy whose target its calendar cannot reach, naming the target", async () => {
    const { id: calendarId } = await calendar("Lundi matin", ONE_HOUR_A_WEEK);
    const body = { name: "Lente", calendarId, targets: { normal: { first_response: 60, resolution: 5_000_000 } } };
    const refused = await api.call<ErrorJson>("manager", "POST", "/api/v1/sla-policies", { body });
    expect(refused.status).toBe(400);
    expect(refused.json.error.details).toEqual([{ path: "targets.normal.resolution", message: expect.stringContaining("within 50 years") }]);

    const created = await api.call<{ id: string }>("manager", "POST", "/api/v1/sla-policies", {
      body: { ...body, targets: { normal: { first_response: 60, resolution: 600 } } },
    });
    expect(created.status).toBe(201);
    const patched = await api.call<ErrorJson>("manager", "PATCH", `/api/v1/sla-policies/${created.json.id}`, {
      body: { targets: { high: { first_response: 4_000_000 } } },
    });
    expect(patched.status).toBe(400);
    expect(patched.json.error.details?.map((d) => d.path)).toEqual(["targets.high.first_response"]);
  });

  it("refuses a calendar edit that would leave a policy's target out of reach, at spec", async () => {
    const cal = await calendar("Semaine", WEEKDAYS);
    await api.call("manager", "POST", "/api/v1/sla-policies", {
      body: { name: "Longue", calendarId: cal.id, targets: { normal: { resolution: 1_000_000 } } },
    });
    const refused = await api.call<ErrorJson>("manager", "PATCH", `/api/v1/calendars/${cal.id}`, { body: { spec: ONE_HOUR_A_WEEK } });
    expect(refused.status).toBe(400);
    expect(refused.json.error.details).toEqual([{ path: "spec", message: expect.stringMatching(/^policy "Longue", targets\.normal\.resolution: /) }]);
    const kept = await api.call<{ version: number }>("manager", "GET", `/api/v1/calendars/${cal.id}`);
    expect(kept.json.version).toBe(cal.version);
  });

  it("creates a ticket on a policy stored with such a target, its clock running without a due time", async () => {
    const { id: calendarId } = await calendar("Lundi 9h", ONE_HOUR_A_WEEK);
    await insertPolicy(
      api.db,
      { name: "Ancienne", position: -10, calendarId, targets: { normal: { first_response: 60, resolution: 5_000_000 } } },
      api.clock.now(),
    );
    const customer = await api.call<{ id: string }>("agent", "POST", "/api/v1/customers", { body: { name: "Ines", email: "ines@example.be" } });
    const created = await api.call<{ ticket: { number: number } }>("agent", "POST", "/api/v1/tickets", {
      body: { subject: "Horizon", channel: "email", customerId: customer.json.id, message: { text: "Bonjour" } },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const clocks = await selectRows<{ target: string; state: string; due: boolean }>(
      get(),
      sql`select target, state, due_at is not null as due from sla_clocks where ticket_number = ${created.json.ticket.number} order by target`,
    );
    expect(clocks).toEqual([
      { target: "first_response", state: "running", due: true },
      { target: "resolution", state: "running", due: false },
    ]);
  });
});
