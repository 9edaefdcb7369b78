// Business-time arithmetic on a calendar: add, subtract, elapsed, isOpen, nextOpen, prevClose.
// Instants are epoch milliseconds; durations are seconds at the edges and milliseconds inside.

import { MS_PER_DAY } from "../time/civil.js";
import { formatInstant } from "../time/iso.js";
import type { TimeZone } from "../time/zone.js";
import { type CalendarRules, parseCalendar } from "./calendarSpec.js";
import { buildBlock, DAYS_PER_BLOCK, type OpenBlock } from "./openBlocks.js";

/** An instant as epoch milliseconds. */
export type Instant = number;

/** A wall-clock interval `[start, end)` during which the business clock does not run. */
export type Pause = readonly [start: Instant, end: Instant];

/** Earliest and latest instants the calendar computes with (years 1000 to 9999). */
export const MIN_INSTANT = -30_610_224_000_000;
export const MAX_INSTANT = 253_402_300_799_999;

/** Thrown when a result would need open time the calendar does not have. */
export class NoOpenTimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NoOpenTimeError";
  }
}

/**
 * Thrown when a computation would walk further than the calendar's horizon: a budget that
 * needs more than that span of wall-clock time, or an elapsed time over a longer span.
 */
export class BeyondHorizonError extends NoOpenTimeError {
  constructor(message: string) {
    super(message);
    this.name = "BeyondHorizonError";
  }
}

/** Options of a calendar. */
export interface CalendarOptions {
  /**
   * The longest wall-clock span one computation may walk, in milliseconds (default
   * {@link DEFAULT_HORIZON_MS}; `Infinity` for none). Walking costs time in proportion to the
   * span, so a server bounds it: a budget of years on a calendar open one minute a week would
   * otherwise hold the event loop for seconds.
   */
  horizonMs?: number;
}

/** 50 years: further than any SLA target or reminder means anything. */
export const DEFAULT_HORIZON_MS = 50 * 365.25 * 24 * 3600 * 1000;

// A stretch of closed blocks this long (~29 years, longer than any yearly pattern of
// weekdays and holidays takes to recur) means the calendar will never open again.
const MAX_CLOSED_BLOCKS = Math.ceil((29 * 366) / DAYS_PER_BLOCK);
const MAX_CACHED_BLOCKS = 4096;

/**
 * A business calendar. Conventions:
 * - periods are half-open: the opening instant is open, the closing instant is closed;
 * - `add` returns the earliest open instant at which the budget is used up (a budget that
 *   runs out exactly at a closing gives the next opening; `add(t, 0)` is `nextOpen(t)`);
 * - `subtract` returns the latest open instant at which the budget is used up (running out
 *   exactly at an opening gives that opening; `subtract(t, 0)` is `prevClose(t)`, the only
 *   case where it can return a closing instant);
 * - `elapsed(a, b)` is `-elapsed(b, a)` when b is before a;
 * - real elapsed time counts across daylight-saving changes; pauses stop the clock.
 * Durations are seconds, rounded to the millisecond.
 */
export class BusinessCalendar {
  private readonly blocks = new Map<number, OpenBlock>();
  private last: OpenBlock | undefined;
  private readonly weeklyClosed: boolean;
  private readonly firstOverrideDay: number;
  private readonly lastOverrideDay: number;

  private readonly horizonMs: number;

  constructor(
    readonly rules: CalendarRules,
    options: CalendarOptions = {},
  ) {
    this.horizonMs = options.horizonMs ?? DEFAULT_HORIZON_MS;
    this.weeklyClosed = rules.weekly.every((ranges) => ranges.length === 0);
    const openOverrides = [...rules.overrides].filter(([, ranges]) => ranges.length > 0).map(([day]) => day);
    this.firstOverrideDay = openOverrides.length ? Math.min(...openOverrides) : Infinity;
    this.lastOverrideDay = openOverrides.length ? Math.max(...openOverrides) : -Infinity;
  }

  /** Validates a calendar written as JSON (see `CalendarSpec`); throws `InvalidCalendarError`. */
  static fromSpec(spec: unknown, options: CalendarOptions = {}): BusinessCalendar {
    return new BusinessCalendar(parseCalendar(spec), options);
  }

  get zone(): TimeZone {
    return this.rules.zone;
  }

  /** True when the calendar is open at `at`. */
  isOpen(at: Instant): boolean {
    checkInstant(at, "at");
    const block = this.blockAt(at);
    const i = lastAtOrBefore(block.starts, at, block.starts.length);
    return i >= 0 && at < (block.ends[i] as number);
  }

  /** The first open instant at or after `at`. */
  nextOpen(at: Instant): Instant {
    checkInstant(at, "at");
    return this.addMs(at, 0);
  }

