// A reply's subject, references and signature: one reference, no stacked prefixes, the thread
// bounded, the signature below "-- " in text and escaped in HTML.
import { describe, expect, it } from "vitest";
import { replyReferences, replySubject, signed } from "./replyMail.js";

describe("replyMail", () => {
  it("keeps one reference and no stacked prefixes, in the customer's language", () => {
    expect(replySubject("Re: RE: Facture introuvable [#1042]", 1042, "fr")).toBe("Re : Facture introuvable [#1042]");
    expect(replySubject("AW: Antw: Factuur", 7, "nl")).toBe("Re: Factuur [#7]");
    expect(replySubject("Invoice", 9, "en")).toBe("Re: Invoice [#9]");
  });

  it("names the first and the latest of a long thread", () => {
    const thread = Array.from({ length: 30 }, (_, i) => `<m${i}@x>`);
    const references = replyReferences(thread);
    expect(references).toHaveLength(20);
    expect(references[0]).toBe("<m0@x>");
    expect(references.at(-1)).toBe("<m29@x>");
  });

  it("signs below the separator, escaping the signature in HTML, and leaves an unsigned reply alone", () => {
    expect(signed({ text: "Bonjour", html: "<p>Bonjour</p>" }, "L'équipe <Facturation>\nPalier SA")).toEqual({
      text: "Bonjour\n\n-- \nL'équipe <Facturation>\nPalier SA",
      html: '<p>Bonjour</p><p class="signature">-- <br>L\'équipe &lt;Facturation&gt;<br>Palier SA</p>',
    });
    expect(signed({ text: "Hi", html: "<p>Hi</p>" }, "   ")).toEqual({ text: "Hi", html: "<p>Hi</p>" });
    expect(signed({ text: "Hi", html: "<p>Hi</p>" }, undefined)).toEqual({ text: "Hi", html: "<p>Hi</p>" });
  });
});
