import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatInstant, parseInstant } from "../time/iso.js";
import { TimeZone } from "../time/zone.js";
import { MAX_SPAN_DAYS, nextHandoff, onCallAt, ScheduleSpanError, shiftsBetween } from "./onCall.js";
import type { Layer, OnCallScheduleSpec, Override } from "./schedule.js";

const at = parseInstant;
const HOUR = 3_600_000;

function schedule(timezone: string, layers: Layer[], overrides: Override[] = []): OnCallScheduleSpec {
  return { timezone, layers, overrides };
}

function rotation(participants: string[], start: string, length: Layer["rotation"]["length"]): Layer {
  return { rotation: { participants, start, length } };
}

/** The final schedule with instants written in the schedule's zone, easy to read in a failure. */
function shifts(spec: OnCallScheduleSpec, from: string, to: string) {
  const zone = TimeZone.of(spec.timezone);
  return shiftsBetween(spec, at(from), at(to)).map((s) => ({ start: formatInstant(s.start, zone), end: formatInstant(s.end, zone), who: s.who }));
}

describe("a daily or weekly rotation hands off at the same local time across daylight-saving changes", () => {
  it("in Europe/Brussels in spring: the Monday 09:00 hand-off stays at 09:00 after clocks go forward", () => {
    const weekly = schedule("Europe/Brussels", [rotation(["ann", "bob"], "2026-03-23T09:00:00+01:00", { weeks: 1 })]);
    expect(shifts(weekly, "2026-03-23T09:00:00+01:00", "2026-04-06T09:00:00+02:00")).toEqual([
      { start: "2026-03-23T09:00:00+01:00", end: "2026-03-30T09:00:00+02:00", who: ["ann"] },
      { start: "2026-03-30T09:00:00+02:00", end: "2026-04-06T09:00:00+02:00", who: ["bob"] },
    ]);
    expect(onCallAt(weekly, at("2026-03-30T08:30:00+02:00"))).toEqual(["ann"]);
    expect(onCallAt(weekly, at("2026-03-30T09:00:00+02:00"))).toEqual(["bob"]);
  });

  it("in Europe/Brussels in autumn: the day clocks go back lasts 25 hours for whoever holds it", () => {
    const daily = schedule("Europe/Brussels", [rotation(["ann", "bob", "cem"], "2026-10-23T08:00:00+02:00", { days: 1 })]);
    const result = shiftsBetween(daily, at("2026-10-24T08:00:00+02:00"), at("2026-10-26T08:00:00+01:00"));
    expect(result.map((s) => [s.who[0], (s.end - s.start) / HOUR])).toEqual([
      ["bob", 25],
      ["cem", 24],
    ]);
    expect(onCallAt(daily, at("2026-10-25T07:59:00+01:00"))).toEqual(["bob"]);
    expect(onCallAt(daily, at("2026-10-25T08:00:00+01:00"))).toEqual(["cem"]);
  });

  it("in America/New_York: hand-offs at 17:00 stay at 17:00 through March and November changes", () => {
    const daily = schedule("America/New_York", [rotation(["ann", "bob"], "2026-03-06T17:00:00-05:00", { days: 1 })]);
    expect(shifts(daily, "2026-03-07T12:00:00-05:00", "2026-03-09T12:00:00-04:00").map((s) => s.start)).toEqual([
      "2026-03-07T12:00:00-05:00",
      "2026-03-07T17:00:00-05:00",
      "2026-03-08T17:00:00-04:00",
    ]);
    expect(shifts(daily, "2026-10-31T12:00:00-04:00", "2026-11-02T12:00:00-05:00").map((s) => s.start)).toEqual([
      "2026-10-31T12:00:00-04:00",
      "2026-10-31T17:00:00-04:00",
      "2026-11-01T17:00:00-05:00",
    ]);
  });

  it("in Australia/Sydney, where summer time ends in April and starts in October", () => {
    const weekly = schedule("Australia/Sydney", [rotation(["ann", "bob"], "2026-03-30T09:00:00+11:00", { weeks: 1 })]);
    expect(shifts(weekly, "2026-03-30T09:00:00+11:00", "2026-04-13T09:00:00+10:00")).toEqual([
      { start: "2026-03-30T09:00:00+11:00", end: "2026-04-06T09:00:00+10:00", who: ["ann"] },
      { start: "2026-04-06T09:00:00+10:00", end: "2026-04-13T09:00:00+10:00", who: ["bob"] },
    ]);
    // 28 weeks later: summer time began on 4 October.
    expect(onCallAt(weekly, at("2026-10-12T08:59:00+11:00"))).toEqual(["bob"]);
    expect(onCallAt(weekly, at("2026-10-12T09:00:00+11:00"))).toEqual(["ann"]);
    expect(nextHandoff(weekly, at("2026-10-07T12:00:00+11:00"))).toEqual({ at: at("2026-10-12T09:00:00+11:00"), who: ["ann"] });
  });

  it("in Asia/Kolkata, half an hour off UTC, at 09:00 local", () => {
    const daily = schedule("Asia/Kolkata", [rotation(["ann", "bob"], "2026-06-01T09:00:00+05:30", { days: 2 })]);
    expect(shifts(daily, "2026-06-01T00:00:00Z", "2026-06-06T00:00:00Z")).toEqual([
      { start: "2026-06-01T05:30:00+05:30", end: "2026-06-01T09:00:00+05:30", who: [] },
      { start: "2026-06-01T09:00:00+05:30", end: "2026-06-03T09:00:00+05:30", who: ["ann"] },
      { start: "2026-06-03T09:00:00+05:30", end: "2026-06-05T09:00:00+05:30", who: ["bob"] },
      { start: "2026-06-05T09:00:00+05:30", end: "2026-06-06T05:30:00+05:30", who: ["ann"] },
    ]);
  });
});

