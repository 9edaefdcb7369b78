import { describe, expect, it } from "vitest";
import { readMail } from "./readMail.js";
import { guessCharsets } from "./guessCharset.js";

const latin1 = (text: string) => Buffer.from(text, "latin1");
const message = (head: string, body: Buffer) => Buffer.concat([latin1(head.replace(/\n/g, "\r\n")), Buffer.from("\r\n\r\n"), body]);

describe("undeclared 8-bit text", () => {
  it("reads a Latin-1 subject and body without a charset as Windows-1252", async () => {
    const raw = message(
      "From: Zoé <zoe@example.org>\nTo: support@example.com\nSubject: Facture erronée\nMessage-ID: <a@example.org>\nContent-Type: text/plain",
      latin1("Je veux être remboursé.\r\n"),
    );
    const mail = await readMail(raw);
    expect(mail.subject).toBe("Facture erronée");
    expect(mail.from).toEqual({ address: "zoe@example.org", name: "Zoé" });
    expect(mail.text).toBe("Je veux être remboursé.");
    expect(mail.errors.map((problem) => problem.code)).toEqual(["charset_guessed"]);
  });

  it("reads the Windows-1252 characters Latin-1 lacks (€, curly quotes, œ)", async () => {
    const body = Buffer.from([0x80, 0x20, 0x35, 0x30, 0x20, 0x93, 0x6f, 0x9c, 0x75, 0x66, 0x94]);
    const raw = message("From: a@example.org\nSubject: prix\nMessage-ID: <b@example.org>", body);
    expect((await readMail(raw)).text).toBe("€ 50 “oœuf”");
  });

  it("gives a charset to each undeclared text part of a multipart message, and keeps declared ones", async () => {
    const raw = message(
      "From: a@example.org\nSubject: test\nMessage-ID: <c@example.org>\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=x",
      Buffer.concat([
        latin1("--x\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n\r\nDéjà vu\r\n"),
        latin1("--x\r\nContent-Type: text/html;\r\n charset=iso-8859-15\r\n\r\n<p>D\xe9j\xe0 vu \xa4</p>\r\n--x--\r\n"),
      ]),
    );
    const { guessed } = guessCharsets(raw);
    expect(guessed).toBe("a text part without a charset read as windows-1252");
    const mail = await readMail(raw);
    expect(mail.text).toBe("Déjà vu");
    expect(mail.html).toContain("Déjà vu €");
  });

  it("takes a confident guess of another charset: a Russian subject in KOI8-R", async () => {
    const raw = message("From: a@example.org\nMessage-ID: <e@example.org>\nSubject: \xd4\xc5\xd3\xd4 \xd4\xc5\xd3\xd4", Buffer.from("ok\r\n"));
    const mail = await readMail(raw);
    expect(mail.subject).toBe("тест тест");
    expect(mail.errors).toEqual([{ code: "charset_guessed", detail: "8-bit headers read as koi8-r" }]);
  });

  it("converts 8-bit headers without touching a UTF-8 body", async () => {
    const raw = message("From: H\xe5vard <h@example.no>\nMessage-ID: <f@example.no>\nSubject: hei", Buffer.from("ø æ å\r\n", "utf8"));
    const mail = await readMail(raw);
    expect(mail.from?.name).toBe("Håvard");
    expect(mail.text).toBe("ø æ å");
  });

  it("leaves valid UTF-8 and 7-bit messages as they are", async () => {
    const utf8 = Buffer.from("From: a@example.org\r\nSubject: Facture erronée\r\nMessage-ID: <d@example.org>\r\n\r\nDéjà payé, werkt niet.", "utf8");
    expect(guessCharsets(utf8)).toEqual({ source: utf8, guessed: null });
    const mail = await readMail(utf8);
    expect(mail.subject).toBe("Facture erronée");
    expect(mail.text).toBe("Déjà payé, werkt niet.");
    expect(mail.errors).toEqual([]);
  });
});
