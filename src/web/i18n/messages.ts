// The UI's words: the `app` namespace of the shared catalogue (src/core/i18n/locales/*/app.json,
// ICU MessageFormat), and choosing the language (stored choice, then the browser's).

import {
  isLocale,
  isMessageKey as isCatalogueKey,
  LOCALES,
  MESSAGES,
  translate as translateCatalogue,
  type Locale,
  type MessageKey as CatalogueKey,
} from "../../core/i18n/index.js";

export { LOCALES, isLocale, type Locale };

/** The app's message keys: the catalogue's `app.*` keys without their namespace. */
export type MessageKey = CatalogueKey extends infer Key ? (Key extends `app.${infer Name}` ? Name : never) : never;

/** Each language's name in itself, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", fr: "Français", nl: "Nederlands" };

export const STORAGE_KEY = "palier.locale";

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

/**
 * The message `key` in `locale` with `params` filled in (plural and select forms included).
 * A message missing a value shows as written rather than breaking the screen.
 */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const full = `app.${key}` as CatalogueKey;
  try {
    return translateCatalogue(locale, full, params);
  } catch {
    return MESSAGES[locale].get(full) ?? MESSAGES.en.get(full) ?? key;
  }
}

/** Whether `key` is a message (for keys built from data, such as `status.open`). */
export function isMessageKey(key: string): key is MessageKey {
  return isCatalogueKey(`app.${key}`);
}
