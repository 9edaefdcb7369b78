// The one reader of e-mail, on messages written here to show one thing each: threading headers,
// charsets and encoded words, HTML made safe and read as text, attachments and inline images,
// bounces, uuencoded files, and mail too broken or too big to read, which is kept, not lost.
import { describe, expect, it } from "vitest";
import { readMail } from "./readMail.js";

const crlf = (lines: string[]) => Buffer.from(lines.join("\r\n"), "utf8");

describe("readMail", () => {
  it("reads sender, recipients, subject, date, body and threading headers", async () => {
    const mail = await readMail(
      crlf([
        'From: "Marie Dupont" <Marie.Dupont@Example.be>',
        "To: Support <support@palier.example>, Bob <bob@example.org>",
        "Cc: undisclosed-recipients:;",
        "Subject: =?UTF-8?Q?Re=C2=A0:_[#1042]_Facture_introuvable_=C3=A9t=C3=A9?=",
        "Date: Tue, 1 Dec 2026 09:15:00 +0100",
        "Message-ID: <abc@example.be>",
        "In-Reply-To: <palier-1042-1@palier.example>",
        "References: <palier-1042-0@palier.example>\r\n <palier-1042-1@palier.example>",
        "Content-Type: text/plain; charset=utf-8",
        "",
        "Bonjour, je ne trouve toujours pas ma facture de mars.",
        "",
      ]),
    );
    expect(mail).toMatchObject({
      messageId: "<abc@example.be>",
      from: { address: "marie.dupont@example.be", name: "Marie Dupont" },
      to: [
        { address: "support@palier.example", name: "Support" },
        { address: "bob@example.org", name: "Bob" },
      ],
      subject: "Re : [#1042] Facture introuvable été",
      text: "Bonjour, je ne trouve toujours pas ma facture de mars.",
      html: null,
      inReplyTo: "<palier-1042-1@palier.example>",
      references: ["<palier-1042-0@palier.example>", "<palier-1042-1@palier.example>"],
      automated: null,
      bounce: null,
      language: "fr",
      errors: [],
      raw: false,
    });
    expect(mail.date?.toISOString()).toBe("2026-12-01T08:15:00.000Z");
  });

  it("decodes a body in a declared 8-bit charset", async () => {
    const mail = await readMail(
      Buffer.concat([
        crlf([
          "From: jan@example.nl",
          "Subject: Storing",
          "Message-ID: <n@example.nl>",
          "Content-Type: text/plain; charset=iso-8859-1",
          "Content-Transfer-Encoding: 8bit",
          "",
          "",
        ]),
        Buffer.from("Het werkt niet, ook niet na één herstart. Geëscaleerd?\r\n", "latin1"),
      ]),
    );
    expect(mail.text).toBe("Het werkt niet, ook niet na één herstart. Geëscaleerd?");
    expect(mail.language).toBe("nl");
    expect(mail.errors).toEqual([]);
  });

  it("names text it could not decode instead of passing replacement characters as read", async () => {
    // Declared UTF-8 but not: a declared charset is believed, and what it cannot decode is named.
    const mail = await readMail(
      Buffer.concat([
        crlf(["From: a@example.org", "Message-ID: <k@example.org>", "Subject: test", "Content-Type: text/plain; charset=utf-8", "", ""]),
        Buffer.from([0xd4, 0xc5, 0xd3, 0xd4, 0x0d, 0x0a]),
      ]),
    );
    expect(mail.errors.map((error) => error.code)).toEqual(["undecodable_text"]);
  });

  it("keeps an HTML body sanitized and reads it as text without shouting its headings", async () => {
    const mail = await readMail(
      crlf([
        "From: a@example.org",
        "Message-ID: <h@example.org>",
        "Subject: html",
        "Content-Type: text/html; charset=utf-8",
        "",
        '<h1>Ça ne marche pas</h1><p onclick="steal()">Voir <a href="https://example.org/x">ici</a>.<script>alert(1)</script><img src="https://tracker.example/p.gif"></p>',
      ]),
    );
    expect(mail.text).toBe("Ça ne marche pas\n\nVoir ici.");
    expect(mail.html).not.toMatch(/script|onclick|alert/);
    expect(mail.html).toContain("Ça ne marche pas");
  });

  it("lists attachments with their size and inline images with their content id", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    const mail = await readMail(
      crlf([
        "From: a@example.org",
        "Message-ID: <m@example.org>",
        "Subject: pièces",
        'Content-Type: multipart/mixed; boundary="outer"',
        "",
        "--outer",
        'Content-Type: multipart/related; boundary="rel"',
        "",
        "--rel",
        "Content-Type: text/html; charset=utf-8",
        "",
        '<p>Capture : <img src="cid:shot@example.org"></p>',
        "--rel",
        "Content-Type: image/png",
        "Content-ID: <shot@example.org>",
        "Content-Transfer-Encoding: base64",
        "",
        png.toString("base64"),
        "--rel--",
        "--outer",
        'Content-Type: application/pdf; name="facture mars.pdf"',
        'Content-Disposition: attachment; filename="facture mars.pdf"',
        "Content-Transfer-Encoding: base64",
        "",
        Buffer.from("%PDF-1.4 test").toString("base64"),
        "--outer--",
        "",
      ]),
    );
    expect(mail.attachments.map(({ filename, contentType, size, inline, contentId }) => ({ filename, contentType, size, inline, contentId }))).toEqual([
      { filename: "attachment-1", contentType: "image/png", size: png.length, inline: true, contentId: "shot@example.org" },
      { filename: "facture mars.pdf", contentType: "application/pdf", size: 13, inline: false, contentId: null },
    ]);
    expect(mail.text).toBe("Capture :");
  });

  it("reads a bounce: its kind, the failed recipient, status and diagnostic", async () => {
    const mail = await readMail(
      crlf([
        "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>",
        "To: support@palier.example",
        "Subject: Undelivered Mail Returned to Sender",
        "Message-ID: <b@mx.example.org>",
        'Content-Type: multipart/report; report-type=delivery-status; boundary="r"',
        "",
        "--r",
        "Content-Type: text/plain",
        "",
        "I'm sorry to have to inform you that your message could not be delivered.",
        "--r",
        "Content-Type: message/delivery-status",
        "",
        "Reporting-MTA: dns; mx.example.org",
        "",
        "Final-Recipient: rfc822; marie@example.be",
        "Action: failed",
        "Status: 5.1.1",
        "Diagnostic-Code: smtp; 550 5.1.1 User unknown",
        "",
        "--r",
        "Content-Type: message/rfc822",
        "",
        "From: support@palier.example",
        "Message-ID: <palier-1042-3@palier.example>",
        "Subject: Re: [#1042] Facture",
        "",
        "Voici votre facture.",
        "--r--",
        "",
      ]),
    );
    expect(mail.automated).toEqual({ kind: "bounce", reason: "content-type: multipart/report; report-type=delivery-status" });
    expect(mail.bounce).toEqual({ recipient: "marie@example.be", status: "5.1.1", diagnostic: "550 5.1.1 User unknown" });
    expect(mail.bouncedMessageId).toBe("<palier-1042-3@palier.example>");
    expect(mail.text).toBe("I'm sorry to have to inform you that your message could not be delivered.");
    expect(mail.attachments.map((attachment) => attachment.contentType)).toEqual(["message/rfc822"]);
  });

  it("takes uuencoded files out of the text as attachments", async () => {
    const content = Buffer.from("Palier uuencode test: bytes \u0000\u00ff and more.", "latin1");
    const lines: string[] = [];
    for (let offset = 0; offset < content.length; offset += 45) {
      const chunk = content.subarray(offset, offset + 45);
      let line = String.fromCharCode(32 + chunk.length);
      for (let i = 0; i < chunk.length; i += 3) {
        const [a = 0, b = 0, c = 0] = [chunk[i], chunk[i + 1], chunk[i + 2]];
        for (const six of [a >> 2, ((a & 3) << 4) | (b >> 4), ((b & 15) << 2) | (c >> 6), c & 63]) line += six === 0 ? "`" : String.fromCharCode(32 + six);
      }
      lines.push(line);
    }
    const mail = await readMail(
      crlf([
        "From: a@example.org",
        "Message-ID: <u@example.org>",
        "Subject: uu",
        "",
        "See the file.",
        "",
        "begin 644 notes.bin",
        ...lines,
        "`",
        "end",
        "",
        "Thanks",
      ]),
    );
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ filename: "notes.bin", size: content.length, contentType: "application/octet-stream" });
    expect(mail.attachments[0]?.content.equals(content)).toBe(true);
    expect(mail.text).toBe("See the file.\n\nThanks");
  });

  it("reads a message without From or Message-ID, naming what is missing", async () => {
    const mail = await readMail(crlf(["Subject: anonymous", "", "hello"]));
    expect(mail.raw).toBe(false);
    expect(mail.errors.map((error) => error.code)).toEqual(["no_from", "no_message_id"]);
    expect(mail.text).toBe("hello");
  });

  it("keeps a message over the size limit raw, unparsed, saying so", async () => {
    const mail = await readMail(crlf(["From: a@example.org", "Subject: big", "", "x".repeat(2_000)]), { maxBytes: 1_000 });
    expect(mail.raw).toBe(true);
    expect(mail.errors).toEqual([{ code: "too_large", detail: expect.stringContaining("over the limit of 1000") }]);
  });

  it("survives bytes that are no e-mail at all, and a header line of a megabyte", async () => {
    const noise = await readMail(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    expect(noise.errors.map((error) => error.code)).toContain("no_from");
    const long = await readMail(crlf(["From: a@example.org", `Subject: ${"é".repeat(500_000)}`, "Message-ID: <l@example.org>", "", "body"]));
    expect(long.from?.address).toBe("a@example.org");
  });

  it("says mail from the workspace's own address is a loop", async () => {
    const mail = await readMail(crlf(["From: Support <support@palier.example>", "Message-ID: <o@palier.example>", "Subject: Re: [#1042]", "", "Bonjour"]), {
      ownAddresses: ["support@palier.example"],
    });
    expect(mail.automated?.kind).toBe("loop");
  });
});