  /** `at` itself when open, else the end of the last open period before it. */
  prevClose(at: Instant): Instant {
    checkInstant(at, "at");
    return this.subtractMs(at, 0);
  }

  /** The earliest open instant at which `seconds` of business time after `start` are used up. */
  add(start: Instant, seconds: number, pauses?: readonly Pause[]): Instant {
    checkInstant(start, "start");
    const ms = toMs(seconds);
    if (!pauses || pauses.length === 0) return this.addMs(start, ms);
    let cursor = start;
    let remaining = ms;
    for (const [pauseStart, pauseEnd] of mergePauses(pauses)) {
      if (pauseEnd <= cursor) continue;
      const available = pauseStart > cursor ? this.elapsedMs(cursor, pauseStart) : 0;
      if (remaining < available) break;
      remaining -= available;
      cursor = pauseEnd;
    }
    const result = this.addMs(cursor, remaining);
    if (result - start > this.horizonMs)
      throw new BeyondHorizonError(`the result falls more than ${this.horizonText()} after ${formatInstant(start, this.zone)}`);
    return result;
  }

  /** The latest open instant at which `seconds` of business time before `start` are used up. */
  subtract(start: Instant, seconds: number, pauses?: readonly Pause[]): Instant {
    checkInstant(start, "start");
    const ms = toMs(seconds);
    if (!pauses || pauses.length === 0) return this.subtractMs(start, ms);
    let cursor = start;
    let remaining = ms;
    const merged = mergePauses(pauses);
    for (let i = merged.length - 1; i >= 0; i--) {
      const [pauseStart, pauseEnd] = merged[i] as Pause;
      if (pauseStart >= cursor) continue;
      const available = pauseEnd < cursor ? this.elapsedMs(pauseEnd, cursor) : 0;
      if (available > 0 && remaining <= available) break;
      remaining -= available;
      cursor = pauseStart;
    }
    const result = this.subtractMs(cursor, remaining);
    if (start - result > this.horizonMs)
      throw new BeyondHorizonError(`the result falls more than ${this.horizonText()} before ${formatInstant(start, this.zone)}`);
    return result;
  }

  /** Business seconds between two instants, less the pauses; negative when `end` is before `start`. */
  elapsed(start: Instant, end: Instant, pauses?: readonly Pause[]): number {
    checkInstant(start, "start");
    checkInstant(end, "end");
    if (end < start) {
      const backwards = this.elapsed(end, start, pauses);
      return backwards === 0 ? 0 : -backwards;
    }
    let ms = this.elapsedMs(start, end);
    if (pauses && pauses.length > 0) {
      for (const [pauseStart, pauseEnd] of mergePauses(pauses)) {
        const from = Math.max(start, pauseStart);
        const to = Math.min(end, pauseEnd);
        if (from < to) ms -= this.elapsedMs(from, to);
      }
    }
    return ms / 1000;
  }

  private elapsedMs(from: Instant, to: Instant): number {
    if (to - from > this.horizonMs) {
      throw new BeyondHorizonError(`the span from ${formatInstant(from, this.zone)} is longer than ${this.horizonText()}`);
    }
    const first = this.blockAt(from);
    const fromPos = position(first, from);
    if (to < first.end) return position(first, to) - fromPos;
    let ms = first.total - fromPos;
    let block = this.block(first.index + 1);
    while (to >= block.end) {
      ms += block.total;
      block = this.block(block.index + 1);
    }
    return ms + position(block, to);
  }

  private addMs(start: Instant, ms: number): Instant {
    // Business time never outruns wall time: a budget past year 9999 needs no search.
    if (ms > MAX_INSTANT - start) throw new NoOpenTimeError("the result falls after year 9999");
    let block = this.blockAt(start);
    let target = position(block, start) + ms;
    let closed = 0;
    while (target >= block.total) {
      target -= block.total;
      closed = block.total === 0 ? closed + 1 : 0;
      block = this.block(block.index + 1);
      this.checkOpenAhead(block, closed, start);
      if (block.start - start > this.horizonMs)
        throw new BeyondHorizonError(`the result falls more than ${this.horizonText()} after ${formatInstant(start, this.zone)}`);
    }
    const i = lastAtOrBefore(block.before, target, block.starts.length);
    const result = (block.starts[i] as number) + target - (block.before[i] as number);
    if (result > MAX_INSTANT) throw new NoOpenTimeError("the result falls after year 9999");
    // The walk checks block starts; the result itself must be measurable by `elapsed` too.
    if (result - start > this.horizonMs)
      throw new BeyondHorizonError(`the result falls more than ${this.horizonText()} after ${formatInstant(start, this.zone)}`);
    return result;
  }

