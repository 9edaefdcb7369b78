// The three languages must say the same things: the same keys, each message valid ICU, and
// the same argument names, so a value passed in English is used in French and Dutch too.

import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "./catalogue.js";
import { LOCALES } from "./locale.js";

/** The names of the ICU arguments a message uses, plural and select ones included, sorted. */
function argumentNames(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (elements: unknown[]): void => {
    for (const element of elements as Record<string, unknown>[]) {
      // Literals (type 0) and `#` (type 7) carry no argument name; tags (8) carry children.
      if (element.type !== 0 && element.type !== 7 && element.type !== 8 && typeof element.value === "string") names.add(element.value);
      if (Array.isArray(element.children)) walk(element.children);
      if (element.options && typeof element.options === "object") {
        for (const option of Object.values(element.options as Record<string, { value: unknown[] }>)) walk(option.value);
      }
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst());
  return [...names].sort();
}

describe("the message catalogue", () => {
  const englishKeys = [...MESSAGES.en.keys()].sort();

  it("has messages in every namespace", () => {
    expect(englishKeys.length).toBeGreaterThan(0);
    expect(new Set(englishKeys.map((key) => key.split(".")[0])).size).toBeGreaterThan(1);
  });

  it.each(LOCALES)("has exactly the English keys in %s", (locale) => {
    expect([...MESSAGES[locale].keys()].sort()).toEqual(englishKeys);
  });

  it.each(LOCALES)("has only non-empty messages that parse as ICU in %s", (locale) => {
    for (const [key, message] of MESSAGES[locale]) {
      expect(message.trim(), `${locale} ${key}`).not.toBe("");
      expect(() => new IntlMessageFormat(message, locale), `${locale} ${key}`).not.toThrow();
    }
  });

  it.each(["fr", "nl"] as const)("uses the English argument names in %s", (locale) => {
    for (const key of englishKeys) {
      const english = argumentNames(MESSAGES.en.get(key) ?? "", "en");
      expect(argumentNames(MESSAGES[locale].get(key) ?? "", locale), `${locale} ${key}`).toEqual(english);
    }
  });
});