describe("a rotation at a local time the clock skips or repeats", () => {
  const daily = schedule("Europe/Brussels", [rotation(["ann", "bob"], "2026-03-27T02:30:00+01:00", { days: 1 })]);

  it("hands off at 03:30 on the day 02:30 does not exist, and at 02:30 again the next day", () => {
    expect(shifts(daily, "2026-03-28T02:30:00+01:00", "2026-03-31T02:30:00+02:00")).toEqual([
      { start: "2026-03-28T02:30:00+01:00", end: "2026-03-29T03:30:00+02:00", who: ["bob"] },
      { start: "2026-03-29T03:30:00+02:00", end: "2026-03-30T02:30:00+02:00", who: ["ann"] },
      { start: "2026-03-30T02:30:00+02:00", end: "2026-03-31T02:30:00+02:00", who: ["bob"] },
    ]);
  });

  it("hands off at the first 02:30 on the day 02:30 happens twice", () => {
    const autumn = schedule("Europe/Brussels", [rotation(["ann", "bob"], "2026-10-24T02:30:00+02:00", { days: 1 })]);
    expect(onCallAt(autumn, at("2026-10-25T02:29:00+02:00"))).toEqual(["ann"]);
    expect(onCallAt(autumn, at("2026-10-25T02:30:00+02:00"))).toEqual(["bob"]);
    expect(onCallAt(autumn, at("2026-10-25T02:30:00+01:00"))).toEqual(["bob"]);
  });
});

describe("an hourly rotation counts real hours", () => {
  it("hands off 12 real hours later across the spring change, at 09:00 instead of 08:00", () => {
    const twelve = schedule("Europe/Brussels", [rotation(["ann", "bob"], "2026-03-28T20:00:00+01:00", { hours: 12 })]);
    expect(shifts(twelve, "2026-03-28T20:00:00+01:00", "2026-03-29T22:00:00+02:00")).toEqual([
      { start: "2026-03-28T20:00:00+01:00", end: "2026-03-29T09:00:00+02:00", who: ["ann"] },
      { start: "2026-03-29T09:00:00+02:00", end: "2026-03-29T21:00:00+02:00", who: ["bob"] },
      { start: "2026-03-29T21:00:00+02:00", end: "2026-03-29T22:00:00+02:00", who: ["ann"] },
    ]);
  });

  it("has nobody before the rotation starts", () => {
    const twelve = schedule("UTC", [rotation(["ann"], "2026-03-28T20:00:00Z", { hours: 12 })]);
    expect(onCallAt(twelve, at("2026-03-28T19:59:59Z"))).toEqual([]);
    expect(onCallAt(twelve, at("2026-03-28T20:00:00Z"))).toEqual(["ann"]);
  });
});

