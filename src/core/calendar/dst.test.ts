import { describe, expect, it } from "vitest";
import { formatInstant, parseInstant } from "../time/iso.js";
import { BusinessCalendar } from "./businessCalendar.js";
import type { CalendarSpec, TimeRange } from "./calendarSpec.js";

const HOUR = 3600;
const at = parseInstant;
const allDay: TimeRange[] = [["00:00", "24:00"]];
const everyDay = (ranges: TimeRange[]) => ({ mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges, sat: ranges, sun: ranges });

function calendar(spec: CalendarSpec) {
  const cal = BusinessCalendar.fromSpec(spec);
  return {
    cal,
    show: (instant: number) => formatInstant(instant, cal.zone),
    elapsed: (a: string, b: string) => cal.elapsed(at(a), at(b)),
    add: (a: string, seconds: number) => formatInstant(cal.add(at(a), seconds), cal.zone),
    subtract: (a: string, seconds: number) => formatInstant(cal.subtract(at(a), seconds), cal.zone),
    nextOpen: (a: string) => formatInstant(cal.nextOpen(at(a)), cal.zone),
  };
}

describe("Europe/Paris", () => {
  const paris = calendar({ timezone: "Europe/Paris", hours: everyDay(allDay) });
  it("counts 23 real hours on the day clocks go forward and 25 on the day they go back", () => {
    expect(paris.elapsed("2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00")).toBe(23 * HOUR);
    expect(paris.elapsed("2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00")).toBe(25 * HOUR);
  });
  it("counts real time for a range spanning the change", () => {
    const { elapsed } = calendar({ timezone: "Europe/Paris", hours: { sun: [["01:00", "04:00"]] } });
    expect(elapsed("2026-03-29T00:00:00+01:00", "2026-03-29T12:00:00+02:00")).toBe(2 * HOUR);
    expect(elapsed("2026-10-25T00:00:00+02:00", "2026-10-25T12:00:00+01:00")).toBe(4 * HOUR);
  });
  it("moves an opening that does not exist forward by the gap", () => {
    const { nextOpen, elapsed } = calendar({ timezone: "Europe/Paris", hours: { sun: [["02:30", "05:00"]] } });
    expect(nextOpen("2026-03-29T00:00:00+01:00")).toBe("2026-03-29T03:30:00+02:00");
    expect(elapsed("2026-03-29T00:00:00+01:00", "2026-03-29T12:00:00+02:00")).toBe(1.5 * HOUR);
  });
  it("takes the earlier occurrence of an ambiguous opening", () => {
    const { nextOpen, elapsed } = calendar({ timezone: "Europe/Paris", hours: { sun: [["02:30", "06:00"]] } });
    expect(nextOpen("2026-10-25T00:00:00+02:00")).toBe("2026-10-25T02:30:00+02:00");
    expect(elapsed("2026-10-25T00:00:00+02:00", "2026-10-25T12:00:00+01:00")).toBe(4.5 * HOUR);
  });
  it("gives deadlines in the new offset after a weekend change", () => {
    const office = calendar({ timezone: "Europe/Paris", hours: { mon: [["09:00", "18:00"]], fri: [["09:00", "18:00"]] } });
    expect(office.add("2026-03-27T17:00:00+01:00", 2 * HOUR)).toBe("2026-03-30T10:00:00+02:00");
    expect(office.subtract("2026-03-30T10:00:00+02:00", 2 * HOUR)).toBe("2026-03-27T17:00:00+01:00");
    expect(office.add("2026-10-23T17:00:00+02:00", 2 * HOUR)).toBe("2026-10-26T10:00:00+01:00");
  });
});

describe("Europe/Amsterdam", () => {
  const amsterdam = calendar({ timezone: "Europe/Amsterdam", hours: everyDay(allDay) });
  it("loses an hour overnight in March and gains one in October", () => {
    expect(amsterdam.elapsed("2026-03-28T12:00:00+01:00", "2026-03-29T12:00:00+02:00")).toBe(23 * HOUR);
    expect(amsterdam.add("2026-03-28T12:00:00+01:00", 24 * HOUR)).toBe("2026-03-29T13:00:00+02:00");
    expect(amsterdam.add("2026-10-24T12:00:00+02:00", 24 * HOUR)).toBe("2026-10-25T11:00:00+01:00");
  });
});

