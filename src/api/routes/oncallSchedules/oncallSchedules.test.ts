// On-call schedules through the HTTP API: the shared resource checks, every problem of a schedule
// named by its path, participants that must be agents, deletion, on call now and the final schedule.

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entityChecks } from "../../../../test/api/entityChecks.js";
import { type ApiHarness, type ErrorJson, openApi } from "../../../../test/api/harness.js";
import { describeStore } from "../../../../test/support/testDatabase.js";
import { teams } from "../../../store/schema.js";

const NOON = new Date("2026-11-23T11:00:00Z");

describeStore("on-call schedule routes", (get) => {
  let api: ApiHarness;
  let ann: string;
  let bob: string;
  const weekly = () => [{ name: "primary", rotation: { participants: [ann, bob], start: "2026-11-16T09:00:00+01:00", length: { weeks: 1 } } }];
  beforeAll(async () => {
    api = await openApi(get());
    ann = api.agents.agent.id;
    bob = api.agents.team_lead.id;
  });
  afterAll(() => api.close());

  describe("as a resource", () => {
    entityChecks(() => api, {
      path: "/api/v1/oncall-schedules",
      writer: "manager",
      reader: "agent",
      create: (name) => ({ name, timezone: "Europe/Brussels", layers: weekly() }),
      change: { timezone: "Europe/Paris" },
    });
  });

  it("refuses an invalid schedule, naming every problem by its path, in the reader's language", async () => {
    const body = {
      name: "Cassé",
      timezone: "Europe/Brussel",
      layers: [
        {
          rotation: { participants: [], start: "2026-11-16T09:00:00", length: { days: 1, hours: 1 } },
          restrictions: [{ days: ["lun"], from: "18:00", to: "18:00" }],
        },
      ],
      overrides: [{ start: "2026-11-20T00:00:00Z", end: "2026-11-19T00:00:00Z", who: ann }],
    };
    const answer = await api.call<ErrorJson>("manager", "POST", "/api/v1/oncall-schedules", { body });
    expect(answer.status).toBe(400);
    expect(answer.json.error.details.map((d) => d.path)).toEqual([
      "timezone",
      "layers[0].rotation.participants",
      "layers[0].rotation.start",
      "layers[0].rotation.length",
      "layers[0].restrictions[0].days[0]",
      "layers[0].restrictions[0]",
      "overrides[0].end",
    ]);
    const french = await api.call<ErrorJson>("manager", "POST", "/api/v1/oncall-schedules", { body, headers: { "accept-language": "fr-BE" } });
    expect(french.json.error.details[1]).toEqual({
      path: "layers[0].rotation.participants",
      code: "no_participants",
      label: "Couches 1 › Rotation › Participants",
      message: "une rotation a besoin d’au moins un participant",
    });
    const window = await api.call<ErrorJson>("manager", "POST", "/api/v1/oncall-schedules", {
      body: { name: "Plage", timezone: "UTC", layers: [{ ...weekly()[0], restrictions: [{ days: ["mon"], from: "18:00", to: "8:00" }] }] },
      headers: { "accept-language": "nl" },
    });
    expect(window.json.error.details).toEqual([
      {
        path: "layers[0].restrictions[0].to",
        code: "not_a_time",
        label: "Lagen 1 › Tijdvensters 1 › Tot",
        message: `"8:00" is geen tijd (UU:MM van 00:00 tot 24:00)`,
      },
    ]);
    expect(french.json.error.details[6]).toMatchObject({ code: "override_not_after", message: "finit avant ou à son début" });
  });

  it("refuses participants and override people who are not agents", async () => {
    const stranger = "00000000-0000-4000-8000-000000000000";
    const answer = await api.call<ErrorJson>("manager", "POST", "/api/v1/oncall-schedules", {
      body: {
        name: "Inconnus",
        timezone: "UTC",
        layers: [{ rotation: { participants: [ann, stranger], start: "2026-11-16T09:00:00Z", length: { days: 1 } } }],
        overrides: [{ start: "2026-11-20T00:00:00Z", end: "2026-11-21T00:00:00Z", who: "sam" }],
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.json.error.details).toEqual([
      { path: "layers[0].rotation.participants[1]", code: "unknown_agent", message: `no agent has the id ${stranger}` },
      { path: "overrides[0].who", code: "unknown_agent", message: "no agent has the id sam" },
    ]);
    const created = await api.call<{ id: string }>("manager", "POST", "/api/v1/oncall-schedules", {
      body: { name: "Connus", timezone: "UTC", layers: weekly() },
    });
    const patched = await api.call<ErrorJson>("manager", "PATCH", `/api/v1/oncall-schedules/${created.json.id}`, {
      body: { overrides: [{ start: "2026-11-20T00:00:00Z", end: "2026-11-21T00:00:00Z", who: stranger }] },
    });
    expect(patched.status).toBe(400);
    expect(patched.json.error.details[0]?.path).toBe("overrides[0].who");
  });

  it("says who is on call now and who is next, in the schedule's zone", async () => {
    const created = await api.call<{ id: string }>("manager", "POST", "/api/v1/oncall-schedules", {
      body: {
        name: "Maintenant",
        timezone: "Europe/Brussels",
        layers: weekly(),
        overrides: [{ start: "2026-11-24T12:00:00+01:00", end: "2026-11-24T14:00:00+01:00", who: bob }],
      },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    // Monday 23 November 2026, noon in Brussels: bob's week since 09:00.
    api.clock.set(NOON);
    const now = await api.call("viewer", "GET", `/api/v1/oncall-schedules/${created.json.id}/now`);
    expect(now.status).toBe(200);
    expect(now.json).toEqual({
      timezone: "Europe/Brussels",
      at: "2026-11-23T12:00:00+01:00",
      onCall: [bob],
      next: { at: "2026-11-30T09:00:00+01:00", onCall: [ann] },
    });
  });

  it("lists the final schedule over a span, two weeks from now by default, refusing spans over a year", async () => {
    const created = await api.call<{ id: string }>("manager", "POST", "/api/v1/oncall-schedules", {
      body: {
        name: "Planning",
        timezone: "Europe/Brussels",
        layers: weekly(),
        overrides: [{ start: "2026-11-24T12:00:00+01:00", end: "2026-11-24T14:00:00+01:00", who: ann }],
      },
    });
    const path = `/api/v1/oncall-schedules/${created.json.id}/shifts`;
    api.clock.set(NOON);
    const byDefault = await api.call<{ from: string; to: string; shifts: unknown[] }>("agent", "GET", path);
    expect(byDefault.status).toBe(200);
    expect(byDefault.json).toMatchObject({ from: "2026-11-23T12:00:00+01:00", to: "2026-12-07T12:00:00+01:00" });
    expect(byDefault.json.shifts).toEqual([
      { start: "2026-11-23T12:00:00+01:00", end: "2026-11-24T12:00:00+01:00", who: [bob] },
      { start: "2026-11-24T12:00:00+01:00", end: "2026-11-24T14:00:00+01:00", who: [ann] },
      { start: "2026-11-24T14:00:00+01:00", end: "2026-11-30T09:00:00+01:00", who: [bob] },
      { start: "2026-11-30T09:00:00+01:00", end: "2026-12-07T09:00:00+01:00", who: [ann] },
      { start: "2026-12-07T09:00:00+01:00", end: "2026-12-07T12:00:00+01:00", who: [bob] },
    ]);
    const tooLong = await api.call<ErrorJson>("agent", "GET", `${path}?from=2026-01-01T00:00:00Z&to=2027-06-01T00:00:00Z`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.error.details[0]).toMatchObject({ path: "querystring.to", message: expect.stringContaining("longer than 366 days") });
    const local = await api.call<ErrorJson>("agent", "GET", `${path}?from=2026-11-23T00:00:00`);
    expect(local.status).toBe(400);
    expect(local.json.error.details[0]?.path).toBe("querystring.from");
  });

  it("deletes a schedule at the version read, teams using it then having none", async () => {
    const created = await api.call<{ id: string; version: number }>("manager", "POST", "/api/v1/oncall-schedules", {
      body: { name: "Éphémère", timezone: "UTC", layers: [] },
    });
    await api.db.update(teams).set({ onCallScheduleId: created.json.id }).where(eq(teams.id, api.teamId));
    const path = `/api/v1/oncall-schedules/${created.json.id}`;
    expect((await api.call("agent", "DELETE", path)).status).toBe(403);
    expect((await api.call("manager", "DELETE", path, { headers: { "if-match": '"7"' } })).status).toBe(409);
    expect((await api.call("manager", "DELETE", path, { headers: { "if-match": '"1"' } })).status).toBe(204);
    expect((await api.call("agent", "GET", path)).status).toBe(404);
    expect((await api.call("manager", "DELETE", path)).status).toBe(404);
    const [team] = await api.db.select({ scheduleId: teams.onCallScheduleId }).from(teams).where(eq(teams.id, api.teamId));
    expect(team?.scheduleId).toBeNull();
  });
});
