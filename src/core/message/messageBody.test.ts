import { describe, expect, it } from "vitest";
import { messageBody, sanitize } from "./messageBody.js";

describe("message bodies", () => {
  it("removes scripts, event handlers and javascript: links", () => {
    const html = sanitize(`<p onclick="steal()">Bonjour<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">ici</a></p>`);
    expect(html).not.toMatch(/script|onerror|onclick|javascript|<img/i);
    expect(html).toContain("Bonjour");
  });
  it("keeps safe links and makes them open elsewhere", () => {
    expect(sanitize(`<a href="https://example.org/facture">facture</a>`)).toBe(
      `<a href="https://example.org/facture" rel="noopener noreferrer nofollow" target="_blank">facture</a>`,
    );
  });
  it("escapes text into paragraphs with line breaks", () => {
    expect(messageBody({ text: "Bonjour,\nmon <b>colis</b>\n\nMerci" }).html).toBe("<p>Bonjour,<br>mon &lt;b&gt;colis&lt;/b&gt;</p><p>Merci</p>");
  });
  it("derives plain text from HTML with entities decoded", () => {
    expect(messageBody({ html: "<p>Ça ne marche pas &amp; j&#39;attends</p><p>Werkt niet</p>" }).text).toBe("Ça ne marche pas & j'attends\nWerkt niet");
  });
});
