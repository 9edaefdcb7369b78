// Validation of calendars written as JSON: every kind of problem, reported with its path,
// and the accepted forms compiled into sorted, merged minute ranges.
import { describe, expect, it } from "vitest";
import { dayNumber } from "../time/civil.js";
import { type CalendarIssue, InvalidCalendarError, parseCalendar, parseFullDate } from "./calendarSpec.js";

const TIME_HINT = "is not a time (HH:MM from 00:00 to 24:00)";
const WEEKDAY_HINT = "not a weekday (mon, tue, wed, thu, fri, sat, sun)";
const SUN = 0;
const MON = 1;
const TUE = 2;

/** The issues `parseCalendar` reports for `input` with their codes; fails the test when it accepts it. */
function codedIssuesOf(input: unknown): CalendarIssue[] {
  try {
    parseCalendar(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidCalendarError);
    return (error as InvalidCalendarError).issues;
  }
  throw new Error(`the calendar was accepted: ${JSON.stringify(input)}`);
}

/** The issues as the `palier calendar` contract states them: path and message. */
function issuesOf(input: unknown): Pick<CalendarIssue, "path" | "message">[] {
  return codedIssuesOf(input).map(({ path, message }) => ({ path, message }));
}

/** The single issue reported for `input`, as `path: message`. */
function issueOf(input: unknown): string {
  const issues = issuesOf(input);
  expect(issues).toHaveLength(1);
  const [issue] = issues as [Pick<CalendarIssue, "path" | "message">];
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/** A valid calendar in Paris with `hours` (and any other fields) replaced. */
const paris = (fields: Record<string, unknown>): Record<string, unknown> => ({ timezone: "Europe/Paris", hours: {}, ...fields });

describe("codes for readers of other languages", () => {
  it("gives each problem a stable code and the values its sentence needs", () => {
    const issues = codedIssuesOf({
      timezone: "Mars/Olympus",
      hours: {
        funday: [],
        mon: [
          ["09:00", "12:00"],
          ["11:00", "13:00"],
          ["17:00", "16:00"],
          ["24:00", "24:00"],
          ["9h", "17:00"],
        ],
        tue: "09:00-17:00",
      },
      holidays: ["12-25", "2026-02-30"],
      overrides: { tomorrow: [] },
      colour: "blue",
    });
    expect(issues.map(({ path, code, params }) => ({ path, code, params }))).toEqual([
      { path: "colour", code: "unknown_field", params: undefined },
      { path: "timezone", code: "unknown_time_zone", params: undefined },
      { path: "hours.funday", code: "not_weekday", params: undefined },
      { path: "hours.mon[2]", code: "range_not_after", params: { from: "17:00", to: "16:00" } },
      { path: "hours.mon[3]", code: "range_starts_at_midnight", params: undefined },
      { path: "hours.mon[4]", code: "not_a_time", params: { value: '"9h"' } },
      { path: "hours.mon", code: "ranges_overlap", params: { first: "09:00–12:00", second: "11:00–13:00" } },
      { path: "hours.tue", code: "wrong_type", params: { type: "array" } },
      { path: "holidays[1]", code: "not_a_date", params: { yearly: "yes" } },
      { path: "overrides.tomorrow", code: "not_a_date", params: { yearly: "no" } },
    ]);
  });
});

describe("refusing bad times and ranges", () => {
  it("refuses an hour past 24, naming the weekday and the range index", () => {
    expect(
      issueOf(
        paris({
          hours: {
            mon: [
              ["09:00", "12:00"],
              ["25:00", "26:00"],
            ],
          },
        }),
      ),
    ).toBe(`hours.mon[1]: "25:00" ${TIME_HINT}`);
  });

  it("gives the contract's message as the error's own message", () => {
    expect(() =>
      parseCalendar(
        paris({
          hours: {
            mon: [
              ["09:00", "12:00"],
              ["25:00", "26:00"],
            ],
          },
        }),
      ),
    ).toThrow(new InvalidCalendarError([{ path: "hours.mon[1]", message: `"25:00" ${TIME_HINT}`, code: "not_a_time", params: { value: `"25:00"` } }]));
    try {
      parseCalendar(
        paris({
          hours: {
            mon: [
              ["09:00", "12:00"],
              ["25:00", "26:00"],
            ],
          },
        }),
      );
    } catch (error) {
      expect((error as Error).message).toBe(`hours.mon[1]: "25:00" ${TIME_HINT}`);
      expect((error as Error).name).toBe("InvalidCalendarError");
    }
  });

  it("refuses a bad end time as well as a bad start time", () => {
    expect(issueOf(paris({ hours: { wed: [["09:00", "25:00"]] } }))).toBe(`hours.wed[0]: "25:00" ${TIME_HINT}`);
  });

  it("refuses overlapping ranges on one day", () => {
    expect(
      issueOf(
        paris({
          hours: {
            tue: [
              ["09:00", "12:00"],
              ["11:00", "14:00"],
            ],
          },
        }),
      ),
    ).toBe("hours.tue: ranges 09:00–12:00 and 11:00–14:00 overlap");
  });

  it("names the ranges as written when an adjacent pair was merged before the overlap", () => {
    expect(
      issueOf(
        paris({
          hours: {
            wed: [
              ["09:00", "12:00"],
              ["12:00", "14:00"],
              ["13:00", "15:00"],
            ],
          },
        }),
      ),
    ).toBe("hours.wed: ranges 12:00–14:00 and 13:00–15:00 overlap");
  });

  it("refuses overlapping ranges given out of order", () => {
    expect(
      issueOf(
        paris({
          hours: {
            tue: [
              ["11:00", "14:00"],
              ["09:00", "12:00"],
            ],
          },
        }),
      ),
    ).toBe("hours.tue: ranges 09:00–12:00 and 11:00–14:00 overlap");
  });

  it("refuses a range contained in another", () => {
    expect(
      issueOf(
        paris({
          hours: {
            thu: [
              ["09:00", "18:00"],
              ["10:00", "11:00"],
            ],
          },
        }),
      ),
    ).toBe("hours.thu: ranges 09:00–18:00 and 10:00–11:00 overlap");
  });

  it("refuses a range that is not a pair", () => {
    expect(issueOf(paris({ hours: { mon: [["09:00"]] } }))).toBe(`hours.mon[0]: expected a range ["HH:MM", "HH:MM"], got ["09:00"]`);
    expect(issueOf(paris({ hours: { mon: [["09:00", "12:00", "13:00"]] } }))).toBe(
      `hours.mon[0]: expected a range ["HH:MM", "HH:MM"], got ["09:00","12:00","13:00"]`,
    );
    expect(issueOf(paris({ hours: { mon: ["09:00-12:00"] } }))).toBe(`hours.mon[0]: expected a range ["HH:MM", "HH:MM"], got "09:00-12:00"`);
  });

  it("refuses a day whose ranges are not a list", () => {
    expect(issueOf(paris({ hours: { mon: "09:00-17:00" } }))).toBe(`hours.mon: expected a list of ranges such as [["09:00","17:00"]], got "09:00-17:00"`);
    expect(issuesOf(paris({ hours: { mon: ["09:00", "17:00"] } }))).toEqual([
      { path: "hours.mon[0]", message: `expected a range ["HH:MM", "HH:MM"], got "09:00"` },
      { path: "hours.mon[1]", message: `expected a range ["HH:MM", "HH:MM"], got "17:00"` },
    ]);
  });

  it("refuses a range that ends before it starts", () => {
    expect(issueOf(paris({ hours: { tue: [["12:00", "09:00"]] } }))).toBe(
      "hours.tue[0]: range 12:00–09:00 does not end after it starts (a shift past midnight is two ranges on two days)",
    );
  });

  it("refuses an empty range that ends when it starts", () => {
    expect(issueOf(paris({ hours: { sat: [["09:00", "09:00"]] } }))).toBe(
      "hours.sat[0]: range 09:00–09:00 does not end after it starts (a shift past midnight is two ranges on two days)",
    );
  });

  it("refuses 24:00 as the start of a range", () => {
    expect(issueOf(paris({ hours: { fri: [["24:00", "24:00"]] } }))).toBe(`hours.fri[0]: "24:00" can only end a range`);
  });

  it("refuses 24:30, which is past the end of the day", () => {
    expect(issueOf(paris({ hours: { thu: [["09:00", "24:30"]] } }))).toBe(`hours.thu[0]: "24:30" ${TIME_HINT}`);
  });

  it("refuses minutes past 59 and times not written HH:MM", () => {
    expect(issueOf(paris({ hours: { mon: [["09:60", "10:00"]] } }))).toBe(`hours.mon[0]: "09:60" ${TIME_HINT}`);
    expect(issueOf(paris({ hours: { mon: [["9:00", "10:00"]] } }))).toBe(`hours.mon[0]: "9:00" ${TIME_HINT}`);
    expect(issueOf(paris({ hours: { mon: [["09:00:00", "10:00"]] } }))).toBe(`hours.mon[0]: "09:00:00" ${TIME_HINT}`);
  });

  it("refuses a time that is not a string", () => {
    expect(issueOf(paris({ hours: { fri: [[9, "10:00"]] } }))).toBe(`hours.fri[0]: 9 ${TIME_HINT}`);
    expect(issueOf(paris({ hours: { fri: [["09:00", null]] } }))).toBe(`hours.fri[0]: null ${TIME_HINT}`);
  });

  it("applies the same range rules to overrides", () => {
    expect(issueOf(paris({ overrides: { "2026-12-24": [["12:00", "09:00"]] } }))).toBe(
      "overrides.2026-12-24[0]: range 12:00–09:00 does not end after it starts (a shift past midnight is two ranges on two days)",
    );
    expect(
      issueOf(
        paris({
          overrides: {
            "2026-12-24": [
              ["09:00", "12:00"],
              ["11:00", "13:00"],
            ],
          },
        }),
      ),
    ).toBe("overrides.2026-12-24: ranges 09:00–12:00 and 11:00–13:00 overlap");
  });
});

describe("refusing bad weekdays and fields", () => {
  it("refuses an unknown weekday", () => {
    expect(issueOf(paris({ hours: { lun: [["09:00", "17:00"]] } }))).toBe(`hours.lun: ${WEEKDAY_HINT}`);
    expect(issueOf(paris({ hours: { Monday: [["09:00", "17:00"]] } }))).toBe(`hours.Monday: ${WEEKDAY_HINT}`);
  });

  it.each(["toString", "constructor", "__proto__"])("refuses %s as a weekday even though every object inherits it", (name) => {
    // JSON.parse makes "__proto__" an own key, as the CLI would receive it.
    const calendar: unknown = JSON.parse(`{"timezone": "UTC", "hours": {"${name}": [["09:00", "17:00"]]}}`);
    expect(issuesOf(calendar)).toEqual([{ path: `hours.${name}`, message: WEEKDAY_HINT }]);
  });

  it("refuses an unknown top-level field", () => {
    expect(issueOf(paris({ holiday: ["2026-12-25"] }))).toBe("holiday: unknown field (a calendar has timezone, hours, holidays, overrides)");
  });

  it("refuses hours that are not an object", () => {
    expect(issueOf(paris({ hours: [["09:00", "17:00"]] }))).toBe(`hours: expected an object such as {"mon": [["09:00","17:00"]]}, got [["09:00","17:00"]]`);
    expect(issueOf(paris({ hours: null }))).toBe(`hours: expected an object such as {"mon": [["09:00","17:00"]]}, got null`);
  });
});

describe("refusing bad time zones", () => {
  it("refuses a time zone that is not an IANA name", () => {
    expect(issueOf(paris({ timezone: "Europe/Pariss" }))).toBe(`timezone: "Europe/Pariss" is not an IANA time zone`);
  });

  it("refuses an empty name and a bare UTC offset", () => {
    expect(issueOf(paris({ timezone: "" }))).toBe(`timezone: "" is not an IANA time zone`);
    expect(issueOf(paris({ timezone: "+01:00" }))).toBe(`timezone: "+01:00" is not an IANA time zone`);
  });

  it("refuses a time zone that is not a string", () => {
    expect(issueOf(paris({ timezone: 1 }))).toBe("timezone: expected an IANA time zone name, got 1");
  });

  it("requires a time zone", () => {
    expect(issueOf({ hours: {} })).toBe(`timezone: is required (an IANA time zone such as "Europe/Paris")`);
  });
});

describe("refusing bad holidays", () => {
  it("refuses a date that does not exist", () => {
    expect(issueOf(paris({ holidays: ["2026-12-25", "01-01", "2026-02-30"] }))).toBe(
      `holidays[2]: "2026-02-30" is not a date (YYYY-MM-DD, or MM-DD for every year)`,
    );
  });

  it("refuses a yearly date that never exists", () => {
    expect(issueOf(paris({ holidays: ["02-30"] }))).toBe(`holidays[0]: "02-30" is not a date (YYYY-MM-DD, or MM-DD for every year)`);
    expect(issueOf(paris({ holidays: ["13-01"] }))).toBe(`holidays[0]: "13-01" is not a date (YYYY-MM-DD, or MM-DD for every year)`);
  });

  it("refuses dates written another way", () => {
    expect(issueOf(paris({ holidays: ["25/12/2026"] }))).toBe(`holidays[0]: "25/12/2026" is not a date (YYYY-MM-DD, or MM-DD for every year)`);
    expect(issueOf(paris({ holidays: ["2026-12-25T00:00:00Z"] }))).toBe(
      `holidays[0]: "2026-12-25T00:00:00Z" is not a date (YYYY-MM-DD, or MM-DD for every year)`,
    );
  });

  it("refuses a holiday that is not a string", () => {
    expect(issueOf(paris({ holidays: [20261225] }))).toBe(`holidays[0]: expected a date "YYYY-MM-DD" or "MM-DD", got 20261225`);
  });

  it("refuses holidays that are not a list", () => {
    expect(issueOf(paris({ holidays: "2026-12-25" }))).toBe(`holidays: expected a list of dates ("YYYY-MM-DD" or "MM-DD"), got "2026-12-25"`);
    expect(issueOf(paris({ holidays: { christmas: "12-25" } }))).toBe(`holidays: expected a list of dates ("YYYY-MM-DD" or "MM-DD"), got an object`);
  });
});

describe("refusing bad overrides", () => {
  it("refuses an override whose key is not a date", () => {
    expect(issueOf(paris({ overrides: { "2026-13-01": [] } }))).toBe(`overrides.2026-13-01: "2026-13-01" is not a date (YYYY-MM-DD)`);
    expect(issueOf(paris({ overrides: { "christmas eve": [] } }))).toBe(`overrides.christmas eve: "christmas eve" is not a date (YYYY-MM-DD)`);
  });

  it("refuses a yearly date as an override key", () => {
    expect(issueOf(paris({ overrides: { "12-24": [["09:00", "12:00"]] } }))).toBe(`overrides.12-24: "12-24" is not a date (YYYY-MM-DD)`);
  });

  it("refuses overrides that are not an object", () => {
    expect(issueOf(paris({ overrides: "2026-12-24" }))).toBe(
      `overrides: expected an object of dates to ranges, such as {"2026-12-24": [["09:00","12:00"]]}, got "2026-12-24"`,
    );
  });

  it("refuses an override whose ranges are not a list", () => {
    expect(issueOf(paris({ overrides: { "2026-12-24": "closed" } }))).toBe(
      `overrides.2026-12-24: expected a list of ranges such as [["09:00","17:00"]], got "closed"`,
    );
  });
});

describe("refusing what is not a calendar", () => {
  it("requires hours", () => {
    expect(issueOf({ timezone: "Europe/Paris" })).toBe("hours: is required (an object of weekday ranges; {} for a calendar open only on overrides)");
  });

  it.each([
    [null, "null"],
    [[], "[]"],
    ["Europe/Paris", `"Europe/Paris"`],
    [42, "42"],
    [undefined, "nothing"],
  ])("refuses %j as a calendar, with an empty path", (input, shown) => {
    expect(issuesOf(input)).toEqual([{ path: "", message: `a calendar is a JSON object, got ${shown}` }]);
    expect(() => parseCalendar(input)).toThrow(`a calendar is a JSON object, got ${shown}`);
  });

  it("reports every problem together, in the order of the fields", () => {
    const input = {
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
        lun: [],
      },
      holidays: ["2026-12-25", "01-01", "2026-02-30"],
      overrides: { "12-24": [] },
      extra: true,
    };
    const issues = issuesOf(input);
    expect(issues).toEqual([
      { path: "extra", message: "unknown field (a calendar has timezone, hours, holidays, overrides)" },
      { path: "timezone", message: `"Europe/Pariss" is not an IANA time zone` },
      { path: "hours.mon[1]", message: `"25:00" ${TIME_HINT}` },
      { path: "hours.tue", message: "ranges 09:00–12:00 and 11:00–14:00 overlap" },
      { path: "hours.lun", message: WEEKDAY_HINT },
      { path: "holidays[2]", message: `"2026-02-30" is not a date (YYYY-MM-DD, or MM-DD for every year)` },
      { path: "overrides.12-24", message: `"12-24" is not a date (YYYY-MM-DD)` },
    ]);
    expect(() => parseCalendar(input)).toThrow(issues.map(({ path, message }) => `${path}: ${message}`).join("\n"));
  });

  it("reports several bad ranges of one day, each with its index", () => {
    expect(
      issuesOf(
        paris({
          hours: {
            mon: [
              ["08:00", "07:00"],
              ["09:00", "12:00"],
              ["x", "13:00"],
            ],
          },
        }),
      ),
    ).toEqual([
      { path: "hours.mon[0]", message: "range 08:00–07:00 does not end after it starts (a shift past midnight is two ranges on two days)" },
      { path: "hours.mon[2]", message: `"x" ${TIME_HINT}` },
    ]);
  });
});

