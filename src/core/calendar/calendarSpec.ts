// The calendar as people write it (JSON), its validation, and the compiled rules the math runs on.

import { dayNumber, isValidDate } from "../time/civil.js";
import { TimeZone, UnknownTimeZoneError } from "../time/zone.js";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A local `[from, to]` range within one day, `"HH:MM"`; `"24:00"` may end a range. */
export type TimeRange = [from: string, to: string];

/** A business calendar as written in JSON. */
export interface CalendarSpec {
  /** IANA time zone, e.g. `Europe/Paris`. */
  timezone: string;
  /** Opening ranges per weekday; a missing day is closed. */
  hours: Partial<Record<Weekday, TimeRange[]>>;
  /** Closed dates: `YYYY-MM-DD` once, or `MM-DD` every year. */
  holidays?: string[];
  /** A date's own hours, replacing its weekday's and any holiday (`[]`: closed). */
  overrides?: Record<string, TimeRange[]>;
}

/** Minutes after local midnight, `[from, to)`, from < to ≤ 1440. */
export type MinuteRange = readonly [from: number, to: number];

/** A validated calendar, ready for the business-time math. */
export interface CalendarRules {
  zone: TimeZone;
  /** Opening ranges per day of week, 0 = Sunday, sorted and merged. */
  weekly: readonly (readonly MinuteRange[])[];
  /** Day numbers of one-off holidays. */
  holidays: ReadonlySet<number>;
  /** `month * 100 + day` of yearly holidays. */
  yearlyHolidays: ReadonlySet<number>;
  /** Day number → that date's ranges. */
  overrides: ReadonlyMap<number, readonly MinuteRange[]>;
}

/**
 * One problem in a calendar: where (`hours.mon[1]`), what in English, and its stable `code` with
 * the values its sentence needs (the `errors` catalogue's `code.*`, for readers of other languages).
 */
export interface CalendarIssue {
  path: string;
  message: string;
  code: string;
  params?: Record<string, string | number>;
}

type Fail = (path: string, message: string, code: string, params?: Record<string, string | number>) => void;

/** Thrown for a calendar that cannot be used; lists every problem found, not just the first. */
export class InvalidCalendarError extends Error {
  constructor(readonly issues: CalendarIssue[]) {
    super(issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join("\n"));
    this.name = "InvalidCalendarError";
  }
}

const WEEKDAY_INDEX: Record<Weekday, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const TIME = /^(\d{2}):(\d{2})$/;
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEARLY_DATE = /^(\d{2})-(\d{2})$/;
const KNOWN_FIELDS = new Set(["timezone", "hours", "holidays", "overrides"]);

/** Validates a calendar written as JSON and compiles it; throws {@link InvalidCalendarError}. */
export function parseCalendar(input: unknown): CalendarRules {
  const issues: CalendarIssue[] = [];
  const fail: Fail = (path, message, code, params) => issues.push({ path, message, code, ...(params ? { params } : {}) });

  if (!isRecord(input))
    throw new InvalidCalendarError([
      { path: "", message: `a calendar is a JSON object, got ${describe(input)}`, code: "wrong_type", params: { type: "object" } },
    ]);
  for (const key of Object.keys(input)) {
    if (!KNOWN_FIELDS.has(key)) fail(key, `unknown field (a calendar has timezone, hours, holidays, overrides)`, "unknown_field");
  }

  let zone: TimeZone | undefined;
  if (typeof input.timezone !== "string") {
    if (input.timezone === undefined) fail("timezone", 'is required (an IANA time zone such as "Europe/Paris")', "required");
    else fail("timezone", `expected an IANA time zone name, got ${describe(input.timezone)}`, "wrong_type", { type: "string" });
  } else {
    try {
      zone = TimeZone.of(input.timezone);
    } catch (error) {
      if (!(error instanceof UnknownTimeZoneError)) throw error;
      fail("timezone", error.message, "unknown_time_zone");
    }
  }

  const weekly: MinuteRange[][] = [[], [], [], [], [], [], []];
  if (input.hours === undefined) {
    fail("hours", "is required (an object of weekday ranges; {} for a calendar open only on overrides)", "required");
  } else if (!isRecord(input.hours)) {
    fail("hours", `expected an object such as {"mon": [["09:00","17:00"]]}, got ${describe(input.hours)}`, "wrong_type", { type: "object" });
  } else {
    for (const [day, ranges] of Object.entries(input.hours)) {
      if (!Object.hasOwn(WEEKDAY_INDEX, day)) {
        fail(`hours.${day}`, `not a weekday (${WEEKDAYS.join(", ")})`, "not_weekday");
        continue;
      }
      weekly[WEEKDAY_INDEX[day as Weekday]] = parseRanges(ranges, `hours.${day}`, fail);
    }
  }

  const holidays = new Set<number>();
  const yearlyHolidays = new Set<number>();
  if (input.holidays !== undefined) {
    if (!Array.isArray(input.holidays)) {
      fail("holidays", `expected a list of dates ("YYYY-MM-DD" or "MM-DD"), got ${describe(input.holidays)}`, "wrong_type", { type: "array" });
    } else {
      input.holidays.forEach((value: unknown, i: number) => {
        const path = `holidays[${i}]`;
        if (typeof value !== "string") return fail(path, `expected a date "YYYY-MM-DD" or "MM-DD", got ${describe(value)}`, "not_a_date", { yearly: "yes" });
        const full = parseFullDate(value);
        if (full !== undefined) return void holidays.add(full);
        const yearly = YEARLY_DATE.exec(value);
        if (yearly && isValidDate(2000, Number(yearly[1]), Number(yearly[2]))) {
          return void yearlyHolidays.add(Number(yearly[1]) * 100 + Number(yearly[2]));
        }
        fail(path, `"${value}" is not a date (YYYY-MM-DD, or MM-DD for every year)`, "not_a_date", { yearly: "yes" });
      });
    }
  }

  const overrides = new Map<number, MinuteRange[]>();
  if (input.overrides !== undefined) {
    if (!isRecord(input.overrides)) {
      fail("overrides", `expected an object of dates to ranges, such as {"2026-12-24": [["09:00","12:00"]]}, got ${describe(input.overrides)}`, "wrong_type", {
        type: "object",
      });
    } else {
      for (const [date, ranges] of Object.entries(input.overrides)) {
        const path = `overrides.${date}`;
        const day = parseFullDate(date);
        if (day === undefined) {
          fail(path, `"${date}" is not a date (YYYY-MM-DD)`, "not_a_date", { yearly: "no" });
          continue;
        }
        overrides.set(day, parseRanges(ranges, path, fail));
      }
    }
  }

  if (issues.length > 0 || zone === undefined) throw new InvalidCalendarError(issues);
  return { zone, weekly, holidays, yearlyHolidays, overrides };
}

