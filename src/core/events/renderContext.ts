// What rendering an event needs from its reader: a language, a time zone, and names for the
// ids an event holds, so a reader sees "Léa Martin" and "16:30 on 24 Nov", never a uuid or UTC.

import { formatDuration } from "../notify/escalationTexts.js";
import { translator, type Locale, type Translate } from "../i18n/index.js";

/** The kinds of ids an event names. */
export type NameKind = "agent" | "team" | "product" | "customer" | "organization" | "policy" | "calendar";

/** Names for ids; each lookup returns undefined for an id it does not know. */
export type EventNames = Partial<Record<NameKind, (id: string) => string | undefined>>;

/** The reader of an event. */
export interface RenderOptions {
  locale: Locale;
  /** The reader's IANA time zone; an unknown one reads UTC. */
  timeZone: string;
  names: EventNames;
}

/** The helpers the renderers share, bound to one reader. */
export interface RenderContext {
  locale: Locale;
  t: Translate;
  /** The name of `id`; else the name the event recorded; else "unknown agent" in the reader's words. */
  name(kind: NameKind, id: string | null | undefined, recorded?: string | null): string;
  /** An instant (ISO 8601, Date or epoch ms) in the reader's zone and language. */
  instant(at: string | number | Date): string;
  /** A duration in milliseconds as people read it: `25 min`, `1 h 05`, `2 j 3 h`. */
  duration(ms: number): string;
  /** A list joined the locale's way: "A, B and C". */
  list(items: readonly string[]): string;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

function dateFormat(locale: Locale, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "medium", timeStyle: "short" });
    } catch {
      format = new Intl.DateTimeFormat(locale, { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" });
    }
    dateFormats.set(key, format);
  }
  return format;
}

/** The helpers for one reader. */
export function renderContext(options: RenderOptions): RenderContext {
  const { locale, timeZone, names } = options;
  const t = translator(locale);
  let listFormat = listFormats.get(locale);
  if (!listFormat) listFormats.set(locale, (listFormat = new Intl.ListFormat(locale, { type: "conjunction" })));
  const format = dateFormat(locale, timeZone);
  const list = listFormat;
  return {
    locale,
    t,
    name(kind, id, recorded) {
      const known = id ? names[kind]?.(id) : undefined;
      if (known) return known;
      if (recorded) return recorded;
      return t("events.unknown", { kind });
    },
    instant: (at) => format.format(typeof at === "string" ? Date.parse(at) : at),
    duration: (ms) => formatDuration(ms, locale),
    list: (items) => list.format(items),
  };
}

/** `text` with every uuid in it replaced by a name (an agent, team, product…), for old free-text reasons. */
export function nameIds(text: string, context: RenderContext, names: EventNames): string {
  return text.replace(UUID, (id) => {
    for (const kind of Object.keys(names) as NameKind[]) {
      const found = names[kind]?.(id);
      if (found) return found;
    }
    return context.t("events.unknown", { kind: "other" });
  });
}
