// `PATCH …?dryRun=true` on a policy and on a calendar: the impact of the edit on open tickets
// (due times moved, clocks breached at once, steps and notices that would go out at once, after
// the catch-up rules), with the same checks as the real PATCH, and nothing saved.

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiHarness, type ErrorJson, openApi, START } from "../../../../test/api/harness.js";
import { describeStore, selectRows } from "../../../../test/support/testDatabase.js";
import type { DryRunAnswer } from "./dryRun.js";

const PARIS = { timezone: "Europe/Paris", hours: Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [["09:00", "18:00"]]])) };
const MINUTE = 60_000;

describeStore("dry run of a policy or calendar edit", (get) => {
  let api: ApiHarness;
  let policyId: string;
  let calendarId: string;
  const numbers: number[] = [];

  beforeAll(async () => {
    api = await openApi(get());
    calendarId = (await api.call<{ id: string }>("manager", "POST", "/api/v1/calendars", { body: { name: "Paris", spec: PARIS } })).json.id;
    const to = (...roles: ("manager" | "admin")[]) => roles.map((role) => ({ kind: "agent", agentId: api.agents[role].id }));
    const created = await api.call<{ id: string }>("manager", "POST", "/api/v1/sla-policies", {
      body: {
        name: "Standard",
        isDefault: true,
        calendarId,
        targets: { normal: { first_response: 120, resolution: 960 } },
        matrix: {
          steps: [
            { id: "reminder", kind: "reminder", level: 0, offsetMinutes: 30, recipients: to("manager") },
            { id: "level-1", kind: "level", level: 1, offsetMinutes: 0, recipients: to("manager") },
            { id: "level-2", kind: "level", level: 2, offsetMinutes: 20, recipients: to("manager", "admin") },
            { id: "level-3", kind: "level", level: 3, offsetMinutes: 120, recipients: to("admin") },
          ],
        },
      },
    });
    policyId = created.json.id;
    const customer = await api.call<{ id: string }>("agent", "POST", "/api/v1/customers", { body: { name: "Anne", email: "anne@example.fr" } });
    // Monday 10:00 in Paris: first response due 12:00, resolution Tuesday 17:00.
    for (const subject of ["Facture en double", "Colis perdu"]) {
      const ticket = await api.call<{ ticket: { number: number } }>("agent", "POST", "/api/v1/tickets", {
        body: { subject, channel: "email", customerId: customer.json.id, message: { text: "Bonjour" } },
      });
      numbers.push(ticket.json.ticket.number);
    }
    // 11:30 in Paris.
    api.clock.set(new Date(START.getTime() + 90 * MINUTE));
  });
  afterAll(() => api.close());

  /** Every row a real edit would write, to compare before and after a dry run. */
  const rows = async () => ({
    policies: await selectRows(get(), sql`select id, version, targets, updated_at::text from sla_policies order by id`),
    calendars: await selectRows(get(), sql`select id, version, spec, updated_at::text from calendars order by id`),
    clocks: await selectRows(get(), sql`select id, state, due_at::text, budget_seconds, updated_at::text from sla_clocks order by id`),
    timers: await selectRows(get(), sql`select id::int, state, due_at::text, updated_at::text from timers order by id`),
    events: await selectRows(get(), sql`select count(*)::int as n from ticket_events`),
    jobs: await selectRows(get(), sql`select count(*)::int as n from jobs`),
    outbox: await selectRows(get(), sql`select count(*)::int as n from outbox`),
  });

  it("answers the impact of a shorter target, and saves nothing", async () => {
    const before = await rows();
    const reply = await api.call<DryRunAnswer>("manager", "PATCH", `/api/v1/sla-policies/${policyId}?dryRun=true`, {
      body: { targets: { normal: { first_response: 60, resolution: 960 } } },
      headers: { "if-match": '"1"' },
    });
    expect(reply.status, JSON.stringify(reply.json)).toBe(200);
    // First response now due at 11:00, half an hour ago: breached at once. The reminder (10:30) is
    // past due, not sent; levels 1 (11:00) and 2 (11:20) fire: one notice to the manager, one to the admin, per ticket.
    expect(reply.json).toEqual({
      dryRun: true,
      impact: {
        openTickets: 2,
        retargeted: 2,
        breachedNow: 2,
        stepsNow: 4,
        notificationsNow: 4,
        examples: numbers.map((number, i) => ({
          number,
          subject: ["Facture en double", "Colis perdu"][i],
          clock: "first_response",
          dueBefore: "2026-11-23T11:00:00.000Z",
          dueAfter: "2026-11-23T10:00:00.000Z",
        })),
        truncated: false,
      },
    });
    expect(reply.headers.etag).toBeUndefined();
    expect(await rows()).toEqual(before);
  });

  it("answers a calendar's new hours, and saves nothing", async () => {
    const before = await rows();
    // Monday until 11:00 only: the first response's last hour moves to Tuesday, the resolution too.
    const reply = await api.call<DryRunAnswer>("manager", "PATCH", `/api/v1/calendars/${calendarId}?dryRun=true`, {
      body: { spec: { ...PARIS, hours: { ...PARIS.hours, mon: [["09:00", "11:00"]] } } },
    });
    expect(reply.status, JSON.stringify(reply.json)).toBe(200);
    expect(reply.json.impact).toMatchObject({ openTickets: 2, retargeted: 2, breachedNow: 0, stepsNow: 0, notificationsNow: 0, truncated: false });
    expect(reply.json.impact.examples.filter((e) => e.number === numbers[0])).toEqual([
      {
        number: numbers[0],
        subject: "Facture en double",
        clock: "first_response",
        dueBefore: "2026-11-23T11:00:00.000Z",
        dueAfter: "2026-11-24T09:00:00.000Z",
      },
      { number: numbers[0], subject: "Facture en double", clock: "resolution", dueBefore: "2026-11-24T16:00:00.000Z", dueAfter: "2026-11-25T14:00:00.000Z" },
    ]);
    expect(await rows()).toEqual(before);
  });

  it("checks as the real PATCH does: version, body, permission", async () => {
    const url = `/api/v1/sla-policies/${policyId}?dryRun=true`;
    const stale = await api.call<ErrorJson>("manager", "PATCH", url, { body: { targets: { normal: { first_response: 60 } } }, headers: { "if-match": '"7"' } });
    expect(stale.status).toBe(409);
    const invalid = await api.call<ErrorJson>("manager", "PATCH", url, {
      body: { matrix: { steps: [{ id: "x", kind: "reminder", level: 2, offsetMinutes: 5, recipients: [{ kind: "assignee" }] }] } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.details?.map((d) => d.path)).toEqual(["matrix.steps[0].level"]);
    expect((await api.call("agent", "PATCH", url, { body: { targets: { normal: { first_response: 60 } } } })).status).toBe(403);
    const calendar = await api.call<ErrorJson>("manager", "PATCH", `/api/v1/calendars/${calendarId}?dryRun=true`, {
      body: { spec: { timezone: "Europe/Paris", hours: { mon: [["18:00", "09:00"]] } } },
    });
    expect(calendar.status).toBe(400);
  });
});