describe("America/Los_Angeles", () => {
  const la = calendar({ timezone: "America/Los_Angeles", hours: everyDay(allDay) });
  it("has a 23-hour day on 8 March 2026 and a 25-hour day on 1 November 2026", () => {
    expect(la.elapsed("2026-03-08T00:00:00-08:00", "2026-03-09T00:00:00-07:00")).toBe(23 * HOUR);
    expect(la.elapsed("2026-11-01T00:00:00-07:00", "2026-11-02T00:00:00-08:00")).toBe(25 * HOUR);
  });
  it("moves a 02:30 opening on the spring-forward day to 03:30", () => {
    const { nextOpen } = calendar({ timezone: "America/Los_Angeles", hours: { sun: [["02:30", "10:00"]] } });
    expect(nextOpen("2026-03-08T00:00:00-08:00")).toBe("2026-03-08T03:30:00-07:00");
    expect(nextOpen("2026-11-01T00:00:00-07:00")).toBe("2026-11-01T02:30:00-08:00");
  });
  it("takes the first 01:30 on the fall-back day", () => {
    const { nextOpen } = calendar({ timezone: "America/Los_Angeles", hours: { sun: [["01:30", "10:00"]] } });
    expect(nextOpen("2026-11-01T00:00:00-07:00")).toBe("2026-11-01T01:30:00-07:00");
  });
});

describe("Australia/Sydney", () => {
  const sydney = calendar({ timezone: "Australia/Sydney", hours: everyDay(allDay) });
  it("gains an hour on 5 April 2026 and loses one on 4 October 2026", () => {
    expect(sydney.elapsed("2026-04-05T00:00:00+11:00", "2026-04-06T00:00:00+10:00")).toBe(25 * HOUR);
    expect(sydney.elapsed("2026-10-04T00:00:00+10:00", "2026-10-05T00:00:00+11:00")).toBe(23 * HOUR);
  });
  it("computes business deadlines across the southern-hemisphere change", () => {
    const office = calendar({ timezone: "Australia/Sydney", hours: { fri: [["09:00", "17:00"]], mon: [["09:00", "17:00"]] } });
    expect(office.add("2026-04-03T16:00:00+11:00", 2 * HOUR)).toBe("2026-04-06T10:00:00+10:00");
  });
});

describe("Asia/Tehran (half-hour offset)", () => {
  it("computes in +03:30", () => {
    const week = { sat: [["08:00", "16:00"]], sun: [["08:00", "16:00"]] } as Record<string, TimeRange[]>;
    const office = calendar({ timezone: "Asia/Tehran", hours: week });
    expect(office.add("2026-11-21T15:00:00+03:30", 2 * HOUR)).toBe("2026-11-22T09:00:00+03:30");
    expect(office.elapsed("2026-11-21T00:00:00Z", "2026-11-23T00:00:00Z")).toBe(16 * HOUR);
  });
  it("handled a change at midnight in 2021: the day began at 01:00 and lasted 23 hours", () => {
    const tehran = calendar({ timezone: "Asia/Tehran", hours: everyDay(allDay) });
    expect(tehran.elapsed("2021-03-22T01:00:00+04:30", "2021-03-23T00:00:00+04:30")).toBe(23 * HOUR);
    expect(tehran.elapsed("2021-09-21T00:00:00+04:30", "2021-09-22T00:00:00+03:30")).toBe(25 * HOUR);
    const early = calendar({ timezone: "Asia/Tehran", hours: everyDay([["00:00", "02:00"]]) });
    expect(early.nextOpen("2021-03-21T03:00:00+03:30")).toBe("2021-03-22T01:00:00+04:30");
    expect(early.elapsed("2021-03-21T03:00:00+03:30", "2021-03-22T12:00:00+04:30")).toBe(HOUR);
  });
});
