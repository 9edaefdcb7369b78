// Which time a duration counts, said every time: calendar time (the wall clock, 24/7) or
// business time on a calendar, in business hours and, where the calendar's days are all alike,
// in its working days ("32h of business time (4 working days of 8h)").

import type { CalendarSpec } from "../api/slaTypes.js";
import type { MessageKey, Params } from "../i18n/messages.js";
import { formatDuration } from "./duration.js";

export interface TimeWords {
  locale: string;
  t(key: MessageKey, params?: Params): string;
}

/** How a clock or a policy counts its time: on a calendar (with its working day, if regular) or around the clock. */
export type TimeBasis = { kind: "calendar" } | { kind: "business"; daySeconds: number | null } | { kind: "unknown" };

const minutesOf = (time: string) => {
  const [h = "0", m = "0"] = time.split(":");
  return Number(h) * 60 + Number(m);
};

/**
 * The length in seconds of the calendar's working day when every open weekday lasts as long
 * (e.g. 8 h Monday to Friday); null when they differ or no weekday opens.
 */
export function workingDaySeconds(spec: Pick<CalendarSpec, "hours"> | null | undefined): number | null {
  if (!spec) return null;
  const lengths = Object.values(spec.hours ?? {})
    .map((ranges) => (ranges ?? []).reduce((sum, [from, to]) => sum + Math.max(0, (to === "24:00" ? 1440 : minutesOf(to)) - minutesOf(from)), 0))
    .filter((minutes) => minutes > 0);
  const first = lengths[0];
  if (first === undefined || lengths.some((minutes) => minutes !== first)) return null;
  return first * 60;
}

/** The basis of a policy on `calendar` (null: 24/7, calendar time). */
export function basisOf(calendarId: string | null | undefined, calendar: Pick<CalendarSpec, "hours"> | null | undefined): TimeBasis {
  return calendarId ? { kind: "business", daySeconds: workingDaySeconds(calendar) } : { kind: "calendar" };
}

/** "4 working days of 8h", "3 working days of 8h + 6h"; null under one working day. */
export function workingDaysText(seconds: number, daySeconds: number | null, words: TimeWords): string | null {
  if (daySeconds === null || daySeconds <= 0 || seconds < daySeconds) return null;
  const days = Math.floor(seconds / daySeconds);
  const rest = Math.round(seconds - days * daySeconds);
  const day = formatDuration(daySeconds, words.locale, false, "hour");
  return rest >= 60
    ? words.t("sla.time.workingDaysRest", { count: days, day, rest: formatDuration(rest, words.locale, false, "hour") })
    : words.t("sla.time.workingDays", { count: days, day });
}

/**
 * `seconds` said with its basis: "5d 4h (calendar time)", or "32h of business time (4 working
 * days of 8h)"; the bare duration while the basis is unknown. `withSeconds` keeps seconds
 * under an hour (live countdowns).
 */
export function timeText(seconds: number, basis: TimeBasis, words: TimeWords, withSeconds = false): string {
  // Until the policy's calendar is read, the duration alone: never a basis it may not have.
  if (basis.kind === "unknown") return formatDuration(seconds, words.locale, withSeconds);
  if (basis.kind === "calendar") return words.t("sla.time.calendar", { time: formatDuration(seconds, words.locale, withSeconds) });
  const hours = formatDuration(seconds, words.locale, withSeconds, "hour");
  const days = workingDaysText(seconds, basis.daySeconds, words);
  return days === null ? words.t("sla.time.business", { time: hours }) : words.t("sla.time.businessDays", { time: hours, days });
}
