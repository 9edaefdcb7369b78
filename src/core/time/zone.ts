// IANA time zones through Intl: UTC offsets of instants, and local wall times resolved to instants.

import { MS_PER_DAY } from "./civil.js";

/** Thrown when a name is not a time zone this runtime knows. */
export class UnknownTimeZoneError extends Error {
  constructor(readonly zone: string) {
    super(`"${zone}" is not an IANA time zone`);
    this.name = "UnknownTimeZoneError";
  }
}

/**
 * One IANA time zone. `offsetAt(instant)` is the zone's UTC offset in milliseconds
 * (local wall time = instant + offset), cached per second of UTC because Intl is slow.
 */
export class TimeZone {
  private readonly format: Intl.DateTimeFormat;
  private readonly cache = new Map<number, number>();

  /** True for UTC itself (not for zones that merely sit at offset 0, such as Europe/London). */
  readonly isUtc: boolean;

  private constructor(readonly name: string) {
    this.isUtc = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone === "UTC";
    this.format = new Intl.DateTimeFormat("en-US", {
      timeZone: name,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  }

  private static readonly zones = new Map<string, TimeZone>();

  /** The zone named `name`; throws {@link UnknownTimeZoneError} for anything Intl does not know. */
  static of(name: string): TimeZone {
    let zone = TimeZone.zones.get(name);
    if (zone) return zone;
    if (!isTimeZoneName(name)) throw new UnknownTimeZoneError(name);
    zone = new TimeZone(name);
    TimeZone.zones.set(name, zone);
    return zone;
  }

  /** UTC offset (ms) in force at `instant` (epoch ms). */
  offsetAt(instant: number): number {
    const second = Math.floor(instant / 1000) * 1000;
    const cached = this.cache.get(second);
    if (cached !== undefined) return cached;
    let year = 0,
      month = 0,
      day = 0,
      hour = 0,
      minute = 0,
      sec = 0;
    for (const part of this.format.formatToParts(second)) {
      switch (part.type) {
        case "year":
          year = Number(part.value);
          break;
        case "month":
          month = Number(part.value);
          break;
        case "day":
          day = Number(part.value);
          break;
        case "hour":
          hour = Number(part.value);
          break;
        case "minute":
          minute = Number(part.value);
          break;
        case "second":
          sec = Number(part.value);
          break;
        default:
          break;
      }
    }
    const offset = Date.UTC(year, month - 1, day, hour, minute, sec) - second;
    if (this.cache.size > 4096) this.cache.clear();
    this.cache.set(second, offset);
    return offset;
  }

  /**
   * The instant of a local wall time (`local`: the wall time read as if it were UTC, in ms).
   * A wall time skipped by a forward change moves forward by the gap; a wall time that
   * occurs twice takes its earlier occurrence.
   */
  resolve(local: number): number {
    return resolveWith(local, this.offsetAt(local - 1.5 * MS_PER_DAY), this.offsetAt(local + 1.5 * MS_PER_DAY), this);
  }
}

/**
 * Resolves a local wall time given the offsets in force shortly before (`before`) and after
 * (`after`) it; exported for the calendar, which samples offsets once per day.
 */
export function resolveWith(local: number, before: number, after: number, zone: TimeZone): number {
  if (before === after) return local - before;
  const early = local - before;
  const late = local - after;
  const earlyValid = zone.offsetAt(early) === before;
  const lateValid = zone.offsetAt(late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  // In the gap of a forward change: read with the offset before the change, which lands
  // the wall time `after - before` later on the clock.
  return early;
}

function isTimeZoneName(name: string): boolean {
  if (name.trim() === "" || /^[+-]\d/.test(name)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
