// ISO 8601 instants: parsed only with an explicit offset, formatted in a time zone with its offset.

import { civilDate, dayNumber, isValidDate, MS_PER_DAY } from "./civil.js";
import type { TimeZone } from "./zone.js";

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2})(?::(\d{2}))?)?)$/;
const LOCAL = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?$/;

/** Thrown for a string that is not an ISO 8601 instant with an offset. */
export class InvalidInstantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidInstantError";
  }
}

/**
 * Epoch ms of an ISO 8601 instant such as `2026-11-20T16:30:00+01:00` or `…Z`; offsets may be
 * written `+01`, `+0100`, `+01:00` or `+00:09:21`. The offset is required: a local time alone
 * names no instant. Digits past the millisecond are truncated.
 */
export function parseInstant(text: string): number {
  const match = INSTANT.exec(text);
  if (!match) {
    if (LOCAL.test(text)) throw new InvalidInstantError(`"${text}" has no UTC offset (add Z or an offset such as +01:00)`);
    throw new InvalidInstantError(`"${text}" is not an ISO 8601 instant (e.g. 2026-11-20T16:30:00+01:00)`);
  }
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(match[i]));
  const second = Number(match[6] ?? 0);
  const ms = match[7] ? Number(match[7].slice(0, 3).padEnd(3, "0")) : 0;
  if (!isValidDate(year as number, month as number, day as number) || (hour as number) > 23 || (minute as number) > 59 || second > 59) {
    throw new InvalidInstantError(`"${text}" is not a valid date and time`);
  }
  let offset = 0;
  if (!match[8]) {
    const [offsetHours, offsetMinutes, offsetSeconds] = [Number(match[10]), Number(match[11] ?? 0), Number(match[12] ?? 0)];
    if (offsetHours > 23 || offsetMinutes > 59 || offsetSeconds > 59) throw new InvalidInstantError(`"${text}" has an invalid UTC offset`);
    offset = (match[9] === "-" ? -1 : 1) * ((offsetHours * 60 + offsetMinutes) * 60 + offsetSeconds) * 1000;
  }
  const local =
    dayNumber(year as number, month as number, day as number) * MS_PER_DAY + (((hour as number) * 60 + (minute as number)) * 60 + second) * 1000 + ms;
  return local - offset;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * `instant` as ISO 8601 local time in `zone` with its offset (`Z` in UTC itself, `+00:00` in
 * a zone such as Europe/London in winter); milliseconds only when not zero. Historical
 * local-mean-time offsets keep their seconds (`+00:09:21`), which {@link parseInstant} reads.
 */
export function formatInstant(instant: number, zone: TimeZone): string {
  const offset = zone.offsetAt(instant);
  const local = instant + offset;
  const days = Math.floor(local / MS_PER_DAY);
  const { year, month, day } = civilDate(days);
  let rest = local - days * MS_PER_DAY;
  const ms = rest % 1000;
  rest = (rest - ms) / 1000;
  const time = `${pad(Math.floor(rest / 3600))}:${pad(Math.floor(rest / 60) % 60)}:${pad(rest % 60)}${ms ? `.${pad(ms, 3)}` : ""}`;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${time}${zone.isUtc ? "Z" : formatOffset(offset)}`;
}

function formatOffset(offset: number): string {
  const sign = offset < 0 ? "-" : "+";
  const seconds = Math.round(Math.abs(offset) / 1000);
  const hms = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}`;
  return `${sign}${hms}${seconds % 60 ? `:${pad(seconds % 60)}` : ""}`;
}
