// The app's words in the three languages must say the same things: same keys, the same ICU
// arguments, nothing empty, and every count said with an ICU plural (one and other).

import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "../../core/i18n/index.js";
import { chooseLocale, translate } from "./messages.js";

const appMessages = (locale: "en" | "fr" | "nl") => new Map([...MESSAGES[locale]].filter(([key]) => key.startsWith("app.")));
const catalogues = { en: appMessages("en"), fr: appMessages("fr"), nl: appMessages("nl") };

/** The argument names of a message, plural arguments included, sorted. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: readonly unknown[]) => {
    for (const element of elements as Record<string, unknown>[]) {
      if (element.type !== 0 && element.type !== 7 && typeof element.value === "string") names.add(element.value);
      if (element.options && typeof element.options === "object")
        for (const option of Object.values(element.options as Record<string, { value: unknown[] }>)) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, "en").getAst());
  return [...names].sort();
}

describe("the app's messages", () => {
  const englishKeys = [...catalogues.en.keys()].sort();

  it("are many", () => {
    expect(englishKeys.length).toBeGreaterThan(400);
  });

  it.each(["fr", "nl"] as const)("%s has exactly the English keys", (locale) => {
    expect([...catalogues[locale].keys()].sort()).toEqual(englishKeys);
  });

  it.each(["en", "fr", "nl"] as const)("%s has no empty message and the English arguments", (locale) => {
    for (const key of englishKeys) {
      const text = catalogues[locale].get(key) ?? "";
      expect(text.trim(), `${locale} ${key}`).not.toBe("");
      expect(argumentsOf(text), `${locale} ${key}`).toEqual(argumentsOf(catalogues.en.get(key) ?? ""));
    }
  });

  it("says counts with ICU plurals, never with _one/_other pairs", () => {
    for (const key of englishKeys) expect(key, key).not.toMatch(/_(one|other)$/);
    for (const [key, text] of catalogues.en) if (text.includes("plural,")) expect(text, key).toMatch(/one \{.*\} other \{/);
  });
});

describe("choosing and filling messages", () => {
  it("prefers the stored choice, then the browser's languages, then English", () => {
    expect(chooseLocale("nl", ["fr-BE"])).toBe("nl");
    expect(chooseLocale(null, ["de-DE", "fr-BE", "en"])).toBe("fr");
    expect(chooseLocale("xx", ["nl-BE"])).toBe("nl");
    expect(chooseLocale(null, ["de", "es"])).toBe("en");
  });

  it("fills placeholders and leaves unknown ones", () => {
    expect(translate("fr", "ticket.title", { number: 1042 })).toBe("Ticket n°1042");
    expect(translate("en", "chips.remove")).toBe("Remove {name}");
  });

  it("chooses the plural form by the language's rules", () => {
    expect(translate("en", "inbox.total", { count: 1 })).toBe("1 ticket");
    expect(translate("en", "inbox.total", { count: 1200 })).toBe("1,200 tickets");
    expect(translate("fr", "inbox.total", { count: 0 })).toBe("0 ticket");
    expect(translate("nl", "ticket.eventCount", { count: 2 })).toMatch(/^2 /);
  });
});
