// Hand-offs: the instants someone comes on call, and the notice the incoming person receives,
// in their language and time zone (the sentences are the catalogue's `oncall.notice.*`).

import { translator } from "../i18n/translate.js";
import { notifyLocale, type NotifyLocale } from "../notify/escalationTexts.js";
import { MS_PER_DAY } from "../time/civil.js";
import { TimeZone, UnknownTimeZoneError } from "../time/zone.js";
import { shiftsBetween } from "./onCall.js";
import type { CompiledSchedule } from "./scheduleSpec.js";

/** How far after a hand-off its notice looks for the end of the shift. */
const SHIFT_LOOKAHEAD_MS = 14 * MS_PER_DAY;

/** Someone coming on call at `at`, until `until` (undefined: not within two weeks). */
export interface Handoff {
  at: number;
  who: string[];
  until: number | undefined;
}

/**
 * The hand-offs in `(from, to]`: each instant the people on call change to someone (a change to
 * nobody is no hand-off). A hand-off at `from` itself belongs to the span before.
 */
export function handoffsBetween(schedule: CompiledSchedule, from: number, to: number): Handoff[] {
  if (to <= from) return [];
  const horizon = to + SHIFT_LOOKAHEAD_MS;
  const shifts = shiftsBetween(schedule, from, horizon);
  return shifts
    .filter((shift) => shift.start > from && shift.start <= to && shift.who.length > 0)
    .map((shift) => ({ at: shift.start, who: shift.who, until: shift.end < horizon ? shift.end : undefined }));
}

const DATE_LOCALES: Record<NotifyLocale, string> = { fr: "fr-FR", nl: "nl-NL", en: "en-GB" };

/** The notice of a hand-off for one incoming person: `title` the e-mail subject and the bell's headline. */
export function handoffNotice(props: { locale: string; timeZone: string; scheduleName: string; handoff: Handoff }): {
  title: string;
  body: string;
  locale: NotifyLocale;
} {
  const locale = notifyLocale(props.locale);
  const t = translator(locale);
  let zone: string;
  try {
    zone = TimeZone.of(props.timeZone).name;
  } catch (error) {
    if (!(error instanceof UnknownTimeZoneError)) throw error;
    zone = "UTC";
  }
  const format = new Intl.DateTimeFormat(DATE_LOCALES[locale], {
    timeZone: zone,
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
  });
  const { at, until } = props.handoff;
  return {
    title: t("oncall.notice.title", { schedule: props.scheduleName }),
    body: t("oncall.notice.body", {
      schedule: props.scheduleName,
      start: format.format(at),
      end: until === undefined ? "" : format.format(until),
      hasEnd: until === undefined ? "no" : "yes",
      zone,
    }),
    locale,
  };
}
