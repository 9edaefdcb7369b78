// ISO 8601 instants in and out, and the civil-date arithmetic under them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { civilDate, dayNumber, daysInMonth, formatDate, isLeapYear, isValidDate, MS_PER_DAY, weekday } from "./civil.js";
import { formatInstant, InvalidInstantError, parseInstant } from "./iso.js";
import { TimeZone } from "./zone.js";

const utc = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0) => Date.UTC(year, month - 1, day, hour, minute, second, ms);

/** The message parseInstant throws for `text`; fails the test when it parses. */
function refusal(text: string): string {
  try {
    parseInstant(text);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInstantError);
    return (error as Error).message;
  }
  throw new Error(`${JSON.stringify(text)} was parsed`);
}

describe("parseInstant", () => {
  it("reads Z as UTC", () => {
    expect(parseInstant("2026-11-20T16:30:00Z")).toBe(utc(2026, 11, 20, 16, 30));
  });

  it("reads a positive offset as ahead of UTC", () => {
    expect(parseInstant("2026-11-20T16:30:00+01:00")).toBe(utc(2026, 11, 20, 15, 30));
  });

  it("reads a negative offset with minutes as behind UTC", () => {
    expect(parseInstant("2026-11-20T16:30:00-05:30")).toBe(utc(2026, 11, 20, 22, 0));
  });

  it("reads an offset written without a colon", () => {
    expect(parseInstant("2026-11-20T16:30:00+0100")).toBe(utc(2026, 11, 20, 15, 30));
    expect(parseInstant("2026-11-20T16:30:00-0530")).toBe(utc(2026, 11, 20, 22, 0));
  });

  it("reads an offset that moves the instant to another UTC day", () => {
    expect(parseInstant("2026-11-20T23:30:00-02:00")).toBe(utc(2026, 11, 21, 1, 30));
    expect(parseInstant("2026-01-01T00:30:00+14:00")).toBe(utc(2025, 12, 31, 10, 30));
  });

  it("reads +00:00 and -00:00 as UTC", () => {
    expect(parseInstant("2026-11-20T16:30:00+00:00")).toBe(utc(2026, 11, 20, 16, 30));
    expect(parseInstant("2026-11-20T16:30:00-00:00")).toBe(utc(2026, 11, 20, 16, 30));
  });

  it("reads fractional seconds to the millisecond", () => {
    expect(parseInstant("2026-11-20T16:30:00.5Z")).toBe(utc(2026, 11, 20, 16, 30, 0, 500));
    expect(parseInstant("2026-11-20T16:30:00.05Z")).toBe(utc(2026, 11, 20, 16, 30, 0, 50));
    expect(parseInstant("2026-11-20T16:30:00.123Z")).toBe(utc(2026, 11, 20, 16, 30, 0, 123));
    expect(parseInstant("2026-11-20T16:30:00,25Z")).toBe(utc(2026, 11, 20, 16, 30, 0, 250));
  });

  it("truncates digits past the millisecond instead of rounding them", () => {
    expect(parseInstant("2026-11-20T16:30:00.123456789Z")).toBe(utc(2026, 11, 20, 16, 30, 0, 123));
    expect(parseInstant("2026-11-20T16:30:00.999999+01:00")).toBe(utc(2026, 11, 20, 15, 30, 0, 999));
  });

  it("accepts lowercase t and z", () => {
    expect(parseInstant("2026-11-20t16:30:00z")).toBe(utc(2026, 11, 20, 16, 30));
  });

  it("accepts a space between date and time, and minutes without seconds", () => {
    expect(parseInstant("2026-11-20 16:30:00Z")).toBe(utc(2026, 11, 20, 16, 30));
    expect(parseInstant("2026-11-20T16:30+01:00")).toBe(utc(2026, 11, 20, 15, 30));
  });

  it("reads 29 February in a leap year", () => {
    expect(parseInstant("2024-02-29T12:00:00Z")).toBe(utc(2024, 2, 29, 12));
  });

  it("refuses a local time with no offset, saying how to fix it", () => {
    expect(refusal("2026-11-20T16:30:00")).toBe(`"2026-11-20T16:30:00" has no UTC offset (add Z or an offset such as +01:00)`);
    expect(refusal("2026-11-20T16:30")).toBe(`"2026-11-20T16:30" has no UTC offset (add Z or an offset such as +01:00)`);
    expect(refusal("2026-11-20T16:30:00.250")).toBe(`"2026-11-20T16:30:00.250" has no UTC offset (add Z or an offset such as +01:00)`);
  });

  it("refuses a date alone as having no offset", () => {
    expect(refusal("2026-11-20")).toBe(`"2026-11-20" has no UTC offset (add Z or an offset such as +01:00)`);
  });

  it("refuses garbage with an example of an instant", () => {
    for (const text of ["hello", "", "2026-11-20T16:30:00+1", "20261120T163000Z", " 2026-11-20T16:30:00Z", "2026-11-20T16:30:00Z ", "1795192200000"]) {
      expect(refusal(text)).toBe(`${JSON.stringify(text)} is not an ISO 8601 instant (e.g. 2026-11-20T16:30:00+01:00)`);
    }
  });

  it("reads hour-only offsets and offsets with seconds", () => {
    expect(parseInstant("2026-11-20T16:30:00+01")).toBe(Date.UTC(2026, 10, 20, 15, 30));
    expect(parseInstant("1900-01-01T12:09:21+00:09:21")).toBe(Date.UTC(1900, 0, 1, 12));
  });

  it("refuses dates that do not exist", () => {
    expect(refusal("2026-02-30T10:00:00Z")).toBe(`"2026-02-30T10:00:00Z" is not a valid date and time`);
    expect(refusal("2025-02-29T10:00:00Z")).toBe(`"2025-02-29T10:00:00Z" is not a valid date and time`);
    expect(refusal("2026-13-01T10:00:00Z")).toBe(`"2026-13-01T10:00:00Z" is not a valid date and time`);
    expect(refusal("2026-04-31T10:00:00+02:00")).toBe(`"2026-04-31T10:00:00+02:00" is not a valid date and time`);
    expect(refusal("2026-11-00T10:00:00Z")).toBe(`"2026-11-00T10:00:00Z" is not a valid date and time`);
  });

  it("refuses times that do not exist", () => {
    expect(refusal("2026-11-20T25:00:00Z")).toBe(`"2026-11-20T25:00:00Z" is not a valid date and time`);
    expect(refusal("2026-11-20T24:00:00Z")).toBe(`"2026-11-20T24:00:00Z" is not a valid date and time`);
    expect(refusal("2026-11-20T16:60:00Z")).toBe(`"2026-11-20T16:60:00Z" is not a valid date and time`);
    expect(refusal("2026-11-20T16:30:60Z")).toBe(`"2026-11-20T16:30:60Z" is not a valid date and time`);
  });

  it("refuses offsets out of range", () => {
    expect(refusal("2026-11-20T16:30:00+24:00")).toBe(`"2026-11-20T16:30:00+24:00" has an invalid UTC offset`);
    expect(refusal("2026-11-20T16:30:00+01:60")).toBe(`"2026-11-20T16:30:00+01:60" has an invalid UTC offset`);
  });
});

