// Choosing a locale from a tag, formatting messages with ICU, and falling back when a key is missing.

import { describe, expect, it } from "vitest";
import { MESSAGES, type MessageKey } from "./catalogue.js";
import { localeOf } from "./locale.js";
import { translate, translator } from "./translate.js";

describe("localeOf", () => {
  it("keeps the language of a regional tag we speak, whatever its case", () => {
    expect(localeOf("fr-BE")).toBe("fr");
    expect(localeOf("NL_be")).toBe("nl");
    expect(localeOf("en-GB")).toBe("en");
  });

  it("falls back to English for a language we do not speak or no tag at all", () => {
    expect(localeOf("de-DE")).toBe("en");
    expect(localeOf("")).toBe("en");
    expect(localeOf(null)).toBe("en");
    expect(localeOf(undefined)).toBe("en");
  });
});

describe("translate", () => {
  it("gives the message in the reader's language", () => {
    expect(translate("fr", "ticket.status.open")).toBe(MESSAGES.fr.get("ticket.status.open"));
    expect(translate("nl", "ticket.status.open")).toBe(MESSAGES.nl.get("ticket.status.open"));
    expect(translate("fr", "ticket.priority.high")).not.toBe(translate("en", "ticket.priority.high"));
  });

  it("fills ICU arguments, with the number formatted for the locale", () => {
    const text = translate("en", "ticket.number", { number: 10421 });
    expect(text).toContain("10421");
    expect(translate("fr", "ticket.number", { number: 7 })).toContain("7");
  });

  it("gives the same text through a translator bound to the locale", () => {
    const t = translator("nl");
    expect(t("ticket.channel.phone")).toBe(translate("nl", "ticket.channel.phone"));
  });

  it("falls back to English for a key one language lacks, then to the key itself", () => {
    // A key no other test formats in French, since formatters are cached once compiled.
    const key = "ticket.tier.L0";
    const french = MESSAGES.fr as Map<string, string>;
    const saved = french.get(key);
    french.delete(key);
    try {
      expect(translate("fr", key)).toBe(MESSAGES.en.get(key));
    } finally {
      if (saved !== undefined) french.set(key, saved);
    }
    expect(translate("fr", "ticket.nothing.here" as MessageKey)).toBe("ticket.nothing.here");
  });
});
