// The schedule editor's draft: the schedule as the API takes it, with instants kept as ISO
// strings with their offset and shown as local date-times in the schedule's zone; and the
// preview of the final schedule computed in the browser from the draft, before it is saved.

import { InvalidScheduleError, compileSchedule, shiftsBetween, type Layer, type OnCallScheduleSpec, type Shift } from "../../core/oncall/index.js";
import { formatInstant, InvalidInstantError, parseInstant } from "../../core/time/iso.js";
import { TimeZone, UnknownTimeZoneError } from "../../core/time/zone.js";

export const DAY_MS = 86_400_000;

/** The zone named `name`, or UTC while the name is not one. */
export function zoneOr(name: string): TimeZone {
  try {
    return TimeZone.of(name);
  } catch (error) {
    if (error instanceof UnknownTimeZoneError) return TimeZone.of("UTC");
    throw error;
  }
}

/** `2026-11-23T09:00` (a datetime-local input's value) for an ISO instant, in `zone`; "" when it is no instant. */
export function localInputOf(iso: string, zone: string): string {
  try {
    return formatInstant(parseInstant(iso), zoneOr(zone)).slice(0, 16);
  } catch (error) {
    if (error instanceof InvalidInstantError) return "";
    throw error;
  }
}

/** The ISO instant, with its offset, of a datetime-local value read in `zone` (a time the clock skips moves forward). */
export function isoOfLocalInput(value: string, zone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return "";
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const tz = zoneOr(zone);
  return formatInstant(tz.resolve(Date.UTC(year, month - 1, day, hour, minute)), tz);
}

/** A new layer: everyone given, weekly from next Monday 09:00 in `zone`. */
export function newLayer(participants: string[], zone: string, now: number): Layer {
  const tz = zoneOr(zone);
  const local = now + tz.offsetAt(now);
  const today = Math.floor(local / DAY_MS);
  const monday = today + ((8 - ((today + 4) % 7)) % 7 || 7);
  const start = formatInstant(tz.resolve(monday * DAY_MS + 9 * 3_600_000), tz);
  return { rotation: { participants, start, length: { weeks: 1 } } };
}

/** The final schedule of the draft over `days` from `now`, or the first problem that keeps it from being computed. */
export function previewOf(draft: OnCallScheduleSpec, now: number, days = 14): { shifts: Shift[] } | { problem: string } {
  // The schedule alone: a draft also carries its name.
  const spec = { timezone: draft.timezone, layers: draft.layers, overrides: draft.overrides ?? [] };
  try {
    return { shifts: shiftsBetween(compileSchedule(spec), now, now + days * DAY_MS) };
  } catch (error) {
    if (error instanceof InvalidScheduleError) {
      const first = error.problems[0];
      return { problem: first ? (first.path ? `${first.path}: ${first.message}` : first.message) : error.message };
    }
    throw error;
  }
}

/** The unit and count of a rotation's length. */
export function lengthOf(layer: Layer): { unit: "hours" | "days" | "weeks"; count: number } {
  const length = layer.rotation.length as Record<string, number>;
  const unit = (["hours", "days", "weeks"] as const).find((u) => length[u] !== undefined) ?? "weeks";
  return { unit, count: length[unit] ?? 1 };
}
