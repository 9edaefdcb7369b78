import { describe, expect, it } from "vitest";
import { formatInstant, parseInstant } from "../time/iso.js";
import { BeyondHorizonError, BusinessCalendar, NoOpenTimeError } from "./businessCalendar.js";
import type { CalendarSpec } from "./calendarSpec.js";

const HOUR = 3600;
const WEEKDAY_HOURS = [
  ["09:00", "12:30"],
  ["13:30", "18:00"],
] as [string, string][];
const office: CalendarSpec = {
  timezone: "Europe/Paris",
  hours: { mon: WEEKDAY_HOURS, tue: WEEKDAY_HOURS, wed: WEEKDAY_HOURS, thu: WEEKDAY_HOURS, fri: WEEKDAY_HOURS },
  holidays: ["2026-12-25", "01-01"],
  overrides: { "2026-12-24": [["09:00", "12:00"]], "2026-11-11": [] },
};

const at = parseInstant;
function calendar(spec: CalendarSpec = office) {
  const cal = BusinessCalendar.fromSpec(spec);
  const show = (instant: number) => formatInstant(instant, cal.zone);
  return {
    cal,
    add: (start: string, seconds: number, pauses?: [string, string][]) =>
      show(
        cal.add(
          at(start),
          seconds,
          pauses?.map(([a, b]) => [at(a), at(b)] as const),
        ),
      ),
    subtract: (start: string, seconds: number, pauses?: [string, string][]) =>
      show(
        cal.subtract(
          at(start),
          seconds,
          pauses?.map(([a, b]) => [at(a), at(b)] as const),
        ),
      ),
    elapsed: (start: string, end: string, pauses?: [string, string][]) =>
      cal.elapsed(
        at(start),
        at(end),
        pauses?.map(([a, b]) => [at(a), at(b)] as const),
      ),
    nextOpen: (instant: string) => show(cal.nextOpen(at(instant))),
    prevClose: (instant: string) => show(cal.prevClose(at(instant))),
    isOpen: (instant: string) => cal.isOpen(at(instant)),
  };
}

describe("half-open periods", () => {
  const { isOpen } = calendar();
  it("is open at the opening instant and closed at the closing instant", () => {
    expect(isOpen("2026-11-23T09:00:00+01:00")).toBe(true);
    expect(isOpen("2026-11-23T08:59:59.999+01:00")).toBe(false);
    expect(isOpen("2026-11-23T12:29:59.999+01:00")).toBe(true);
    expect(isOpen("2026-11-23T12:30:00+01:00")).toBe(false);
    expect(isOpen("2026-11-23T13:30:00+01:00")).toBe(true);
    expect(isOpen("2026-11-23T18:00:00+01:00")).toBe(false);
  });
  it("is closed on weekends, holidays and days overridden to []", () => {
    expect(isOpen("2026-11-21T10:00:00+01:00")).toBe(false);
    expect(isOpen("2026-12-25T10:00:00+01:00")).toBe(false);
    expect(isOpen("2026-11-11T10:00:00+01:00")).toBe(false);
  });
});