/** Day number of a `YYYY-MM-DD` string, or undefined when it is not a real date. */
export function parseFullDate(value: string): number | undefined {
  const match = FULL_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDate(year, month, day) ? dayNumber(year, month, day) : undefined;
}

function parseRanges(value: unknown, path: string, fail: Fail): MinuteRange[] {
  if (!Array.isArray(value)) {
    fail(path, `expected a list of ranges such as [["09:00","17:00"]], got ${describe(value)}`, "wrong_type", { type: "array" });
    return [];
  }
  const ranges: MinuteRange[] = [];
  value.forEach((range: unknown, i: number) => {
    const at = `${path}[${i}]`;
    if (!Array.isArray(range) || range.length !== 2) {
      return fail(at, `expected a range ["HH:MM", "HH:MM"], got ${describe(range)}`, "not_a_range");
    }
    const [from, to] = [parseTime(range[0]), parseTime(range[1])];
    if (from === undefined) return fail(at, `${describe(range[0])} is not a time (HH:MM from 00:00 to 24:00)`, "not_a_time", { value: describe(range[0]) });
    if (to === undefined) return fail(at, `${describe(range[1])} is not a time (HH:MM from 00:00 to 24:00)`, "not_a_time", { value: describe(range[1]) });
    if (from === 1440) return fail(at, `"24:00" can only end a range`, "range_starts_at_midnight");
    if (to <= from) {
      return fail(at, `range ${range[0]}–${range[1]} does not end after it starts (a shift past midnight is two ranges on two days)`, "range_not_after", {
        from: String(range[0]),
        to: String(range[1]),
      });
    }
    ranges.push([from, to]);
  });
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: MinuteRange[] = [];
  let previous: MinuteRange | undefined;
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (previous && last && range[0] < last[1]) {
      // Name the range as written (`previous`), not the one merged from adjacent ranges.
      const [first, second] = [`${formatMinutes(previous[0])}–${formatMinutes(previous[1])}`, `${formatMinutes(range[0])}–${formatMinutes(range[1])}`];
      fail(path, `ranges ${first} and ${second} overlap`, "ranges_overlap", { first, second });
      continue;
    }
    if (last && range[0] === last[1]) merged[merged.length - 1] = [last[0], range[1]];
    else merged.push(range);
    previous = range;
  }
  return merged;
}

function parseTime(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const match = TIME.exec(value);
  if (!match) return undefined;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (minute > 59 || hour > 24 || (hour === 24 && minute !== 0)) return undefined;
  return hour * 60 + minute;
}

function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A short rendering of a bad value for an error message. */
export function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length === 0 ? "[]" : truncate(JSON.stringify(value));
  if (typeof value === "object") return "an object";
  return truncate(JSON.stringify(value));
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
