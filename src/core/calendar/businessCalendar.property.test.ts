// Property-based tests over random calendars, instants and budgets: the algebra of business time.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BeyondHorizonError, BusinessCalendar, DEFAULT_HORIZON_MS, type Pause } from "./businessCalendar.js";
import type { CalendarSpec, TimeRange } from "./calendarSpec.js";
import { WEEKDAYS } from "./calendarSpec.js";

const ZONES = [
  "UTC",
  "Europe/Paris",
  "Europe/Amsterdam",
  "America/Los_Angeles",
  "Australia/Sydney",
  "Asia/Tehran",
  "Australia/Lord_Howe",
  "America/Santiago",
  "Asia/Kolkata",
];
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2028, 0, 1);
const DAY = 86_400_000;

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** 0–3 disjoint ranges within a day, on a 5-minute grid, `24:00` possible. */
const dayRanges = fc.uniqueArray(fc.integer({ min: 0, max: 288 }), { maxLength: 6 }).map((points): TimeRange[] => {
  const sorted = [...points].sort((a, b) => a - b);
  const ranges: TimeRange[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push([hhmm((sorted[i] as number) * 5), hhmm((sorted[i + 1] as number) * 5)]);
  return ranges;
});
const someDate = fc.integer({ min: FROM / DAY, max: TO / DAY }).map((d) => date(d * DAY));

const calendarSpec: fc.Arbitrary<CalendarSpec> = fc
  .record({
    timezone: fc.constantFrom(...ZONES),
    week: fc.array(dayRanges, { minLength: 7, maxLength: 7 }),
    holidays: fc.array(
      fc.oneof(
        someDate,
        someDate.map((d) => d.slice(5)),
      ),
      { maxLength: 6 },
    ),
    overrides: fc.dictionary(someDate, dayRanges, { maxKeys: 4 }),
  })
  .filter(({ week }) => week.some((ranges) => ranges.length > 0))
  .map(({ timezone, week, holidays, overrides }) => ({
    timezone,
    hours: Object.fromEntries(WEEKDAYS.map((day, i) => [day, week[i] as TimeRange[]])),
    holidays,
    overrides,
  }));

// Instants on a minute grid hit period boundaries often; arbitrary milliseconds do not.
const instant = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  fc.integer({ min: FROM / 60_000, max: TO / 60_000 }).map((m) => m * 60_000),
);
const budget = fc.oneof(
  fc.integer({ min: 0, max: 12 * 3600 }),
  fc.integer({ min: 0, max: 200 * 8 * 3600 }),
  fc.integer({ min: 0, max: 3_600_000 }).map((ms) => ms / 1000),
);
const pauses = fc.array(
  fc.tuple(instant, fc.integer({ min: 0, max: 5 * DAY })).map(([start, length]): Pause => [start, start + length]),
  { maxLength: 4 },
);

const runs = { numRuns: Number(process.env.FC_RUNS ?? 300) };
const ms = (seconds: number) => Math.round(seconds * 1000);

/**
 * Runs a walk that a sparse calendar may refuse: a refusal is accepted only when the budget
 * truly does not fit in the horizon's span, and then the property has nothing more to check.
 */
function unlessBeyondHorizon<T>(walk: () => T, fitsInHorizon: () => boolean): T | undefined {
  try {
    return walk();
  } catch (error) {
    if (!(error instanceof BeyondHorizonError)) throw error;
    expect(fitsInHorizon()).toBe(false);
    return undefined;
  }
}
const H = DEFAULT_HORIZON_MS;