describe("restrictions", () => {
  // Business hours on weekdays, nights on weekdays past midnight, and weekends, as three layers.
  const week = schedule("Europe/Brussels", [
    {
      name: "day",
      rotation: { participants: ["dan", "dora"], start: "2026-11-02T09:00:00+01:00", length: { weeks: 1 } },
      restrictions: [{ days: ["mon", "tue", "wed", "thu", "fri"], from: "09:00", to: "18:00" }],
    },
    {
      name: "night",
      rotation: { participants: ["nina"], start: "2026-11-02T09:00:00+01:00", length: { weeks: 1 } },
      restrictions: [{ days: ["mon", "tue", "wed", "thu"], from: "18:00", to: "09:00" }],
    },
    {
      name: "weekend",
      rotation: { participants: ["wes"], start: "2026-11-02T09:00:00+01:00", length: { weeks: 1 } },
      restrictions: [
        { days: ["fri"], from: "18:00", to: "24:00" },
        { days: ["sat", "sun"], from: "00:00", to: "24:00" },
        { days: ["mon"], from: "00:00", to: "09:00" },
      ],
    },
  ]);

  it("hands each part of a week to its layer, a night window running into the next morning", () => {
    expect(shifts(week, "2026-11-09T09:00:00+01:00", "2026-11-16T09:00:00+01:00")).toEqual([
      { start: "2026-11-09T09:00:00+01:00", end: "2026-11-09T18:00:00+01:00", who: ["dora"] },
      { start: "2026-11-09T18:00:00+01:00", end: "2026-11-10T09:00:00+01:00", who: ["nina"] },
      { start: "2026-11-10T09:00:00+01:00", end: "2026-11-10T18:00:00+01:00", who: ["dora"] },
      { start: "2026-11-10T18:00:00+01:00", end: "2026-11-11T09:00:00+01:00", who: ["nina"] },
      { start: "2026-11-11T09:00:00+01:00", end: "2026-11-11T18:00:00+01:00", who: ["dora"] },
      { start: "2026-11-11T18:00:00+01:00", end: "2026-11-12T09:00:00+01:00", who: ["nina"] },
      { start: "2026-11-12T09:00:00+01:00", end: "2026-11-12T18:00:00+01:00", who: ["dora"] },
      { start: "2026-11-12T18:00:00+01:00", end: "2026-11-13T09:00:00+01:00", who: ["nina"] },
      { start: "2026-11-13T09:00:00+01:00", end: "2026-11-13T18:00:00+01:00", who: ["dora"] },
      { start: "2026-11-13T18:00:00+01:00", end: "2026-11-16T09:00:00+01:00", who: ["wes"] },
    ]);
  });

  it("reads a window past midnight as belonging to the day it opens", () => {
    const nights = schedule("Europe/Brussels", [
      {
        rotation: { participants: ["nina"], start: "2026-11-01T00:00:00+01:00", length: { days: 1 } },
        restrictions: [{ days: ["fri"], from: "22:00", to: "06:00" }],
      },
    ]);
    expect(onCallAt(nights, at("2026-11-14T05:00:00+01:00"))).toEqual(["nina"]); // Saturday, from Friday's window
    expect(onCallAt(nights, at("2026-11-13T05:00:00+01:00"))).toEqual([]); // Friday morning: Thursday has no window
    expect(onCallAt(nights, at("2026-11-14T22:30:00+01:00"))).toEqual([]);
  });

  it("keeps night windows at their local times on the night clocks go forward", () => {
    const nights = schedule("America/New_York", [
      {
        rotation: { participants: ["nina"], start: "2026-03-01T00:00:00-05:00", length: { weeks: 1 } },
        restrictions: [{ days: ["sat"], from: "22:00", to: "06:00" }],
      },
    ]);
    expect(shifts(nights, "2026-03-07T12:00:00-05:00", "2026-03-08T12:00:00-04:00")).toEqual([
      { start: "2026-03-07T12:00:00-05:00", end: "2026-03-07T22:00:00-05:00", who: [] },
      { start: "2026-03-07T22:00:00-05:00", end: "2026-03-08T06:00:00-04:00", who: ["nina"] },
      { start: "2026-03-08T06:00:00-04:00", end: "2026-03-08T12:00:00-04:00", who: [] },
    ]);
  });
});

