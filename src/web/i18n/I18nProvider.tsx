// The language of the UI as React context: `t` for the catalogue's messages, Intl for dates and
// numbers, and the switch between English, French and Dutch (remembered in localStorage).

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { chooseLocale, isMessageKey, STORAGE_KEY, translate, type Locale, type MessageKey, type Params } from "./messages.js";

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, params?: Params): string;
  /** A message with an ICU plural on `count`: `t(key, { ...params, count })`. */
  tn(key: MessageKey, count: number, params?: Params): string;
  /** A message built from data (e.g. `status.${status}`), or `fallback` when there is none. */
  tx(key: string, fallback: string): string;
  formatNumber(value: number): string;
  formatDateTime(iso: string): string;
  /** "3 minutes ago", "yesterday"… */
  formatRelative(iso: string): string;
}

const I18nContext = createContext<I18n | null>(null);

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["week", 7 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => chooseLocale(readStored(), navigator.languages ?? [navigator.language]));

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const numbers = new Intl.NumberFormat(locale);
    const dates = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
    return {
      locale,
      setLocale,
      t: (key, params) => translate(locale, key, params),
      tn: (key, count, params) => translate(locale, key, { ...params, count }),
      tx: (key, fallback) => (isMessageKey(key) ? translate(locale, key) : fallback),
      formatNumber: (value) => numbers.format(value),
      formatDateTime: (iso) => {
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : dates.format(date);
      },
      formatRelative: (iso) => {
        const seconds = (new Date(iso).getTime() - Date.now()) / 1000;
        if (Number.isNaN(seconds)) return iso;
        for (const [unit, size] of UNITS) {
          if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
        }
        return relative.format(0, "minute");
      },
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
