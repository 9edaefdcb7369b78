// The three catalogues must say the same things: same keys, same {placeholders}, nothing empty,
// and plural pairs (_one/_other) complete.

import { describe, expect, it } from "vitest";
import { chooseLocale, translate } from "../i18n/messages.js";
import en from "./en.json";
import fr from "./fr.json";
import nl from "./nl.json";

const catalogues: Record<string, Record<string, string>> = { en, fr, nl };
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("locale files", () => {
  const englishKeys = Object.keys(en).sort();

  it.each(["fr", "nl"])("%s has exactly the English keys", (locale) => {
    expect(Object.keys(catalogues[locale] ?? {}).sort()).toEqual(englishKeys);
  });

  it.each(["en", "fr", "nl"])("%s has no empty message and the English placeholders", (locale) => {
    const catalogue = catalogues[locale] ?? {};
    for (const key of englishKeys) {
      const text = catalogue[key] ?? "";
      expect(text.trim(), `${locale} ${key}`).not.toBe("");
      expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders((en as Record<string, string>)[key] ?? ""));
    }
  });

  it("has both plural forms for every plural message", () => {
    for (const key of englishKeys) {
      if (key.endsWith("_one")) expect(englishKeys).toContain(key.replace(/_one$/, "_other"));
      if (key.endsWith("_other")) expect(englishKeys).toContain(key.replace(/_other$/, "_one"));
    }
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
});
