// Frustration reasons as sentences in each language, from the catalogue.
import { describe, expect, it } from "vitest";
import { renderTriageReason } from "./reasons.js";

describe("renderTriageReason", () => {
  it("names the words read, in each language", () => {
    const reason = { kind: "word", phrase: "pas content", weight: 0.7 } as const;
    expect(renderTriageReason(reason, "en")).toBe("“pas content” sounds frustrated");
    expect(renderTriageReason(reason, "fr")).toBe("«\u00a0pas content\u00a0» exprime de la frustration");
    expect(renderTriageReason(reason, "nl")).toBe("‘pas content’ klinkt gefrustreerd");
  });

  it("puts a no-break space before a French colon", () => {
    expect(renderTriageReason({ kind: "waiting", phrase: "depuis trois semaines" }, "fr")).toBe(
      "dit combien de temps on a attendu\u00a0: «\u00a0depuis trois semaines\u00a0»",
    );
  });

  it("says shares as percentages and counts with plurals", () => {
    expect(renderTriageReason({ kind: "capitals", share: 0.85 }, "en")).toBe("85% of the letters are capitals");
    expect(renderTriageReason({ kind: "exclamations", count: 4 }, "nl")).toBe("4 uitroeptekens achter elkaar");
    expect(renderTriageReason({ kind: "exclamations", count: 1 }, "en")).toBe("an exclamation mark");
    expect(renderTriageReason({ kind: "repeat_contact", count: 1, days: 7 }, "en")).toBe("1 other contact in the last 7 days");
    expect(renderTriageReason({ kind: "repeat_contact", count: 3, days: 7 }, "fr")).toBe("3 autres contacts ces 7 derniers jours");
    expect(renderTriageReason({ kind: "negated", phrase: "niet slecht" }, "nl")).toBe("‘niet slecht’ is ontkend en telt dus niet mee");
  });
});
