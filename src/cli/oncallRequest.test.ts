import { describe, expect, it } from "vitest";
import { runOncallRequest } from "./oncallRequest.js";

const schedule = {
  timezone: "Europe/Brussels",
  layers: [
    { name: "days", rotation: { participants: ["ann", "bob"], start: "2026-11-02T09:00:00+01:00", length: { weeks: 1 } } },
    {
      name: "nights",
      rotation: { participants: ["nina", "noor"], start: "2026-11-02T18:00:00+01:00", length: { days: 1 } },
      restrictions: [{ days: ["mon", "tue", "wed", "thu", "fri"], from: "18:00", to: "08:00" }],
    },
  ],
  overrides: [{ start: "2026-11-04T12:00:00+01:00", end: "2026-11-04T14:00:00+01:00", who: "cem" }],
};

const run = (request: unknown) => runOncallRequest(JSON.stringify(request));
const answer = (request: unknown) => JSON.parse(run(request).stdout) as { results: unknown[] };

describe("palier oncall's request and answer", () => {
  it("answers who is on call at an instant, the override and the later layer winning", () => {
    const outcome = run({
      schedule,
      queries: [
        { at: "2026-11-03T03:00:00+01:00" },
        { at: "2026-11-04T13:00:00+01:00" },
        { at: "2026-11-03T10:00:00+01:00" },
        { at: "2026-11-01T10:00:00+01:00" },
      ],
    });
    expect(outcome).toEqual({ code: 0, stdout: `{"results":[{"on_call":["nina"]},{"on_call":["cem"]},{"on_call":["ann"]},{"on_call":[]}]}\n`, stderr: "" });
  });

  it("answers the final schedule over a span in the schedule's zone, adjacent equal shifts merged", () => {
    expect(answer({ schedule, queries: [{ from: "2026-11-04T00:00:00+01:00", to: "2026-11-05T00:00:00+01:00" }] }).results).toEqual([
      {
        shifts: [
          { start: "2026-11-04T00:00:00+01:00", end: "2026-11-04T08:00:00+01:00", who: ["noor"] },
          { start: "2026-11-04T08:00:00+01:00", end: "2026-11-04T12:00:00+01:00", who: ["ann"] },
          { start: "2026-11-04T12:00:00+01:00", end: "2026-11-04T14:00:00+01:00", who: ["cem"] },
          { start: "2026-11-04T14:00:00+01:00", end: "2026-11-04T18:00:00+01:00", who: ["ann"] },
          { start: "2026-11-04T18:00:00+01:00", end: "2026-11-05T00:00:00+01:00", who: ["nina"] },
        ],
      },
    ]);
  });

  it("answers each query in order, an error in its place and exit status 1 for one it cannot answer", () => {
    const outcome = run({
      schedule,
      queries: [
        { at: "2026-11-03T10:00:00+01:00" },
        { at: "2026-11-03T10:00:00" },
        { from: "2026-01-01T00:00:00Z", to: "2027-06-01T00:00:00Z" },
        { from: "2026-11-03T00:00:00Z" },
        { when: "now" },
        "now",
      ],
    });
    expect(outcome.code).toBe(1);
    expect(JSON.parse(outcome.stdout).results).toEqual([
      { on_call: ["ann"] },
      { error: `at: "2026-11-03T10:00:00" has no UTC offset (add Z or an offset such as +01:00)` },
      { error: "the span from 2026-01-01T01:00:00+01:00 to 2027-06-01T02:00:00+02:00 is longer than 366 days" },
      { error: "to: is required (a query has at, or from and to)" },
      { error: "when: unknown field (a query has at, or from and to)" },
      { error: `expected a query such as {"at": "…"} or {"from": "…", "to": "…"}` },
    ]);
  });

  it("refuses an invalid schedule with exit status 2, naming every field and problem", () => {
    const bad = {
      ...schedule,
      timezone: "Europe/Brussel",
      layers: [{ rotation: { participants: [], start: "2026-11-02T09:00:00+01:00", length: { days: 1, hours: 2 } } }],
    };
    expect(run({ schedule: bad, queries: [] })).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "palier oncall: invalid schedule:\n" +
        `  schedule.timezone: "Europe/Brussel" is not an IANA time zone (for example Europe/Brussels)\n` +
        "  schedule.layers[0].rotation.participants: a rotation needs at least one participant\n" +
        "  schedule.layers[0].rotation.length: a length is exactly one of hours, days or weeks\n",
    });
  });

  it("refuses a request that is not JSON, lacks its parts or has unknown ones, with exit status 2", () => {
    expect(runOncallRequest("{").code).toBe(2);
    expect(run({ queries: [] })).toEqual({ code: 2, stdout: "", stderr: "palier oncall: schedule: is required\n" });
    expect(run({ schedule })).toEqual({ code: 2, stdout: "", stderr: "palier oncall: queries: is required\n" });
    expect(run({ schedule, queries: [], ops: [] })).toEqual({
      code: 2,
      stdout: "",
      stderr: "palier oncall: ops: unknown field (a request has schedule and queries)\n",
    });
  });

  it("answers an empty list of queries with no results", () => {
    expect(run({ schedule, queries: [] })).toEqual({ code: 0, stdout: `{"results":[]}\n`, stderr: "" });
  });
});
