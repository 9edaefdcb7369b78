// What an escalation says: the notification a matrix step sends (in the recipient's language,
// times in the recipient's time zone) and the reason sentence its timeline event carries.

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

interface Words {
  /** What the ticket must do before its deadline. */
  must: Record<Target, string>;
  /** The deadline's name. */
  deadline: Record<Target, string>;
  reminderTitle: string;
  levelTitle: (level: number) => string;
  reminder: (ticket: string, must: string, when: string) => string;
  reminderMissed: (ticket: string, must: string, when: string, late: string) => string;
  reached: (ticket: string, deadline: string, when: string) => string;
  overdue: (ticket: string, deadline: string, late: string, when: string) => string;
  policy: (name: string) => string;
  at: (day: string, time: string) => string;
  duration: { day: string; hour: string };
  dateLocale: string;
}

const WORDS: Record<NotifyLocale, Words> = {
  fr: {
    must: { first_response: "recevoir une première réponse", next_response: "recevoir une réponse", resolution: "être résolu" },
    deadline: { first_response: "délai de première réponse", next_response: "délai de réponse", resolution: "délai de résolution" },
    reminderTitle: "Rappel",
    levelTitle: (level) => `Niveau ${level}`,
    reminder: (t, must, when) => `Rappel : le ticket ${t} doit ${must} avant ${when}.`,
    reminderMissed: (t, must, when, late) => `Rappel : le ticket ${t} devait ${must} avant ${when} (dépassé de ${late}).`,
    reached: (t, d, when) => `Le ticket ${t} a atteint son ${d} (échéance ${when}).`,
    overdue: (t, d, late, when) => `Le ticket ${t} a dépassé son ${d} de ${late} (échéance ${when}).`,
    policy: (name) => `Politique SLA : ${name}.`,
    at: (day, time) => `le ${day} à ${time}`,
    duration: { day: "j", hour: "h" },
    dateLocale: "fr-FR",
  },
  nl: {
    must: { first_response: "een eerste antwoord krijgen", next_response: "een antwoord krijgen", resolution: "opgelost zijn" },
    deadline: { first_response: "termijn voor het eerste antwoord", next_response: "antwoordtermijn", resolution: "oplostermijn" },
    reminderTitle: "Herinnering",
    levelTitle: (level) => `Niveau ${level}`,
    reminder: (t, must, when) => `Herinnering: ticket ${t} moet vóór ${when} ${must}.`,
    reminderMissed: (t, must, when, late) => `Herinnering: ticket ${t} moest vóór ${when} ${must} (${late} te laat).`,
    reached: (t, d, when) => `Ticket ${t} heeft zijn ${d} bereikt (deadline ${when}).`,
    overdue: (t, d, late, when) => `Ticket ${t} heeft zijn ${d} met ${late} overschreden (deadline ${when}).`,
    policy: (name) => `SLA-beleid: ${name}.`,
    at: (day, time) => `${day} om ${time}`,
    duration: { day: "d", hour: "u" },
    dateLocale: "nl-NL",
  },
  en: {
    must: { first_response: "get a first response", next_response: "get a reply", resolution: "be resolved" },
    deadline: { first_response: "first response deadline", next_response: "next response deadline", resolution: "resolution deadline" },
    reminderTitle: "Reminder",
    levelTitle: (level) => `Level ${level}`,
    reminder: (t, must, when) => `Reminder: ticket ${t} must ${must} by ${when}.`,
    reminderMissed: (t, must, when, late) => `Reminder: ticket ${t} had to ${must} by ${when} (${late} overdue).`,
    reached: (t, d, when) => `Ticket ${t} has reached its ${d} (due ${when}).`,
    overdue: (t, d, late, when) => `Ticket ${t} is ${late} past its ${d} (due ${when}).`,
    policy: (name) => `SLA policy: ${name}.`,
    at: (day, time) => `${time} on ${day}`,
    duration: { day: "d", hour: "h" },
    dateLocale: "en-GB",
  },
};

const QUOTES: Record<NotifyLocale, (s: string) => string> = {
  fr: (s) => `« ${s} »`,
  nl: (s) => `"${s}"`,
  en: (s) => `"${s}"`,
};

/** The notification for one recipient of a matrix step. */
export function escalationText(props: EscalationTextProps): EscalationText {
  const locale = notifyLocale(props.locale);
  const words = WORDS[locale];
  const ticket = `#${props.ticket.number} ${QUOTES[locale](props.ticket.subject)}`;
  const when = formatWhen(props.deadline, props.now, props.timeZone, locale);
  const late = props.now - props.deadline;
  let first: string;
  if (props.kind === "reminder") {
    first = late >= 60_000 ? words.reminderMissed(ticket, words.must[props.target], when, formatDuration(late, locale)) : words.reminder(ticket, words.must[props.target], when);
  } else {
    first = late >= 60_000 ? words.overdue(ticket, words.deadline[props.target], formatDuration(late, locale), when) : words.reached(ticket, words.deadline[props.target], when);
  }
  const headline = props.kind === "reminder" ? words.reminderTitle : words.levelTitle(props.level);
  const separator = locale === "fr" ? " : " : ": ";
  return {
    title: `${headline}${separator}#${props.ticket.number} ${props.ticket.subject}`,
    body: `${first}\n${words.policy(props.policyName)}`,
    locale,
  };
}

/**
 * A duration as people read it, floored to the minute: `25 min`, `1 h 05`, `2 j 3 h` (French
 * days), `1 u 05` (Dutch hours).
 */
export function formatDuration(ms: number, locale: string = "en"): string {
  const words = WORDS[notifyLocale(locale)].duration;
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} ${words.hour} ${String(minutes % 60).padStart(2, "0")}`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} ${words.day} ${hours % 24} ${words.hour}` : `${days} ${words.day}`;
}

/** `16:30` when the deadline falls on the same local day as `now`, else `16:30 on 24 Nov` in the locale's words. */
function formatWhen(deadline: number, now: number, timeZone: string, locale: NotifyLocale): string {
  const zone = knownZone(timeZone);
  const words = WORDS[locale];
  const time = formatter("en-GB", zone, "time").format(deadline);
  const dayOf = formatter("en-CA", zone, "date");
  if (dayOf.format(deadline) === dayOf.format(now)) return time;
  const day = formatter(words.dateLocale, zone, "day").format(deadline);
  return words.at(day, time);
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

const TARGET_NAMES: Record<Target, string> = { first_response: "first response", next_response: "next response", resolution: "resolution" };

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
  const target = TARGET_NAMES[props.target];
  const overdue = props.now - props.deadline;
  const head = props.kind === "reminder" ? `Reminder of ${props.policyName}` : `Level ${props.level} of ${props.policyName}`;
  let what: string;
  if (overdue >= 60_000) what = `${target} overdue by ${formatDuration(overdue)}`;
  else if (overdue >= 0) what = `${target} deadline reached`;
  else what = `${target} due in ${formatDuration(-overdue + 59_999)}`;
  const late = props.lateByMs !== undefined ? `; fired ${formatDuration(props.lateByMs)} late` : "";
  return `${head}: ${what}${late}`;
}