describe("add", () => {
  const { add, nextOpen } = calendar();
  it("carries the budget over nights and weekends", () => {
    // Friday 16:30 + 2 h: 1.5 h on Friday, 0.5 h on Monday.
    expect(add("2026-11-20T16:30:00+01:00", 2 * HOUR)).toBe("2026-11-23T09:30:00+01:00");
  });
  it("gives the next opening when the budget runs out exactly at a closing", () => {
    expect(add("2026-11-20T16:00:00+01:00", 2 * HOUR)).toBe("2026-11-23T09:00:00+01:00");
    expect(add("2026-11-23T12:00:00+01:00", HOUR / 2)).toBe("2026-11-23T13:30:00+01:00");
  });
  it("skips the lunch break of a split shift", () => {
    expect(add("2026-11-23T12:00:00+01:00", HOUR)).toBe("2026-11-23T14:00:00+01:00");
  });
  it("adds zero as nextOpen", () => {
    expect(add("2026-11-21T10:00:00+01:00", 0)).toBe("2026-11-23T09:00:00+01:00");
    expect(add("2026-11-23T10:15:00+01:00", 0)).toBe("2026-11-23T10:15:00+01:00");
    expect(nextOpen("2026-11-23T12:30:00+01:00")).toBe("2026-11-23T13:30:00+01:00");
  });
  it("starts counting at the next opening when it starts closed", () => {
    expect(add("2026-11-22T23:00:00+01:00", HOUR)).toBe("2026-11-23T10:00:00+01:00");
  });
  it("keeps milliseconds and rounds fractional seconds to the millisecond", () => {
    expect(add("2026-11-23T09:00:00+01:00", 0.25)).toBe("2026-11-23T09:00:00.250+01:00");
    expect(add("2026-11-23T09:00:00+01:00", 0.0004)).toBe("2026-11-23T09:00:00+01:00");
  });
  it("uses a date override and skips a one-off holiday and the weekend", () => {
    // Thursday 24 Dec is 09:00–12:00; Friday 25 is a holiday.
    expect(add("2026-12-24T11:00:00+01:00", 2 * HOUR)).toBe("2026-12-28T10:00:00+01:00");
  });
  it("skips a yearly holiday in every year", () => {
    expect(add("2026-12-31T17:00:00+01:00", 2 * HOUR)).toBe("2027-01-04T10:00:00+01:00");
    // 2030-01-01 is a Tuesday.
    expect(add("2029-12-31T17:00:00+01:00", 2 * HOUR)).toBe("2030-01-02T10:00:00+01:00");
  });
  it("fails at once for a budget that cannot end before year 10000", () => {
    const { cal } = calendar();
    expect(() => cal.add(at("2026-11-23T09:00:00Z"), 1e15)).toThrow("the result falls after year 9999");
    expect(() => cal.subtract(at("2026-11-23T09:00:00Z"), 1e15)).toThrow("the result falls before year 1000");
  });
  it("refuses a negative or non-finite budget", () => {
    const { cal } = calendar();
    expect(() => cal.add(at("2026-11-23T09:00:00Z"), -1)).toThrow(RangeError);
    expect(() => cal.add(at("2026-11-23T09:00:00Z"), Number.NaN)).toThrow(RangeError);
  });
});

describe("subtract", () => {
  const { subtract, prevClose } = calendar();
  it("gives the opening when the budget runs out exactly at an opening", () => {
    expect(subtract("2026-11-23T10:00:00+01:00", HOUR)).toBe("2026-11-23T09:00:00+01:00");
    expect(subtract("2026-11-23T14:30:00+01:00", HOUR)).toBe("2026-11-23T13:30:00+01:00");
  });
  it("carries the budget back over the weekend", () => {
    expect(subtract("2026-11-23T09:30:00+01:00", HOUR)).toBe("2026-11-20T17:30:00+01:00");
  });
  it("subtracts zero as prevClose", () => {
    expect(subtract("2026-11-21T10:00:00+01:00", 0)).toBe("2026-11-20T18:00:00+01:00");
    expect(prevClose("2026-11-23T11:00:00+01:00")).toBe("2026-11-23T11:00:00+01:00");
    expect(prevClose("2026-11-23T13:00:00+01:00")).toBe("2026-11-23T12:30:00+01:00");
  });
});

describe("elapsed", () => {
  const { elapsed } = calendar();
  it("counts business seconds only", () => {
    expect(elapsed("2026-11-20T16:00:00+01:00", "2026-11-23T10:00:00+01:00")).toBe(3 * HOUR);
    expect(elapsed("2026-11-23T00:00:00+01:00", "2026-11-30T00:00:00+01:00")).toBe(5 * 8 * HOUR);
  });
  it("is negative when the end comes before the start", () => {
    expect(elapsed("2026-11-23T10:00:00+01:00", "2026-11-20T16:00:00+01:00")).toBe(-3 * HOUR);
  });
  it("counts milliseconds", () => {
    expect(elapsed("2026-11-23T09:00:00+01:00", "2026-11-23T09:00:00.001+01:00")).toBe(0.001);
  });
  it("is zero within a closed stretch", () => {
    expect(elapsed("2026-11-21T09:00:00+01:00", "2026-11-22T18:00:00+01:00")).toBe(0);
  });
});

describe("24:00 and shifts past midnight", () => {
  const night = calendar({ timezone: "Europe/Paris", hours: { mon: [["18:00", "24:00"]], tue: [["00:00", "06:00"]], sun: [["22:00", "24:00"]] } });
  it("runs a night shift written as two ranges on two days without a break", () => {
    expect(night.add("2026-11-23T23:00:00+01:00", 2 * HOUR)).toBe("2026-11-24T01:00:00+01:00");
    expect(night.elapsed("2026-11-23T23:00:00+01:00", "2026-11-24T01:00:00+01:00")).toBe(2 * HOUR);
    expect(night.add("2026-11-23T23:00:00+01:00", HOUR)).toBe("2026-11-24T00:00:00+01:00");
    expect(night.isOpen("2026-11-24T00:00:00+01:00")).toBe(true);
  });
  it("treats 24:00 as a closing when the next day does not open at midnight", () => {
    expect(night.isOpen("2026-11-30T00:00:00+01:00")).toBe(false);
    expect(night.add("2026-11-29T23:00:00+01:00", HOUR)).toBe("2026-11-30T18:00:00+01:00");
  });
});