describe("business-time algebra", () => {
  it("elapsed(s, add(s, d)) == d, and add lands on an open instant", () => {
    fc.assert(
      fc.property(calendarSpec, instant, budget, (spec, start, d) => {
        const cal = BusinessCalendar.fromSpec(spec);
        const end = unlessBeyondHorizon(
          () => cal.add(start, d),
          () => ms(cal.elapsed(start, start + H)) >= ms(d),
        );
        if (end === undefined) return;
        expect(ms(cal.elapsed(start, end))).toBe(ms(d));
        expect(cal.isOpen(end)).toBe(true);
        expect(end).toBeGreaterThanOrEqual(start);
      }),
      runs,
    );
  });

  it("add is monotonic in the budget", () => {
    fc.assert(
      fc.property(calendarSpec, instant, budget, budget, (spec, start, d1, d2) => {
        const cal = BusinessCalendar.fromSpec(spec);
        const [small, large] = d1 <= d2 ? [d1, d2] : [d2, d1];
        const fits = () => ms(cal.elapsed(start, start + H)) >= ms(large);
        const later = unlessBeyondHorizon(() => cal.add(start, large), fits);
        if (later === undefined) return;
        expect(cal.add(start, small)).toBeLessThanOrEqual(later);
      }),
      runs,
    );
  });

  it("subtract undoes add: subtract(add(s, d), d) == nextOpen(s)", () => {
    fc.assert(
      fc.property(calendarSpec, instant, budget, (spec, start, d) => {
        const cal = BusinessCalendar.fromSpec(spec);
        const end = unlessBeyondHorizon(
          () => cal.add(start, d),
          () => ms(cal.elapsed(start, start + H)) >= ms(d),
        );
        if (end === undefined) return;
        expect(cal.subtract(end, d)).toBe(cal.nextOpen(start));
      }),
      runs,
    );
  });

  it("add undoes subtract: add(subtract(t, d), d) == nextOpen(t), and subtract lands on an open instant", () => {
    fc.assert(
      fc.property(calendarSpec, instant, budget, (spec, end, d) => {
        const cal = BusinessCalendar.fromSpec(spec);
        const start = unlessBeyondHorizon(
          () => cal.subtract(end, d),
          () => ms(cal.elapsed(end - H, end)) >= ms(d),
        );
        if (start === undefined) return;
        expect(start).toBeLessThanOrEqual(end);
        expect(ms(cal.elapsed(start, end))).toBe(ms(d));
        if (ms(d) > 0) expect(cal.isOpen(start)).toBe(true);
        expect(cal.add(start, d)).toBe(cal.nextOpen(end));
      }),
      runs,
    );
  });

  it("elapsed is additive and antisymmetric", () => {
    fc.assert(
      fc.property(calendarSpec, instant, instant, instant, (spec, a, b, c) => {
        const cal = BusinessCalendar.fromSpec(spec);
        expect(ms(cal.elapsed(a, b)) + ms(cal.elapsed(b, c))).toBe(ms(cal.elapsed(a, c)));
        expect(ms(cal.elapsed(b, a)) + ms(cal.elapsed(a, b))).toBe(0);
        expect(Object.is(cal.elapsed(b, a), -0)).toBe(false);
      }),
      runs,
    );
  });

  it("nextOpen and prevClose bracket closed stretches with no open time inside", () => {
    fc.assert(
      fc.property(calendarSpec, instant, (spec, at) => {
        const cal = BusinessCalendar.fromSpec(spec);
        const next = cal.nextOpen(at);
        const prev = cal.prevClose(at);
        expect(cal.isOpen(next)).toBe(true);
        expect(cal.elapsed(prev, next)).toBe(0);
        if (cal.isOpen(at)) expect([prev, next]).toEqual([at, at]);
        else expect(cal.isOpen(prev)).toBe(false);
      }),
      runs,
    );
  });
});

describe("with pauses", () => {
  it("elapsed(s, add(s, d, P), P) == d, and the result is open and outside every pause", () => {
    fc.assert(
      fc.property(calendarSpec, instant, budget, pauses, (spec, start, d, paused) => {
        const cal = BusinessCalendar.fromSpec(spec);
        const end = unlessBeyondHorizon(
          () => cal.add(start, d, paused),
          () => ms(cal.elapsed(start, start + H, paused)) >= ms(d),
        );
        if (end === undefined) return;
        expect(ms(cal.elapsed(start, end, paused))).toBe(ms(d));
        expect(cal.isOpen(end)).toBe(true);
        for (const [a, b] of paused) expect(end >= a && end < b).toBe(false);
        expect(end).toBeGreaterThanOrEqual(cal.add(start, d));
      }),
      runs,
    );
  });

  it("subtract with pauses uses up exactly the budget", () => {
    fc.assert(
      fc.property(calendarSpec, instant, budget, pauses, (spec, end, d, paused) => {
        const cal = BusinessCalendar.fromSpec(spec);
        const start = unlessBeyondHorizon(
          () => cal.subtract(end, d, paused),
          () => ms(cal.elapsed(end - H, end, paused)) >= ms(d),
        );
        if (start === undefined) return;
        expect(ms(cal.elapsed(start, end, paused))).toBe(ms(d));
        if (ms(d) > 0) {
          expect(cal.isOpen(start)).toBe(true);
          for (const [a, b] of paused) expect(start >= a && start < b).toBe(false);
        }
      }),
      runs,
    );
  });
});

describe("against a brute-force model on fixed-offset zones", () => {
  // Sums the overlap of [a, b) with every range of every day, one day at a time.
  function bruteElapsed(spec: CalendarSpec, offsetMs: number, a: number, b: number): number {
    let total = 0;
    const yearly = new Set((spec.holidays ?? []).filter((h) => h.length === 5));
    const once = new Set((spec.holidays ?? []).filter((h) => h.length === 10));
    for (let day = Math.floor((a + offsetMs) / DAY) - 1; day * DAY - offsetMs < b; day++) {
      const key = date(day * DAY);
      const weekday = WEEKDAYS[(new Date(day * DAY).getUTCDay() + 6) % 7] as (typeof WEEKDAYS)[number];
      const ranges = spec.overrides?.[key] ?? (once.has(key) || yearly.has(key.slice(5)) ? [] : (spec.hours[weekday] ?? []));
      for (const [from, to] of ranges) {
        const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
        const start = day * DAY + toMinutes(from) * 60_000 - offsetMs;
        const end = day * DAY + toMinutes(to) * 60_000 - offsetMs;
        total += Math.max(0, Math.min(end, b) - Math.max(start, a));
      }
    }
    return total;
  }

  it("agrees with the model in UTC and in Asia/Kolkata (+05:30)", () => {
    fc.assert(
      fc.property(calendarSpec, fc.constantFrom(["UTC", 0] as const, ["Asia/Kolkata", 19_800_000] as const), instant, instant, (spec, [zone, offset], x, y) => {
        const cal = BusinessCalendar.fromSpec({ ...spec, timezone: zone });
        const [a, b] = x <= y ? [x, y] : [y, x];
        expect(ms(cal.elapsed(a, b))).toBe(bruteElapsed(spec, offset, a, b));
      }),
      runs,
    );
  });
});