describe("layers and overrides", () => {
  const base = rotation(["ann", "bob"], "2026-11-02T09:00:00Z", { weeks: 1 });
  const evenings: Layer = {
    rotation: { participants: ["eve"], start: "2026-11-02T09:00:00Z", length: { weeks: 1 } },
    restrictions: [{ days: ["mon"], from: "18:00", to: "22:00" }],
  };

  it("lets the later layer win where several have someone", () => {
    expect(onCallAt(schedule("UTC", [base, evenings]), at("2026-11-02T19:00:00Z"))).toEqual(["eve"]);
    expect(onCallAt(schedule("UTC", [evenings, base]), at("2026-11-02T19:00:00Z"))).toEqual(["ann"]);
  });

  it("lets an override beat every layer, the later override winning where two overlap", () => {
    const spec = schedule(
      "UTC",
      [base, evenings],
      [
        { start: "2026-11-02T17:00:00Z", end: "2026-11-02T20:00:00Z", who: "oli" },
        { start: "2026-11-02T19:00:00Z", end: "2026-11-02T21:00:00Z", who: "ola" },
      ],
    );
    expect(shifts(spec, "2026-11-02T16:00:00Z", "2026-11-03T00:00:00Z")).toEqual([
      { start: "2026-11-02T16:00:00Z", end: "2026-11-02T17:00:00Z", who: ["ann"] },
      { start: "2026-11-02T17:00:00Z", end: "2026-11-02T19:00:00Z", who: ["oli"] },
      { start: "2026-11-02T19:00:00Z", end: "2026-11-02T21:00:00Z", who: ["ola"] },
      { start: "2026-11-02T21:00:00Z", end: "2026-11-02T22:00:00Z", who: ["eve"] },
      { start: "2026-11-02T22:00:00Z", end: "2026-11-03T00:00:00Z", who: ["ann"] },
    ]);
  });

  it("merges adjacent shifts of the same person, an override for the one already on call included", () => {
    const spec = schedule(
      "UTC",
      [rotation(["ann", "ann", "bob"], "2026-11-02T00:00:00Z", { days: 1 })],
      [{ start: "2026-11-04T00:00:00Z", end: "2026-11-04T12:00:00Z", who: "bob" }],
    );
    expect(shifts(spec, "2026-11-02T00:00:00Z", "2026-11-05T00:00:00Z")).toEqual([
      { start: "2026-11-02T00:00:00Z", end: "2026-11-04T00:00:00Z", who: ["ann"] },
      { start: "2026-11-04T00:00:00Z", end: "2026-11-05T00:00:00Z", who: ["bob"] },
    ]);
  });
});

