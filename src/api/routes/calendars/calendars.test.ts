// Calendars through the HTTP API: the shared resource checks, every problem of a spec named by
// its path, the preview, and the recompute an edit queues when a policy runs on the calendar.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entityChecks } from "../../../../test/api/entityChecks.js";
import { type ApiHarness, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { describeStore } from "../../../../test/support/testDatabase.js";

const BRUSSELS = {
  timezone: "Europe/Brussels",
  hours: { mon: [["08:30", "17:30"]], tue: [["08:30", "17:30"]], wed: [["08:30", "17:30"]], thu: [["08:30", "17:30"]], fri: [["08:30", "17:30"]] },
  holidays: ["01-01", "05-01", "07-21", "11-11", "12-25"],
};

describeStore("calendar routes", (get) => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await openApi(get());
  });
  afterAll(() => api.close());

  describe("as a resource", () => {
    entityChecks(() => api, {
      path: "/api/v1/calendars",
      writer: "manager",
      reader: "agent",
      create: (name) => ({ name, spec: BRUSSELS }),
      change: { spec: { timezone: "Europe/Paris", hours: { mon: [["09:00", "18:00"]] } } },
    });
  });

  it("refuses an invalid spec, naming every problem by its path", async () => {
    const spec = {
      timezone: "Europe/Pariss",
      hours: {
        mon: [
          ["09:00", "12:00"],
          ["25:00", "26:00"],
        ],
        tue: [
          ["09:00", "12:00"],
          ["11:00", "14:00"],
        ],
      },
      holidays: ["2026-02-30"],
      holiday: [],
    };
    const answer = await api.call<ErrorJson>("manager", "POST", "/api/v1/calendars", { body: { name: "Cassé", spec } });
    expect(answer.status).toBe(400);
    const paths = answer.json.error.details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["spec.holiday", "spec.timezone", "spec.hours.mon[1]", "spec.hours.tue", "spec.holidays[0]"]));
    const created = await api.call<{ id: string }>("manager", "POST", "/api/v1/calendars", { body: { name: "Valide", spec: BRUSSELS } });
    const patched = await api.call<ErrorJson>("manager", "PATCH", `/api/v1/calendars/${created.json.id}`, { body: { spec: { hours: {} } } });
    expect(patched.status).toBe(400);
    expect(patched.json.error.details).toEqual([{ path: "spec.timezone", code: "required", message: expect.stringContaining("is required") }]);
    const french = await api.call<ErrorJson>("manager", "POST", "/api/v1/calendars", {
      body: {
        name: "Chevauchement",
        spec: {
          timezone: "Europe/Brussels",
          hours: {
            tue: [
              ["09:00", "12:00"],
              ["11:00", "14:00"],
            ],
          },
          holidays: ["31-02"],
        },
      },
      headers: { "accept-language": "fr-BE" },
    });
    expect(french.json.error.details).toEqual([
      { path: "spec.hours.tue", code: "ranges_overlap", label: "Heures d’ouverture › mardi", message: "les plages 09:00–12:00 et 11:00–14:00 se chevauchent" },
      { path: "spec.holidays[0]", code: "not_a_date", label: "Jours fériés 1", message: "n’est pas une date (AAAA-MM-JJ, ou MM-JJ pour chaque année)" },
    ]);
    expect((await api.call<ErrorJson>("manager", "POST", "/api/v1/calendars", { body: { name: "Liste", spec: [] } })).status).toBe(400);
  });

  it("previews the due instants of a sample ticket and the next openings, in the calendar's zone", async () => {
    const answer = await api.call("agent", "POST", "/api/v1/calendars/preview", {
      body: { spec: BRUSSELS, start: "2026-11-20T16:30:00+01:00", minutes: [30, 60, 120], openings: 3 },
    });
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    expect(answer.json).toEqual({
      timezone: "Europe/Brussels",
      start: "2026-11-20T16:30:00+01:00",
      dues: [
        { minutes: 30, dueAt: "2026-11-20T17:00:00+01:00" },
        // Running out exactly at closing time gives the next opening.
        { minutes: 60, dueAt: "2026-11-23T08:30:00+01:00" },
        { minutes: 120, dueAt: "2026-11-23T09:30:00+01:00" },
      ],
      openings: [
        { from: "2026-11-20T16:30:00+01:00", to: "2026-11-20T17:30:00+01:00" },
        { from: "2026-11-23T08:30:00+01:00", to: "2026-11-23T17:30:00+01:00" },
        { from: "2026-11-24T08:30:00+01:00", to: "2026-11-24T17:30:00+01:00" },
      ],
    });
  });

  it("previews a stored calendar from now by default, and a round-the-clock one as one opening", async () => {
    const always = { timezone: "UTC", hours: Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [["00:00", "24:00"]]])) };
    const created = await api.call<{ id: string }>("manager", "POST", "/api/v1/calendars", { body: { name: "24/7", spec: always } });
    const answer = await api.call("viewer", "POST", "/api/v1/calendars/preview", { body: { calendarId: created.json.id, minutes: [90] } });
    expect(answer.status).toBe(200);
    const start = api.clock.now().getTime();
    expect(answer.json).toEqual({
      timezone: "UTC",
      start: new Date(start).toISOString().replace(".000Z", "Z"),
      dues: [{ minutes: 90, dueAt: new Date(start + 90 * 60_000).toISOString().replace(".000Z", "Z") }],
      openings: [{ from: new Date(start).toISOString().replace(".000Z", "Z"), to: null }],
    });
  });

  it("refuses a preview without a calendar, with two, with an unknown one, or with a bad start", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ minutes: [60] }, "spec"],
      [{ spec: BRUSSELS, calendarId: "00000000-0000-4000-8000-000000000000", minutes: [60] }, "calendarId"],
      [{ calendarId: "00000000-0000-4000-8000-000000000000", minutes: [60] }, "calendarId"],
      [{ spec: BRUSSELS, start: "2026-11-20T16:30:00", minutes: [60] }, "start"],
      [{ spec: { timezone: "UTC", hours: {} }, minutes: [60] }, "spec"],
      [{ spec: { timezone: "UTC" }, minutes: [60] }, "spec.hours"],
      [{ spec: BRUSSELS, minutes: [-1] }, "minutes[0]"],
    ];
    for (const [body, path] of cases) {
      const answer = await api.call<ErrorJson>("agent", "POST", "/api/v1/calendars/preview", { body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.json.error.details[0]?.path, JSON.stringify(answer.json)).toBe(path);
    }
  });

  it("answers a budget beyond the horizon with a 400 naming the calendar, without walking millennia", async () => {
    // Open one minute a week: 20 budgets of ten years of minutes each would need ~100,000 years.
    const spec = { timezone: "Europe/Brussels", hours: { mon: [["09:00", "09:01"]] } };
    const answer = await api.call<ErrorJson>("viewer", "POST", "/api/v1/calendars/preview", { body: { spec, minutes: Array(20).fill(5_256_000) } });
    expect(answer.status).toBe(400);
    expect(answer.json.error.details[0]?.path).toBe("spec");
    expect(answer.json.error.details[0]?.message).toMatch(/more than 50 years after/);
  });

  it("queues a recompute when the spec of a calendar that a policy runs on changes", async () => {
    const calendar = await api.call<{ id: string }>("manager", "POST", "/api/v1/calendars", { body: { name: "Utilisé", spec: BRUSSELS } });
    const policy = await api.call("manager", "POST", "/api/v1/sla-policies", {
      body: { name: "Sur Bruxelles", calendarId: calendar.json.id, targets: { normal: { first_response: 60 } } },
    });
    expect(policy.status, JSON.stringify(policy.json)).toBe(201);
    const renamed = await api.call<{ jobId: string | null }>("manager", "PATCH", `/api/v1/calendars/${calendar.json.id}`, { body: { name: "Utilisé 2" } });
    expect(renamed.json.jobId).toBeNull();
    const changed = await api.call<{ jobId: string | null; version: number }>("manager", "PATCH", `/api/v1/calendars/${calendar.json.id}`, {
      body: { spec: { ...BRUSSELS, holidays: [] } },
      headers: { "if-match": '"2"' },
    });
    expect(changed.status).toBe(200);
    expect(changed.json.version).toBe(3);
    expect(changed.json.jobId).not.toBeNull();
    const job = await api.call("viewer", "GET", `/api/v1/jobs/${changed.json.jobId}`);
    expect(job.json).toMatchObject({ kind: "recompute", state: "queued", reason: 'calendar "Utilisé 2" changed' });
  });
});