describe("accepted forms", () => {
  it("compiles weekday hours into minutes, Sunday first, missing days closed", () => {
    const rules = parseCalendar({
      timezone: "Europe/Paris",
      hours: {
        mon: [
          ["09:00", "12:30"],
          ["13:30", "18:00"],
        ],
        sun: [["10:00", "11:00"]],
      },
    });
    expect(rules.zone.name).toBe("Europe/Paris");
    expect(rules.weekly).toEqual([
      [[600, 660]],
      [
        [540, 750],
        [810, 1080],
      ],
      [],
      [],
      [],
      [],
      [],
    ]);
    expect(rules.holidays.size).toBe(0);
    expect(rules.yearlyHolidays.size).toBe(0);
    expect(rules.overrides.size).toBe(0);
  });

  it("merges adjacent ranges 09:00–12:00 and 12:00–14:00 into one", () => {
    const rules = parseCalendar(
      paris({
        hours: {
          mon: [
            ["09:00", "12:00"],
            ["12:00", "14:00"],
          ],
        },
      }),
    );
    expect(rules.weekly[MON]).toEqual([[540, 840]]);
  });

  it("accepts 24:00 as the end of a range", () => {
    const rules = parseCalendar(paris({ hours: { mon: [["22:00", "24:00"]], tue: [["00:00", "24:00"]] } }));
    expect(rules.weekly[MON]).toEqual([[1320, 1440]]);
    expect(rules.weekly[TUE]).toEqual([[0, 1440]]);
  });

  it("sorts ranges given out of order", () => {
    const rules = parseCalendar(
      paris({
        hours: {
          sun: [
            ["22:00", "24:00"],
            ["08:00", "09:00"],
            ["13:30", "18:00"],
          ],
        },
      }),
    );
    expect(rules.weekly[SUN]).toEqual([
      [480, 540],
      [810, 1080],
      [1320, 1440],
    ]);
  });

  it("accepts a day with no ranges as closed, and hours of {} for a calendar open only on overrides", () => {
    const rules = parseCalendar({ timezone: "UTC", hours: { mon: [] }, overrides: { "2026-12-24": [["09:00", "12:00"]] } });
    expect(rules.weekly.every((ranges) => ranges.length === 0)).toBe(true);
    expect([...rules.overrides]).toEqual([[dayNumber(2026, 12, 24), [[540, 720]]]]);
  });

  it("accepts one-off and yearly holidays, including 02-29 every year", () => {
    const rules = parseCalendar(paris({ holidays: ["2026-12-25", "01-01", "02-29", "2028-02-29"] }));
    expect([...rules.holidays]).toEqual([dayNumber(2026, 12, 25), dayNumber(2028, 2, 29)]);
    expect([...rules.yearlyHolidays]).toEqual([101, 229]);
  });

  it("accepts an override of [] as a closed day", () => {
    const rules = parseCalendar(paris({ hours: { wed: [["09:00", "18:00"]] }, overrides: { "2026-11-11": [] } }));
    expect(rules.overrides.get(dayNumber(2026, 11, 11))).toEqual([]);
  });

  it("sorts and merges override ranges like weekday ranges", () => {
    const rules = parseCalendar(
      paris({
        overrides: {
          "2026-12-24": [
            ["12:00", "13:00"],
            ["09:00", "12:00"],
          ],
        },
      }),
    );
    expect(rules.overrides.get(dayNumber(2026, 12, 24))).toEqual([[540, 780]]);
  });

  it("accepts empty holidays and overrides", () => {
    expect(() => parseCalendar(paris({ holidays: [], overrides: {} }))).not.toThrow();
  });

  it("accepts UTC and other IANA names", () => {
    for (const timezone of ["UTC", "America/Los_Angeles", "Asia/Tehran", "Australia/Lord_Howe"]) {
      expect(parseCalendar({ timezone, hours: {} }).zone.name).toBe(timezone);
    }
  });
});

describe("parseFullDate", () => {
  it("gives the day number of a real date and undefined otherwise", () => {
    expect(parseFullDate("1970-01-01")).toBe(0);
    expect(parseFullDate("2026-11-20")).toBe(20_777);
    expect(parseFullDate("2024-02-29")).toBe(19_782);
    expect(parseFullDate("2026-02-29")).toBeUndefined();
    expect(parseFullDate("2026-00-10")).toBeUndefined();
    expect(parseFullDate("2026-1-10")).toBeUndefined();
    expect(parseFullDate("12-25")).toBeUndefined();
  });
});
