import { describe, expect, it } from "vitest";
import { fold, foldedWords, holdsPhrase } from "./fold.js";

describe("fold", () => {
  it("drops case, accents and punctuation, and spells out ligatures", () => {
    expect(fold("L'Œuvre — ÇA NE MARCHE PAS!!")).toBe("l oeuvre ca ne marche pas");
    expect(fold("  Évènement   déjà  vu ")).toBe("evenement deja vu");
    expect(fold("Straße, café-crème")).toBe("strasse cafe creme");
    expect(fold("¡¿…!!")).toBe("");
  });

  it("splits folded words", () => {
    expect(foldedWords("Werkt NIET, al 3 weken!")).toEqual(["werkt", "niet", "al", "3", "weken"]);
    expect(foldedWords(" ,; ")).toEqual([]);
  });
});

describe("holdsPhrase", () => {
  const text = fold("Bonjour, ÇA NE MARCHE PAS!! Je veux passer à autre chose.");
  it("finds whole words whatever their case, accents or punctuation", () => {
    expect(holdsPhrase(text, fold("ne marche pas"))).toBe(true);
    expect(holdsPhrase(text, fold("ça"))).toBe(true);
    expect(holdsPhrase(text, fold("chose"))).toBe(true);
  });
  it("does not find a word inside another", () => {
    expect(holdsPhrase(text, "pass")).toBe(false);
    expect(holdsPhrase(fold("ne marche passablement"), "ne marche pas")).toBe(false);
    expect(holdsPhrase(fold("impasse"), "pas")).toBe(false);
  });
  it("never finds an empty phrase", () => {
    expect(holdsPhrase(text, "")).toBe(false);
  });
});
