// The calendar's open periods as instants, built lazily in blocks of local days with prefix
// sums of business time, so that any business-time query costs a binary search per block.

import { civilDate, MS_PER_DAY, MS_PER_MINUTE, weekday } from "../time/civil.js";
import { resolveWith } from "../time/zone.js";
import type { CalendarRules, MinuteRange } from "./calendarSpec.js";

/** Local days per block: large enough that a month-long query crosses at most one boundary. */
export const DAYS_PER_BLOCK = 128;
const SAMPLE_SHIFT = 15 * 3_600_000;

/**
 * The open periods of `DAYS_PER_BLOCK` local days, as half-open instants `[starts[i], ends[i])`,
 * sorted, disjoint and non-empty. `before[i]` is the business time (ms) in the block before
 * period i; `before[n]` is the block's total. Blocks tile the time line: `[start, end)`.
 */
export interface OpenBlock {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly before: Float64Array;
  readonly total: number;
}

/** Builds block `index` (local days `index * DAYS_PER_BLOCK` onwards) of a calendar. */
export function buildBlock(rules: CalendarRules, index: number): OpenBlock {
  const firstDay = index * DAYS_PER_BLOCK;
  const zone = rules.zone;
  // One offset sample per day, 15 h before its local midnight read as UTC: every instant of
  // local day d lies between samples d and d + 3, so equal samples mean no change that day.
  const samples: number[] = [];
  for (let d = 0; d <= DAYS_PER_BLOCK + 3; d++) {
    samples.push(zone.offsetAt((firstDay + d) * MS_PER_DAY - SAMPLE_SHIFT));
  }
  const resolveLocal = (d: number, local: number): number => {
    const s0 = samples[d] as number;
    const s3 = samples[d + 3] as number;
    return resolveWith(local, s0, s3, zone);
  };

  const periods: [number, number][] = [];
  const blockStart = resolveLocal(0, firstDay * MS_PER_DAY);
  const blockEnd = resolveLocal(DAYS_PER_BLOCK, (firstDay + DAYS_PER_BLOCK) * MS_PER_DAY);
  for (let d = 0; d < DAYS_PER_BLOCK; d++) {
    const day = firstDay + d;
    const midnight = day * MS_PER_DAY;
    for (const [from, to] of rangesOf(rules, day)) {
      // 24:00 is the next day's midnight: resolve it with that day's samples.
      const start = resolveLocal(d, midnight + from * MS_PER_MINUTE);
      const end = to === 1440 ? resolveLocal(d + 1, midnight + MS_PER_DAY) : resolveLocal(d, midnight + to * MS_PER_MINUTE);
      const [a, b] = [Math.max(start, blockStart), Math.min(end, blockEnd)];
      if (a < b) periods.push([a, b]);
    }
  }
  const { starts, ends } = disjoint(periods);

  const n = starts.length;
  const before = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) before[i + 1] = (before[i] as number) + (ends[i] as number) - (starts[i] as number);
  return {
    index,
    start: blockStart,
    end: blockEnd,
    starts: Float64Array.from(starts),
    ends: Float64Array.from(ends),
    before,
    total: before[n] as number,
  };
}

/** The local opening ranges of a day: its override, else closed on a holiday, else its weekday's. */
export function rangesOf(rules: CalendarRules, day: number): readonly MinuteRange[] {
  const override = rules.overrides.get(day);
  if (override) return override;
  if (rules.holidays.has(day)) return [];
  if (rules.yearlyHolidays.size > 0) {
    const { month, day: dom } = civilDate(day);
    if (rules.yearlyHolidays.has(month * 100 + dom)) return [];
  }
  return rules.weekly[weekday(day)] as readonly MinuteRange[];
}

// Sorts and merges periods. Daylight-saving resolution can shrink a range to nothing, move
// it (a start in a skipped hour), or make it touch or overlap its neighbour.
function disjoint(periods: [number, number][]): { starts: number[]; ends: number[] } {
  periods.sort((x, y) => x[0] - y[0]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [start, end] of periods) {
    const last = ends.length - 1;
    if (last >= 0 && start <= (ends[last] as number)) {
      if (end > (ends[last] as number)) ends[last] = end;
    } else {
      starts.push(start);
      ends.push(end);
    }
  }
  return { starts, ends };
}
