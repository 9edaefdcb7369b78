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

/**
 * The first language of an Accept-Language header that Palier speaks, by preference (`q`);
 * undefined when the header is absent or names none of them (the caller then keeps its default).
 */
export function acceptedLocale(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part, order) => {
      const [tag = "", ...options] = part.trim().split(";");
      const q = options.map((o) => /^\s*q=([\d.]+)\s*$/.exec(o)?.[1]).find((v) => v !== undefined);
      return { language: tag.trim().toLowerCase().split(/[-_]/)[0] ?? "", q: q === undefined ? 1 : Number(q), order };
    })
    .filter((entry) => entry.q > 0 && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranked.map((entry) => entry.language).find(isLocale);
}

/** `name` as Intl spells the IANA zone (`europe/brussels` → `Europe/Brussels`); undefined for a name it does not know. */
export function canonicalTimeZone(name: string): string | undefined {
  if (name.trim() === "" || name.length > 64) return undefined;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
