// A calendar as the editor holds it (every weekday present, overrides as an ordered list) and
// back to the API's spec (closed days and empty lists left out).

import type { CalendarSpec, TimeRange, Weekday } from "../api/slaTypes.js";

export const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

export interface CalendarDraft {
  name: string;
  timezone: string;
  hours: Record<Weekday, TimeRange[]>;
  holidays: string[];
  overrides: { date: string; ranges: TimeRange[] }[];
}

export function draftOf(name: string, spec: CalendarSpec): CalendarDraft {
  return {
    name,
    timezone: spec.timezone,
    hours: Object.fromEntries(WEEKDAYS.map((day) => [day, (spec.hours[day] ?? []).map((r) => [r[0], r[1]] as TimeRange)])) as Record<Weekday, TimeRange[]>,
    holidays: [...(spec.holidays ?? [])],
    overrides: Object.entries(spec.overrides ?? {}).map(([date, ranges]) => ({ date, ranges: ranges.map((r) => [r[0], r[1]] as TimeRange) })),
  };
}

/** A new calendar: Monday to Friday 09:00–17:00 in the browser's time zone. */
export function newDraft(timezone: string): CalendarDraft {
  const spec: CalendarSpec = { timezone, hours: Object.fromEntries(WEEKDAYS.slice(0, 5).map((day) => [day, [["09:00", "17:00"]]])) };
  return draftOf("", spec);
}

export function specOf(draft: CalendarDraft): CalendarSpec {
  const hours: CalendarSpec["hours"] = {};
  for (const day of WEEKDAYS) if (draft.hours[day].length > 0) hours[day] = draft.hours[day];
  const spec: CalendarSpec = { timezone: draft.timezone, hours };
  const holidays = draft.holidays.map((h) => h.trim());
  if (holidays.length > 0) spec.holidays = holidays;
  if (draft.overrides.length > 0) spec.overrides = Object.fromEntries(draft.overrides.map((o) => [o.date.trim(), o.ranges]));
  return spec;
}

/** Every IANA time zone the browser knows, with the current one first if missing. */
export function timeZones(current: string): string[] {
  const known =
    typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC", "Europe/Brussels", "Europe/Paris", "Europe/Amsterdam"];
  const zones = known.includes("UTC") ? known : ["UTC", ...known];
  return current === "" || zones.includes(current) ? zones : [current, ...zones];
}