  private subtractMs(start: Instant, ms: number): Instant {
    if (ms > start - MIN_INSTANT) throw new NoOpenTimeError("the result falls before year 1000");
    let block = this.blockAt(start);
    let last = lastAtOrBefore(block.starts, start, block.starts.length);
    let target = position(block, start) - ms;
    let closed = 0;
    while (last < 0 || target < 0) {
      closed = block.total === 0 ? closed + 1 : 0;
      block = this.block(block.index - 1);
      this.checkOpenBehind(block, closed, start);
      if (start - block.end > this.horizonMs)
        throw new BeyondHorizonError(`the result falls more than ${this.horizonText()} before ${formatInstant(start, this.zone)}`);
      target += block.total;
      last = block.starts.length - 1;
    }
    const i = lastAtOrBefore(block.before, target, last + 1);
    const result = (block.starts[i] as number) + target - (block.before[i] as number);
    if (result < MIN_INSTANT) throw new NoOpenTimeError("the result falls before year 1000");
    if (start - result > this.horizonMs)
      throw new BeyondHorizonError(`the result falls more than ${this.horizonText()} before ${formatInstant(start, this.zone)}`);
    return result;
  }

  private horizonText(): string {
    const years = Math.round(this.horizonMs / (365.25 * 24 * 3600 * 1000));
    return `${years} years`;
  }

  private checkOpenAhead(block: OpenBlock, closedBlocks: number, from: Instant): void {
    const firstDay = block.index * DAYS_PER_BLOCK;
    if (block.start > MAX_INSTANT) throw new NoOpenTimeError(`the result falls after year 9999`);
    if ((this.weeklyClosed && firstDay > this.lastOverrideDay) || closedBlocks > MAX_CLOSED_BLOCKS) {
      throw new NoOpenTimeError(`the calendar has no open time after ${formatInstant(from, this.zone)}`);
    }
  }

  private checkOpenBehind(block: OpenBlock, closedBlocks: number, from: Instant): void {
    const lastDay = (block.index + 1) * DAYS_PER_BLOCK - 1;
    if (block.end < MIN_INSTANT) throw new NoOpenTimeError(`the result falls before year 1000`);
    if ((this.weeklyClosed && lastDay < this.firstOverrideDay) || closedBlocks > MAX_CLOSED_BLOCKS) {
      throw new NoOpenTimeError(`the calendar has no open time before ${formatInstant(from, this.zone)}`);
    }
  }

  private blockAt(at: Instant): OpenBlock {
    const last = this.last;
    if (last !== undefined && at >= last.start && at < last.end) return last;
    let block = this.block(Math.floor(Math.floor(at / MS_PER_DAY) / DAYS_PER_BLOCK));
    while (at < block.start) block = this.block(block.index - 1);
    while (at >= block.end) block = this.block(block.index + 1);
    this.last = block;
    return block;
  }

  private block(index: number): OpenBlock {
    let block = this.blocks.get(index);
    if (block === undefined) {
      if (this.blocks.size >= MAX_CACHED_BLOCKS) this.blocks.clear();
      block = buildBlock(this.rules, index);
      this.blocks.set(index, block);
    }
    return block;
  }
}

/** Business ms in `block` before instant `at` (which lies within the block). */
function position(block: OpenBlock, at: Instant): number {
  const i = lastAtOrBefore(block.starts, at, block.starts.length);
  if (i < 0) return 0;
  return (block.before[i] as number) + Math.min(at, block.ends[i] as number) - (block.starts[i] as number);
}

/** The last index i < `length` with `sorted[i] <= value`, or -1. */
function lastAtOrBefore(sorted: Float64Array, value: number, length: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Sorted, disjoint pauses; touching or overlapping ones merge. */
export function mergePauses(pauses: readonly Pause[]): Pause[] {
  for (const [start, end] of pauses) {
    checkInstant(start, "pause start");
    checkInstant(end, "pause end");
    if (end < start) throw new RangeError(`a pause ends (${new Date(end).toISOString()}) before it starts (${new Date(start).toISOString()})`);
  }
  const sorted = [...pauses].sort((a, b) => a[0] - b[0]);
  const merged: [Instant, Instant][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else if (end > start) merged.push([start, end]);
  }
  return merged;
}

function toMs(seconds: number): number {
  if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) {
    throw new RangeError(`seconds must be a finite number ≥ 0, got ${String(seconds)}`);
  }
  return Math.round(seconds * 1000);
}

function checkInstant(at: Instant, name: string): void {
  if (typeof at !== "number" || !Number.isFinite(at)) throw new RangeError(`${name}: expected an instant, got ${String(at)}`);
  if (at < MIN_INSTANT || at > MAX_INSTANT) {
    throw new RangeError(`${name}: ${new Date(at).toISOString()} is outside the years 1000 to 9999`);
  }
}