describe("empty and bounded answers", () => {
  it("has nobody on call in a schedule without layers, over the whole span", () => {
    const empty = schedule("Europe/Brussels", []);
    expect(onCallAt(empty, at("2026-11-02T09:00:00Z"))).toEqual([]);
    expect(shiftsBetween(empty, at("2026-11-02T00:00:00Z"), at("2026-11-03T00:00:00Z"))).toEqual([
      { start: at("2026-11-02T00:00:00Z"), end: at("2026-11-03T00:00:00Z"), who: [] },
    ]);
    expect(nextHandoff(empty, at("2026-11-02T00:00:00Z"))).toBeUndefined();
  });

  it("answers an empty span with no shifts", () => {
    const spec = schedule("UTC", [rotation(["ann"], "2026-11-02T00:00:00Z", { days: 1 })]);
    expect(shiftsBetween(spec, at("2026-11-02T00:00:00Z"), at("2026-11-02T00:00:00Z"))).toEqual([]);
  });

  it(`refuses a span longer than ${MAX_SPAN_DAYS} days and one that ends before it starts`, () => {
    const spec = schedule("Europe/Brussels", [rotation(["ann", "bob"], "2026-11-02T00:00:00Z", { hours: 1 })]);
    const refusal = (from: string, to: string) => {
      try {
        shiftsBetween(spec, at(from), at(to));
      } catch (error) {
        expect(error).toBeInstanceOf(ScheduleSpanError);
        return [(error as ScheduleSpanError).code, (error as Error).message];
      }
      throw new Error("the span was computed");
    };
    expect(refusal("2026-01-01T00:00:00Z", "2027-01-03T00:00:00Z")).toEqual([
      "span_too_long",
      "the span from 2026-01-01T01:00:00+01:00 to 2027-01-03T01:00:00+01:00 is longer than 366 days",
    ]);
    expect(refusal("2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z")).toEqual(["span_reversed", "the span ends before it starts"]);
    expect(shiftsBetween(spec, at("2026-01-01T00:00:00Z"), at("2027-01-02T00:00:00Z")).length).toBe(1 + 61 * 24);
  });
});

describe("the final schedule agrees with who is on call at each instant", () => {
  const zones = ["Europe/Brussels", "America/New_York", "Australia/Sydney", "Asia/Kolkata"];
  const spec = (timezone: string): OnCallScheduleSpec =>
    schedule(
      timezone,
      [
        rotation(["a", "b", "c"], "2026-01-05T09:00:00Z", { days: 1 }),
        {
          rotation: { participants: ["n", "m"], start: "2026-01-05T18:00:00Z", length: { weeks: 1 } },
          restrictions: [{ days: ["mon", "wed", "fri"], from: "18:30", to: "02:30" }],
        },
        rotation(["h"], "2026-06-01T00:00:00Z", { hours: 7 }),
      ],
      [{ start: "2026-03-29T00:00:00Z", end: "2026-04-06T00:00:00Z", who: "o" }],
    );

  it("tiles the span with shifts whose people match onCallAt inside them and differ from their neighbour", () => {
    const year = Date.UTC(2026, 0, 1);
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: year, max: year + 300 * 86_400_000 }),
        fc.integer({ min: 1, max: 20 * 86_400_000 }),
        (zone, from, length) => {
          const s = spec(zone);
          const result = shiftsBetween(s, from, from + length);
          expect(result[0]!.start).toBe(from);
          expect(result[result.length - 1]!.end).toBe(from + length);
          result.forEach((shift, i) => {
            if (i > 0) {
              expect(shift.start).toBe(result[i - 1]!.end);
              expect(shift.who).not.toEqual(result[i - 1]!.who);
            }
            expect(onCallAt(s, shift.start)).toEqual(shift.who);
            expect(onCallAt(s, shift.end - 1)).toEqual(shift.who);
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("hand-offs of day and week rotations stay at their local time in any zone", () => {
  const zones = ["Europe/Brussels", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Australia/Lord_Howe", "America/Santiago", "Pacific/Chatham"];

  it("hands off at 09:30 local on every day of any span, whatever the daylight-saving rules", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
        (zone, days, from) => {
          const tz = TimeZone.of(zone);
          const start = formatInstant(tz.resolve(Date.UTC(2025, 11, 1, 9, 30)), tz);
          const spec = schedule(zone, [rotation(["a", "b", "c", "d"], start, { days })]);
          const result = shiftsBetween(spec, from, from + 60 * 86_400_000);
          for (const shift of result.slice(1)) expect(formatInstant(shift.start, tz).slice(11, 16)).toBe("09:30");
          // Consecutive hand-offs `days` local days apart: within an hour of `days` × 24 h (Lord Howe moves by half an hour).
          for (const shift of result.slice(1, -1)) expect(Math.abs(shift.end - shift.start - days * 24 * HOUR)).toBeLessThanOrEqual(HOUR);
        },
      ),
      { numRuns: 200 },
    );
  });
});