describe("overrides", () => {
  it("reopen a holiday with the override's hours", () => {
    const { isOpen, add } = calendar({ ...office, overrides: { "2026-12-25": [["10:00", "12:00"]] } });
    expect(isOpen("2026-12-25T09:30:00+01:00")).toBe(false);
    expect(isOpen("2026-12-25T10:00:00+01:00")).toBe(true);
    expect(add("2026-12-24T17:00:00+01:00", 2 * HOUR)).toBe("2026-12-25T11:00:00+01:00");
  });
  it("open a day that is closed every week", () => {
    const { add } = calendar({ ...office, overrides: { "2026-11-21": [["10:00", "14:00"]] } });
    expect(add("2026-11-20T17:00:00+01:00", 2 * HOUR)).toBe("2026-11-21T11:00:00+01:00");
  });
});

describe("pauses", () => {
  const { add, subtract, elapsed, cal } = calendar();
  it("stop the clock for elapsed time", () => {
    expect(elapsed("2026-11-23T09:00:00+01:00", "2026-11-23T18:00:00+01:00", [["2026-11-23T10:00:00+01:00", "2026-11-23T11:00:00+01:00"]])).toBe(7 * HOUR);
  });
  it("only remove the business time inside them", () => {
    // Pending from Friday 17:00 to Monday 10:00: 2 business hours are paused.
    expect(elapsed("2026-11-20T09:00:00+01:00", "2026-11-23T18:00:00+01:00", [["2026-11-20T17:00:00+01:00", "2026-11-23T10:00:00+01:00"]])).toBe(14 * HOUR);
  });
  it("push the result of add", () => {
    expect(add("2026-11-23T09:00:00+01:00", 2 * HOUR, [["2026-11-23T09:30:00+01:00", "2026-11-23T10:30:00+01:00"]])).toBe("2026-11-23T12:00:00+01:00");
    expect(add("2026-11-23T16:00:00+01:00", 2 * HOUR, [["2026-11-23T17:00:00+01:00", "2026-11-24T10:00:00+01:00"]])).toBe("2026-11-24T11:00:00+01:00");
  });
  it("resume at the next opening when the budget runs out exactly at the pause", () => {
    expect(add("2026-11-23T09:00:00+01:00", HOUR, [["2026-11-23T10:00:00+01:00", "2026-11-23T11:00:00+01:00"]])).toBe("2026-11-23T11:00:00+01:00");
    expect(add("2026-11-23T09:00:00+01:00", HOUR, [["2026-11-23T10:00:00+01:00", "2026-11-23T19:00:00+01:00"]])).toBe("2026-11-24T09:00:00+01:00");
  });
  it("merge when they overlap", () => {
    const overlapping: [string, string][] = [
      ["2026-11-23T10:00:00+01:00", "2026-11-23T11:00:00+01:00"],
      ["2026-11-23T10:30:00+01:00", "2026-11-23T11:30:00+01:00"],
    ];
    expect(elapsed("2026-11-23T09:00:00+01:00", "2026-11-23T12:00:00+01:00", overlapping)).toBe(1.5 * HOUR);
    // 1 h before the pause, 1 h from 11:30 to the 12:30 closing, so the next opening.
    expect(add("2026-11-23T09:00:00+01:00", 2 * HOUR, overlapping)).toBe("2026-11-23T13:30:00+01:00");
  });
  it("hold the clock when the start lies inside one", () => {
    expect(add("2026-11-23T10:15:00+01:00", HOUR / 2, [["2026-11-23T10:00:00+01:00", "2026-11-23T11:00:00+01:00"]])).toBe("2026-11-23T11:30:00+01:00");
  });
  it("apply to subtract too", () => {
    expect(subtract("2026-11-23T12:00:00+01:00", 2 * HOUR, [["2026-11-23T10:30:00+01:00", "2026-11-23T11:30:00+01:00"]])).toBe("2026-11-23T09:00:00+01:00");
  });
  it("keep elapsed antisymmetric", () => {
    const pauses: [string, string][] = [["2026-11-23T10:00:00+01:00", "2026-11-23T11:00:00+01:00"]];
    expect(elapsed("2026-11-23T18:00:00+01:00", "2026-11-23T09:00:00+01:00", pauses)).toBe(-7 * HOUR);
  });
  it("are refused when they end before they start", () => {
    expect(() => cal.add(at("2026-11-23T09:00:00Z"), 60, [[at("2026-11-23T11:00:00Z"), at("2026-11-23T10:00:00Z")]])).toThrow(/ends .* before it starts/);
  });
});

