// Formatting a catalogue message with ICU MessageFormat (plural, select, numbers), with one
// compiled formatter per (locale, key) kept for the life of the process or the page.

import { IntlMessageFormat } from "intl-messageformat";
import { MESSAGES, type MessageKey } from "./catalogue.js";
import { DEFAULT_LOCALE, type Locale } from "./locale.js";

/** The values a message's ICU arguments take. Instants are best passed already formatted (see the events renderer). */
export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>;

/** A message function bound to one locale. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

const formatters = new Map<string, IntlMessageFormat>();

/** The compiled formatter of `key` in `locale`, falling back to English; undefined when no language has it. */
function formatterOf(locale: Locale, key: string): IntlMessageFormat | undefined {
  const cacheKey = `${locale}\u0000${key}`;
  const cached = formatters.get(cacheKey);
  if (cached) return cached;
  const own = MESSAGES[locale].get(key);
  const source = own ?? MESSAGES[DEFAULT_LOCALE].get(key);
  if (source === undefined) return undefined;
  // A fallback message is formatted with English rules so its plurals match its words.
  const formatter = new IntlMessageFormat(source, own === undefined ? DEFAULT_LOCALE : locale);
  formatters.set(cacheKey, formatter);
  return formatter;
}

/**
 * The message `key` in `locale` with `values` filled in. A key missing in `locale` falls back
 * to English, then to the key itself, so a gap shows as a readable key rather than a blank.
 * A missing value throws (intl-messageformat's FormatError): that is a bug in the caller.
 */
export function translate(locale: Locale, key: MessageKey, values?: MessageValues): string {
  const formatter = formatterOf(locale, key);
  if (!formatter) return key;
  return String(formatter.format(values));
}

/** `translate` bound to one locale: `const t = translator("fr"); t("ticket.status.open")`. */
export function translator(locale: Locale): Translate {
  return (key, values) => translate(locale, key, values);
}
