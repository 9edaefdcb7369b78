// Language detection on sentences of each language, and "unknown" when the text says too little.
import { describe, expect, it } from "vitest";
import { detectLanguage } from "./language.js";

describe("detectLanguage", () => {
  it.each([
    ["fr", "Bonjour, je n'arrive plus à me connecter à mon compte depuis hier soir."],
    ["fr", "Ma facture de novembre est fausse, pouvez-vous la corriger ?"],
    ["fr", "C'est la troisième fois que je vous écris."],
    ["nl", "Goedemorgen, ik kan sinds gisteren niet meer inloggen op mijn account."],
    ["nl", "Mijn factuur van november klopt niet, kunnen jullie die aanpassen?"],
    ["nl", "Dit is al de derde keer dat ik jullie mail."],
    ["en", "Hello, I can't log in to my account since last night."],
    ["en", "My November invoice is wrong, could you fix it?"],
    ["en", "This is the third time I am writing to you."],
  ])("reads %s in: %s", (language, text) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it.each(["", "   ", "42", "!!!", "🙂🙂", "Lorem ipsum dolor sit amet", "Ich habe eine Frage zu meiner Rechnung"])("answers unknown for %j", (text) => {
    expect(detectLanguage(text)).toBe("unknown");
  });
});
