// The server's clock over HTTP: moved forward by an admin when the server runs on a manual clock
// (PALIER_CLOCK=manual), never backwards; absent (404) on the system clock.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, type ErrorJson, openApi, START } from "../../../../test/api/harness.js";
import { describeStore } from "../../../../test/support/testDatabase.js";
import { ConfigError, loadConfig } from "../../../config.js";
import { type App, buildApp } from "../../app.js";
import { parseDuration } from "./isoDuration.js";

describe("ISO 8601 durations", () => {
  it("reads days, hours, minutes and seconds", () => {
    expect(parseDuration("PT30M")).toBe(30 * 60_000);
    expect(parseDuration("P1DT2H")).toBe(26 * 3_600_000);
    expect(parseDuration("P2D")).toBe(2 * 86_400_000);
    expect(parseDuration("PT1.5S")).toBe(1500);
    expect(parseDuration("PT0S")).toBe(0);
  });

  it("refuses what is not one, months and years, and negative durations", () => {
    for (const text of ["P", "PT", "30M", "P1M", "P1Y", "-PT1H", "PT-1H", "P1DT", "PT1H30", "1 hour"]) expect(parseDuration(text), text).toBeUndefined();
  });
});

describe("PALIER_CLOCK and PALIER_CLOCK_START", () => {
  it("start a manual clock at the given instant, or leave the start to the current time", () => {
    expect(loadConfig({ PALIER_CLOCK: "manual", PALIER_CLOCK_START: "2026-11-23T09:00:00+01:00" })).toMatchObject({
      manualClock: true,
      clockStart: new Date("2026-11-23T08:00:00Z"),
    });
    expect(loadConfig({ PALIER_CLOCK: "manual" })).toMatchObject({ manualClock: true, clockStart: undefined });
    expect(loadConfig({})).toMatchObject({ manualClock: false });
  });

  it("refuse a start that names no instant", () => {
    expect(() => loadConfig({ PALIER_CLOCK: "manual", PALIER_CLOCK_START: "2026-11-23 09:00" })).toThrow(ConfigError);
    expect(() => loadConfig({ PALIER_CLOCK_START: "tomorrow" })).toThrow(/PALIER_CLOCK_START/);
  });
});

describeStore("server clock routes", (get) => {
  let api: ApiHarness;
  let system: App;
  beforeAll(async () => {
    api = await openApi(get());
    system = await buildApp({ database: get(), clock: { now: () => new Date("2030-01-01T00:00:00Z") } });
    await system.ready();
  });
  afterAll(async () => {
    await system.close();
    await api.close();
  });

  it("answers the current instant to any caller", async () => {
    const customer = await api.signInCustomer("Horloge", "horloge@example.org");
    for (const caller of ["viewer", customer] as const) {
      const answer = await api.call(caller, "GET", "/api/v1/test/clock");
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ now: api.clock.now().toISOString(), manual: true });
    }
    expect((await api.call("anonymous", "GET", "/api/v1/test/clock")).status).toBe(401);
  });

  it("lets an admin move the manual clock forward by a duration or to an instant", async () => {
    const before = api.clock.now().getTime();
    const advanced = await api.call("admin", "POST", "/api/v1/test/clock", { body: { advance: "PT30M" } });
    expect(advanced.status).toBe(200);
    expect(advanced.json).toEqual({ now: new Date(before + 30 * 60_000).toISOString(), manual: true });
    expect(api.clock.now().getTime()).toBe(before + 30 * 60_000);
    const set = await api.call("admin", "POST", "/api/v1/test/clock", { body: { set: "2026-12-01T09:00:00+01:00" } });
    expect(set.json).toEqual({ now: "2026-12-01T08:00:00.000Z", manual: true });
    expect(api.clock.now().toISOString()).toBe("2026-12-01T08:00:00.000Z");
    expect(api.clock.now().getTime()).toBeGreaterThan(START.getTime());
  });

  it("never moves it backwards, and names the field of a bad request", async () => {
    const now = api.clock.now().toISOString();
    const cases: [Record<string, unknown>, string][] = [
      [{ set: "2026-11-01T00:00:00Z" }, "set"],
      [{ set: "2026-12-01T09:00:00" }, "set"],
      [{ advance: "P1M" }, "advance"],
      [{ advance: "-PT1H" }, "advance"],
      [{}, "advance"],
      [{ advance: "PT1H", set: "2030-01-01T00:00:00Z" }, "set"],
      [{ rewind: "PT1H" }, "rewind"],
    ];
    for (const [body, path] of cases) {
      const answer = await api.call<ErrorJson>("admin", "POST", "/api/v1/test/clock", { body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.json.error.details[0]?.path, JSON.stringify(answer.json)).toBe(path);
    }
    expect(api.clock.now().toISOString()).toBe(now);
  });

  it("lets only an admin move it", async () => {
    for (const role of ["manager", "agent", "viewer"] as const) {
      const answer = await api.call<ErrorJson>(role, "POST", "/api/v1/test/clock", { body: { advance: "PT1H" } });
      expect(answer.status).toBe(403);
      expect(answer.json.error.code).toBe("forbidden");
    }
    expect((await api.call("anonymous", "POST", "/api/v1/test/clock", { body: { advance: "PT1H" } })).status).toBe(401);
  });

  it("has no route to move the system clock", async () => {
    const headers = { authorization: `Bearer ${api.agents.admin.token}` };
    const moved = await system.inject({ method: "POST", url: "/api/v1/test/clock", headers, payload: { advance: "PT1H" } });
    expect(moved.statusCode).toBe(404);
    const read = await system.inject({ method: "GET", url: "/api/v1/test/clock", headers });
    expect(read.json()).toEqual({ now: "2030-01-01T00:00:00.000Z", manual: false });
  });
});
