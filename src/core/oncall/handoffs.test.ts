import { describe, expect, it } from "vitest";
import { parseInstant } from "../time/iso.js";
import { handoffNotice, handoffsBetween } from "./handoffs.js";
import { compileSchedule } from "./scheduleSpec.js";

const at = parseInstant;

describe("hand-offs", () => {
  const schedule = compileSchedule({
    timezone: "America/New_York",
    layers: [
      {
        rotation: { participants: ["ann", "bob"], start: "2026-11-02T09:00:00-05:00", length: { days: 1 } },
        restrictions: [{ days: ["mon", "tue"], from: "09:00", to: "17:00" }],
      },
    ],
  });

  it("lists who comes on call in (from, to], with the end of their shift, and no change to nobody", () => {
    expect(handoffsBetween(schedule, at("2026-11-02T09:00:00-05:00"), at("2026-11-04T00:00:00-05:00"))).toEqual([
      { at: at("2026-11-03T09:00:00-05:00"), who: ["bob"], until: at("2026-11-03T17:00:00-05:00") },
    ]);
    expect(handoffsBetween(schedule, at("2026-11-02T08:59:00-05:00"), at("2026-11-02T09:00:00-05:00"))).toEqual([
      { at: at("2026-11-02T09:00:00-05:00"), who: ["ann"], until: at("2026-11-02T17:00:00-05:00") },
    ]);
  });

  it("writes the notice in English with the end, or without one beyond two weeks", () => {
    const handoff = { at: at("2026-11-03T09:00:00-05:00"), who: ["bob"], until: at("2026-11-03T17:00:00-05:00") };
    expect(handoffNotice({ locale: "en-US", timeZone: "America/New_York", scheduleName: "Support", handoff })).toEqual({
      title: "You are on call: Support",
      body: "You are on call in Support from Tuesday 3 November at 09:00 until Tuesday 3 November at 17:00 (America/New_York).",
      locale: "en",
    });
    expect(handoffNotice({ locale: "xx", timeZone: "Nowhere/Else", scheduleName: "Support", handoff: { ...handoff, until: undefined } }).body).toBe(
      "You are on call in Support from Tuesday 3 November at 14:00 (UTC).",
    );
  });
});
