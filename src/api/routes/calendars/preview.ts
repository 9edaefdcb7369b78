// The calendar editor's preview: when a sample ticket created at `start` would be due for each
// budget, and the calendar's next open periods. Pure: the calendar and the instant are given.

import { type BusinessCalendar, formatInstant, type Instant } from "../../../core/calendar/index.js";

export interface CalendarPreview {
  timezone: string;
  start: string;
  dues: { minutes: number; dueAt: string }[];
  /** Touching periods (a night shift over midnight) are one opening; `to` null: no break within a year. */
  openings: { from: string; to: string | null }[];
}

const YEAR_MS = 366 * 24 * 3600 * 1000;

/** The preview of `calendar` from `start`; throws NoOpenTimeError for a calendar never open. */
export function previewCalendar(calendar: BusinessCalendar, start: Instant, minutes: readonly number[], openings = 5): CalendarPreview {
  const zone = calendar.zone;
  const format = (at: Instant) => formatInstant(at, zone);
  const dues = minutes.map((m) => ({ minutes: m, dueAt: format(calendar.add(start, m * 60)) }));
  const periods: CalendarPreview["openings"] = [];
  let cursor = start;
  while (periods.length < openings) {
    const from = calendar.nextOpen(cursor);
    const to = closeAfter(calendar, from);
    periods.push({ from: format(from), to: to === null ? null : format(to) });
    if (to === null) break;
    cursor = to;
  }
  return { timezone: zone.name, start: format(start), dues, openings: periods };
}

/**
 * The end of the open stretch that starts at the open instant `from`: the last instant up to
 * which every millisecond is open, found by halving (elapsed time equals wall time exactly while
 * open); null when it is open for the whole next year.
 */
function closeAfter(calendar: BusinessCalendar, from: Instant): Instant | null {
  const allOpen = (to: Instant) => Math.round(calendar.elapsed(from, to) * 1000) === to - from;
  if (allOpen(from + YEAR_MS)) return null;
  let open = from;
  let closed = from + YEAR_MS;
  while (closed - open > 1) {
    const mid = Math.floor((open + closed) / 2);
    if (allOpen(mid)) open = mid;
    else closed = mid;
  }
  return open;
}
