// The UI's words in English, French and Dutch (src/web/locales/*.json), choosing the language
// (stored choice, then the browser's), and filling `{name}` placeholders.

import en from "../locales/en.json";
import fr from "../locales/fr.json";
import nl from "../locales/nl.json";

export const LOCALES = ["en", "fr", "nl"] as const;
export type Locale = (typeof LOCALES)[number];

/** Every key of the English catalogue; the others must have the same (a test checks). */
export type MessageKey = keyof typeof en;

/** Keys with plural forms, `x_one` / `x_other`, named by their base `x`. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}_other` ? Base : never }[MessageKey];

// Assigning checks at compile time that French and Dutch have every English key.
const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { en, fr, nl };

/** Each language's name in itself, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", fr: "Français", nl: "Nederlands" };

export const STORAGE_KEY = "palier.locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The stored choice if any, else the first of the browser's languages we speak, else English. */
export function chooseLocale(stored: string | null, browser: readonly string[]): Locale {
  if (isLocale(stored)) return stored;
  for (const tag of browser) {
    const language = tag.toLowerCase().split("-")[0];
    if (isLocale(language)) return language;
  }
  return "en";
}

export type Params = Record<string, string | number>;

/** The message `key` in `locale` with its `{name}` placeholders filled. */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const template = CATALOGUES[locale][key] ?? CATALOGUES.en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Whether `key` is a message (for keys built from data, such as `status.open`). */
export function isMessageKey(key: string): key is MessageKey {
  return key in CATALOGUES.en;
}
