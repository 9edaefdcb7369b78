import { describe, expect, it } from "vitest";
import { KbInvalid } from "./article.js";
import { attachmentName, attachmentText, attachmentType, KB_ATTACHMENT_LIMITS, validateAttachment } from "./attachment.js";

describe("an article's attached file", () => {
  it("keeps only the last part of a path and drops control characters from its name", () => {
    expect(attachmentName("C:\\Users\\eva\\facture\u0007 mars.pdf ")).toBe("facture mars.pdf");
    expect(attachmentName("../../etc/passwd")).toBe("passwd");
  });

  it("takes the declared type when it is one, else guesses from the name", () => {
    expect(attachmentType("notes.bin", "Text/Plain; charset=utf-8")).toBe("text/plain");
    expect(attachmentType("guide.md", "application/octet-stream")).toBe("text/markdown");
    expect(attachmentType("guide.md", "not a type")).toBe("text/markdown");
    expect(attachmentType("archive.unknown", undefined)).toBe("application/octet-stream");
  });

  it("indexes the words of text, Markdown and HTML, never markup or script, and the name of anything", () => {
    const html = attachmentText("mode-emploi.html", "text/html", Buffer.from("<h1>Réglage</h1><p>du <b>thermostat</b></p><script>secret()</script>"));
    expect(html).toContain("thermostat");
    expect(html).not.toMatch(/<|secret/);
    expect(attachmentText("liste.md", "text/markdown", Buffer.from("* **Câble** HDMI"))).toBe("liste md\nCâble HDMI");
    expect(attachmentText("scan_contrat.pdf", "application/pdf", Buffer.from("%PDF-1.7 ..."))).toBe("scan contrat pdf");
  });

  it("names the file in every problem: too large, empty, one too many", () => {
    const problems = (size: number, existing: number) => {
      try {
        validateAttachment({ filename: "catalogue.pdf", contentType: undefined, size }, existing);
        return [];
      } catch (error) {
        return (error as KbInvalid).problems.map((p) => [p.code, p.params?.name]);
      }
    };
    expect(problems(KB_ATTACHMENT_LIMITS.bytes, 0)).toEqual([]);
    expect(problems(KB_ATTACHMENT_LIMITS.bytes + 1, 0)).toEqual([["kb_attachment_too_large", "catalogue.pdf"]]);
    expect(problems(0, KB_ATTACHMENT_LIMITS.perVersion)).toEqual([
      ["kb_attachment_empty", "catalogue.pdf"],
      ["kb_attachment_too_many", "catalogue.pdf"],
    ]);
    expect(() => validateAttachment({ filename: " / ", contentType: undefined, size: 3 }, 0)).toThrow(KbInvalid);
  });
});