describe("a calendar without open time", () => {
  it("fails add, subtract, nextOpen and prevClose with a clear error instead of looping", () => {
    const { cal } = calendar({ timezone: "Europe/Paris", hours: {} });
    const start = at("2026-11-23T09:00:00Z");
    expect(() => cal.add(start, 60)).toThrow(NoOpenTimeError);
    expect(() => cal.add(start, 60)).toThrow(/no open time after/);
    expect(() => cal.subtract(start, 60)).toThrow(/no open time before/);
    expect(() => cal.nextOpen(start)).toThrow(NoOpenTimeError);
    expect(() => cal.prevClose(start)).toThrow(NoOpenTimeError);
    expect(cal.isOpen(start)).toBe(false);
    expect(cal.elapsed(start, start + 86_400_000 * 30)).toBe(0);
  });
  it("fails once the last open override is used up", () => {
    const { add, subtract, cal } = calendar({ timezone: "Europe/Paris", hours: {}, overrides: { "2026-12-24": [["09:00", "12:00"]] } });
    expect(add("2026-12-01T09:00:00+01:00", HOUR)).toBe("2026-12-24T10:00:00+01:00");
    expect(subtract("2027-06-01T09:00:00+02:00", HOUR)).toBe("2026-12-24T11:00:00+01:00");
    expect(() => cal.add(at("2026-12-24T11:30:00+01:00"), HOUR)).toThrow(/no open time after/);
  });
  it("fails when holidays close every day of the year", () => {
    const everyDay: string[] = [];
    for (let m = 1; m <= 12; m++)
      for (let d = 1; d <= new Date(Date.UTC(2024, m, 0)).getUTCDate(); d++) everyDay.push(`${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
    const { cal } = calendar({ timezone: "UTC", hours: { mon: [["09:00", "17:00"]] }, holidays: everyDay });
    expect(() => cal.add(at("2026-11-23T09:00:00Z"), 60)).toThrow(NoOpenTimeError);
  });
});

describe("the horizon", () => {
  // Open one minute a week: the largest SLA budget (10 years of minutes) would need ~100,000 years.
  const sparse = BusinessCalendar.fromSpec({ timezone: "Europe/Paris", hours: { mon: [["09:00", "09:01"]] } });
  const start = Date.parse("2026-11-23T08:00:00Z");
  const YEAR = 365.25 * 24 * 3600 * 1000;

  it("refuses a budget that needs more wall-clock time than the horizon, naming it", () => {
    expect(() => sparse.add(start, 5_256_000 * 60)).toThrow(BeyondHorizonError);
    expect(() => sparse.add(start, 5_256_000 * 60)).toThrow(/more than 50 years after 2026-11-23T09:00:00\+01:00/);
    expect(() => sparse.subtract(start, 5_256_000 * 60)).toThrow(/more than 50 years before/);
    expect(() => sparse.elapsed(start, start + 51 * YEAR)).toThrow(BeyondHorizonError);
  });

  it("refuses a result just past the horizon that elapsed could not measure back", () => {
    // Five minutes a week: 217 hours 25 minutes 1 second need a little more than 50 years.
    const fiveMinutes = BusinessCalendar.fromSpec({ timezone: "UTC", hours: { mon: [["00:00", "00:05"]] } });
    const end = Date.UTC(2025, 0, 1);
    expect(() => fiveMinutes.subtract(end, 782_701)).toThrow(BeyondHorizonError);
    expect(() => fiveMinutes.add(end, 782_701)).toThrow(BeyondHorizonError);
    const within = fiveMinutes.subtract(end, 782_000);
    expect(fiveMinutes.elapsed(within, end)).toBe(782_000);
  });

  it("answers within the horizon as before", () => {
    // 52 minutes, one per Monday from 23 November 2026: used up as the 52nd Monday's minute
    // closes, so due at the next opening, the Monday after.
    expect(new Date(sparse.add(start, 52 * 60)).toISOString()).toBe("2027-11-22T08:00:00.000Z");
    expect(sparse.elapsed(start, start + 2 * YEAR)).toBeGreaterThan(100 * 60);
  });

  it("takes a wider horizon, or none, when asked", () => {
    const unbounded = BusinessCalendar.fromSpec({ timezone: "Europe/Paris", hours: { mon: [["09:00", "09:01"]] } }, { horizonMs: Infinity });
    expect(unbounded.add(start, 60 * 60 * 60)).toBeGreaterThan(start + 60 * YEAR);
  });
});
