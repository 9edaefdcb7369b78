// The languages Palier speaks, and how a language tag from a browser, an account or an
// Accept-Language header maps onto one of them.

/** Every language Palier speaks; English first, as the fallback. */
export const LOCALES = ["en", "fr", "nl"] as const;

/** A language Palier speaks. */
export type Locale = (typeof LOCALES)[number];

/** The language every missing message falls back to. */
export const DEFAULT_LOCALE: Locale = "en";

/** Whether `value` is exactly one of our locales ("fr", not "fr-BE"). */
export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The locale for a BCP 47 tag: its language subtag if we speak it ("fr-BE" → "fr", "NL" → "nl"),
 * English for anything else, including an empty, null or malformed tag.
 */
export function localeOf(tag: string | null | undefined): Locale {
  const language = (tag ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(language) ? language : DEFAULT_LOCALE;
}
