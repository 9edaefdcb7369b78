// What an escalation says: the notification a matrix step sends (in the recipient's language,
// times in the recipient's time zone) and the reason sentence its timeline event carries; the
// sentences themselves are the catalogue's `notify` namespace (src/core/i18n/locales).

import { translate, translator } from "../i18n/index.js";
import type { Target } from "../sla/policy.js";

/** The languages notifications are written in; anything else reads English. */
export const NOTIFY_LOCALES = ["fr", "nl", "en"] as const;
export type NotifyLocale = (typeof NOTIFY_LOCALES)[number];

export interface EscalationTextProps {
  /** The recipient's locale (`fr`, `nl`, `en`; a region such as `fr-BE` counts as its language). */
  locale: string;
  /** The recipient's IANA time zone; an unknown one gives UTC. */
  timeZone: string;
  ticket: { number: number; subject: string };
  kind: "reminder" | "level";
  level: number;
  target: Target;
  policyName: string;
  /** The clock's deadline (epoch ms). */
  deadline: number;
  /** When the step fires (epoch ms). */
  now: number;
}

/** A notification: `title` is the e-mail subject and the bell's headline, `body` the text. */
export interface EscalationText {
  title: string;
  body: string;
  locale: NotifyLocale;
}

/** The locale a notification is written in: the language part of `locale` when Palier speaks it, else English. */
export function notifyLocale(locale: string | null | undefined): NotifyLocale {
  const language = (locale ?? "").slice(0, 2).toLowerCase();
  return (NOTIFY_LOCALES as readonly string[]).includes(language) ? (language as NotifyLocale) : "en";
}

/** The locale whose conventions write a notification's dates. */
const DATE_LOCALES: Record<NotifyLocale, string> = { fr: "fr-FR", nl: "nl-NL", en: "en-GB" };

/** The notification for one recipient of a matrix step. */
export function escalationText(props: EscalationTextProps): EscalationText {
  const locale = notifyLocale(props.locale);
  const t = translator(locale);
  const ticket = t("notify.ticket", { number: props.ticket.number, subject: props.ticket.subject });
  const when = formatWhen(props.deadline, props.now, props.timeZone, locale);
  const late = props.now - props.deadline;
  const missed = late >= 60_000;
  let first: string;
  if (props.kind === "reminder") {
    const must = t("notify.must", { target: props.target });
    first = missed ? t("notify.reminderMissed", { ticket, must, when, late: formatDuration(late, locale) }) : t("notify.reminder", { ticket, must, when });
  } else {
    const deadline = t("notify.deadline", { target: props.target });
    first = missed ? t("notify.overdue", { ticket, deadline, late: formatDuration(late, locale), when }) : t("notify.reached", { ticket, deadline, when });
  }
  const headline = props.kind === "reminder" ? t("notify.reminderTitle") : t("notify.levelTitle", { level: props.level });
  return {
    title: t("notify.title", { headline, number: props.ticket.number, subject: props.ticket.subject }),
    body: `${first}\n${t("notify.policy", { name: props.policyName })}`,
    locale,
  };
}

/**
 * A duration as people read it, floored to the minute: `25 min`, `1 h 05`, `2 j 3 h` (French
 * days), `1 u 05` (Dutch hours).
 */
export function formatDuration(ms: number, locale: string = "en"): string {
  const t = translator(notifyLocale(locale));
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return t("notify.duration.minutes", { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t("notify.duration.hours", { hours, minutes: String(minutes % 60).padStart(2, "0") });
  const days = Math.floor(hours / 24);
  return hours % 24 ? t("notify.duration.daysHours", { days, hours: hours % 24 }) : t("notify.duration.days", { days });
}

/** `16:30` when the deadline falls on the same local day as `now`, else `16:30 on 24 Nov` in the locale's words. */
function formatWhen(deadline: number, now: number, timeZone: string, locale: NotifyLocale): string {
  const zone = knownZone(timeZone);
  const time = formatter("en-GB", zone, "time").format(deadline);
  const dayOf = formatter("en-CA", zone, "date");
  if (dayOf.format(deadline) === dayOf.format(now)) return time;
  const day = formatter(DATE_LOCALES[locale], zone, "day").format(deadline);
  return translate(locale, "notify.at", { day, time });
}

/** The patterns notifications format instants with. */
const PATTERNS = {
  time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  date: { year: "numeric", month: "2-digit", day: "2-digit" },
  day: { day: "numeric", month: "short" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * Most formatters kept: building one costs far more than using it (ICU allocates it outside the
 * JavaScript heap), and a firing needs three. A few locales times the zones agents work in fit
 * well below; past the bound the least recently used one goes.
 */
const FORMATTERS_KEPT = 256;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** A shared formatter for (locale, time zone, pattern); `timeZone` must be valid. */
function formatter(locale: string, timeZone: string, pattern: keyof typeof PATTERNS): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${pattern}`;
  let found = formatters.get(key);
  if (found) {
    formatters.delete(key);
  } else {
    found = new Intl.DateTimeFormat(locale, { timeZone, ...PATTERNS[pattern] });
    if (formatters.size >= FORMATTERS_KEPT) formatters.delete(formatters.keys().next().value as string);
  }
  formatters.set(key, found);
  return found;
}

/** Whether each zone name asked about is one Intl knows; bounded like the formatters. */
const zones = new Map<string, boolean>();

function knownZone(timeZone: string): string {
  let known = zones.get(timeZone);
  if (known === undefined) {
    known = isZone(timeZone);
    if (zones.size >= FORMATTERS_KEPT) zones.delete(zones.keys().next().value as string);
    zones.set(timeZone, known);
  }
  return known ? timeZone : "UTC";
}

function isZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export interface EscalationReasonProps {
  policyName: string;
  kind: "reminder" | "level";
  level: number;
  target: Target;
  deadline: number;
  now: number;
  /** When the step fired this long after its own due time because the engine was behind. */
  lateByMs?: number;
}

/** The timeline's sentence for a firing: "Level 2 of Standard: first response overdue by 1 h 05". */
export function escalationReason(props: EscalationReasonProps): string {
  // Stored with the event in English until the timeline renders events in the reader's language.
  const t = translator("en");
  const target = t("notify.reason.target", { target: props.target });
  const overdue = props.now - props.deadline;
  const head =
    props.kind === "reminder"
      ? t("notify.reason.reminder", { policy: props.policyName })
      : t("notify.reason.level", { level: props.level, policy: props.policyName });
  let reason: string;
  if (overdue >= 60_000) reason = t("notify.reason.overdue", { head, target, duration: formatDuration(overdue) });
  else if (overdue >= 0) reason = t("notify.reason.reached", { head, target });
  else reason = t("notify.reason.dueIn", { head, target, duration: formatDuration(-overdue + 59_999) });
  return props.lateByMs !== undefined ? t("notify.reason.late", { reason, duration: formatDuration(props.lateByMs) }) : reason;
}