describe("formatInstant", () => {
  const zone = TimeZone.of;

  it("shows Paris in winter at +01:00 and in summer at +02:00", () => {
    expect(formatInstant(utc(2026, 1, 15, 12), zone("Europe/Paris"))).toBe("2026-01-15T13:00:00+01:00");
    expect(formatInstant(utc(2026, 7, 15, 12), zone("Europe/Paris"))).toBe("2026-07-15T14:00:00+02:00");
  });

  it("switches offset at the exact instant of a daylight-saving change", () => {
    // Paris springs forward on 2026-03-29 at 01:00 UTC (02:00 local becomes 03:00).
    expect(formatInstant(utc(2026, 3, 29, 0, 59, 59, 999), zone("Europe/Paris"))).toBe("2026-03-29T01:59:59.999+01:00");
    expect(formatInstant(utc(2026, 3, 29, 1), zone("Europe/Paris"))).toBe("2026-03-29T03:00:00+02:00");
    // And falls back on 2026-10-25 at 01:00 UTC: 02:30 local happens twice.
    expect(formatInstant(utc(2026, 10, 25, 0, 30), zone("Europe/Paris"))).toBe("2026-10-25T02:30:00+02:00");
    expect(formatInstant(utc(2026, 10, 25, 1, 30), zone("Europe/Paris"))).toBe("2026-10-25T02:30:00+01:00");
  });

  it("shows a half-hour offset such as Tehran's +03:30", () => {
    expect(formatInstant(utc(2026, 1, 15, 12), zone("Asia/Tehran"))).toBe("2026-01-15T15:30:00+03:30");
    expect(formatInstant(utc(2026, 7, 15, 12), zone("Asia/Tehran"))).toBe("2026-07-15T15:30:00+03:30");
    expect(formatInstant(utc(2026, 1, 15, 12), zone("Asia/Kathmandu"))).toBe("2026-01-15T17:45:00+05:45");
  });

  it("shows negative offsets of Los Angeles, winter and summer", () => {
    expect(formatInstant(utc(2026, 1, 15, 12), zone("America/Los_Angeles"))).toBe("2026-01-15T04:00:00-08:00");
    expect(formatInstant(utc(2026, 7, 15, 12), zone("America/Los_Angeles"))).toBe("2026-07-15T05:00:00-07:00");
  });

  it("shows the local date when it differs from the UTC date", () => {
    expect(formatInstant(utc(2026, 11, 21, 2), zone("America/Los_Angeles"))).toBe("2026-11-20T18:00:00-08:00");
    expect(formatInstant(utc(2026, 11, 20, 23, 30), zone("Europe/Paris"))).toBe("2026-11-21T00:30:00+01:00");
  });

  it("shows milliseconds only when they are not zero", () => {
    expect(formatInstant(utc(2026, 7, 15, 12, 0, 0, 5), zone("America/Los_Angeles"))).toBe("2026-07-15T05:00:00.005-07:00");
    expect(formatInstant(utc(2026, 1, 15, 12, 0, 0, 50), zone("UTC"))).toBe("2026-01-15T12:00:00.050Z");
    expect(formatInstant(utc(2026, 1, 15, 12, 0, 0, 500), zone("Europe/Paris"))).toBe("2026-01-15T13:00:00.500+01:00");
    expect(formatInstant(utc(2026, 1, 15, 12, 0, 0, 0), zone("Europe/Paris"))).toBe("2026-01-15T13:00:00+01:00");
  });

  it("writes UTC as Z", () => {
    expect(formatInstant(utc(2026, 7, 15, 12), zone("UTC"))).toBe("2026-07-15T12:00:00Z");
    expect(formatInstant(0, zone("UTC"))).toBe("1970-01-01T00:00:00Z");
  });

  it("writes a zone at offset zero, such as London in winter, as +00:00 rather than Z", () => {
    expect(formatInstant(Date.UTC(2026, 0, 15, 12), TimeZone.of("Europe/London"))).toBe("2026-01-15T12:00:00+00:00");
  });

  it("formats instants before 1970", () => {
    expect(formatInstant(-1, zone("UTC"))).toBe("1969-12-31T23:59:59.999Z");
    expect(formatInstant(utc(1969, 7, 20, 20, 17), zone("America/Los_Angeles"))).toBe("1969-07-20T13:17:00-07:00");
  });

  it("formats a local-mean-time offset of seconds in a form parseInstant reads back", () => {
    // Paris kept Paris mean time, UTC+00:09:21, until 1911; the calendar computes from year 1000.
    const instant = utc(1900, 1, 1, 12);
    const text = formatInstant(instant, zone("Europe/Paris"));
    expect(() => parseInstant(text)).not.toThrow();
    expect(parseInstant(text)).toBe(instant);
  });

  it("formats what parseInstant reads back to the same instant, in any zone", () => {
    const zones = ["UTC", "Europe/Paris", "Asia/Tehran", "America/Los_Angeles", "Australia/Lord_Howe", "America/St_Johns", "Pacific/Kiritimati"];
    fc.assert(
      fc.property(fc.integer({ min: utc(1970, 1, 1), max: utc(2100, 1, 1) }), fc.constantFrom(...zones), (instant, name) => {
        const text = formatInstant(instant, zone(name));
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?(Z|[+-]\d{2}:\d{2})$/);
        expect(parseInstant(text)).toBe(instant);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("civil dates", () => {
  it("numbers days from 1970-01-01", () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(1969, 12, 31)).toBe(-1);
    expect(dayNumber(2000, 1, 1)).toBe(10_957);
    expect(dayNumber(2026, 11, 20)).toBe(20_777);
    expect(dayNumber(9999, 12, 31)).toBe(2_932_896);
    expect(dayNumber(1000, 1, 1)).toBe(-354_285);
  });

  it("knows the weekday of known dates (0 = Sunday)", () => {
    expect(weekday(dayNumber(1970, 1, 1))).toBe(4); // Thursday
    expect(weekday(dayNumber(2000, 1, 1))).toBe(6); // Saturday
    expect(weekday(dayNumber(2026, 11, 20))).toBe(5); // Friday
    expect(weekday(dayNumber(2026, 11, 23))).toBe(1); // Monday
    expect(weekday(dayNumber(2026, 11, 22))).toBe(0); // Sunday
    expect(weekday(dayNumber(2024, 2, 29))).toBe(4); // Thursday
    expect(weekday(dayNumber(1600, 3, 1))).toBe(3); // Wednesday
    expect(weekday(dayNumber(1000, 1, 1))).toBe(3); // Wednesday, proleptic Gregorian
    expect(weekday(dayNumber(9999, 12, 31))).toBe(5); // Friday
  });

  it("knows leap years and month lengths", () => {
    expect([1900, 2000, 2024, 2025, 2100, 2400].map(isLeapYear)).toEqual([false, true, true, false, false, true]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
    expect(isValidDate(2026, 2, 29)).toBe(false);
    expect(isValidDate(2026, 0, 1)).toBe(false);
    expect(isValidDate(2026, 13, 1)).toBe(false);
    expect(isValidDate(2026, 1, 0)).toBe(false);
  });

  it("formats dates as YYYY-MM-DD", () => {
    expect(formatDate({ year: 2026, month: 1, day: 5 })).toBe("2026-01-05");
    expect(formatDate({ year: 999, month: 12, day: 31 })).toBe("0999-12-31");
  });

  it("turns any day number into a date and back, over ±100 million days", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000, max: 100_000_000 }), (days) => {
        const { year, month, day } = civilDate(days);
        expect(isValidDate(year, month, day)).toBe(true);
        expect(dayNumber(year, month, day)).toBe(days);
      }),
      { numRuns: 5000 },
    );
  });

  it("turns any valid date into a day number and back", () => {
    const date = fc
      .record({ year: fc.integer({ min: -100_000, max: 100_000 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
      .filter(({ year, month, day }) => isValidDate(year, month, day));
    fc.assert(
      fc.property(date, (value) => {
        expect(civilDate(dayNumber(value.year, value.month, value.day))).toEqual(value);
      }),
      { numRuns: 5000 },
    );
  });

  it("numbers consecutive days consecutively, across month and year ends", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (days) => {
        const today = civilDate(days);
        const tomorrow = civilDate(days + 1);
        const lastOfMonth = today.day === daysInMonth(today.year, today.month);
        if (!lastOfMonth) expect(tomorrow).toEqual({ ...today, day: today.day + 1 });
        else if (today.month < 12) expect(tomorrow).toEqual({ year: today.year, month: today.month + 1, day: 1 });
        else expect(tomorrow).toEqual({ year: today.year + 1, month: 1, day: 1 });
        expect(weekday(days + 1)).toBe((weekday(days) + 1) % 7);
      }),
      { numRuns: 5000 },
    );
  });

  it("agrees with Date on dates and weekdays from year 1 to 9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber(1, 1, 1), max: dayNumber(9999, 12, 31) }), (days) => {
        const date = new Date(days * MS_PER_DAY);
        expect(formatDate(civilDate(days))).toBe(date.toISOString().slice(0, 10));
        expect(weekday(days)).toBe(date.getUTCDay());
      }),
      { numRuns: 5000 },
    );
  });
});
