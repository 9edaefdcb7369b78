import { describe, expect, it } from "vitest";
import { readMail } from "./readMail.js";
import { isTnef, readTnef, TnefError } from "./tnef.js";

// A TNEF stream written the way Outlook writes one ([MS-OXTNEF] §2.1.3): signature, key, then
// attributes (level, id | type << 16, length, data, checksum of the data's bytes).
function attribute(level: number, id: number, type: number, data: Buffer): Buffer {
  const head = Buffer.alloc(9);
  head.writeUInt8(level, 0);
  head.writeUInt32LE(((type << 16) | id) >>> 0, 1);
  head.writeUInt32LE(data.length, 5);
  const checksum = Buffer.alloc(2);
  checksum.writeUInt16LE(
    data.reduce((sum, byte) => (sum + byte) % 65536, 0),
    0,
  );
  return Buffer.concat([head, data, checksum]);
}
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n, 0);
  return b;
};
const padded = (data: Buffer) => Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
/** One MAPI property of a variable-size type: tag, value count (1), size, data padded to 4. */
const variableProperty = (type: number, id: number, data: Buffer) =>
  Buffer.concat([Buffer.from([type & 0xff, type >> 8, id & 0xff, id >> 8]), u32(1), u32(data.length), padded(data)]);
const unicode = (text: string) => Buffer.from(`${text}\0`, "utf16le");
const ansi = (text: string) => Buffer.concat([Buffer.from(text, "latin1"), Buffer.from([0])]);

function stream(files: { title: string; longName?: string; mime?: string; data: Buffer }[], body?: string): Buffer {
  const parts: Buffer[] = [u32(0x223e9f78), Buffer.from([0x01, 0x00])];
  parts.push(attribute(1, 0x9006, 0x0009, u32(0x00010000))); // attTnefVersion
  parts.push(attribute(1, 0x9007, 0x0009, Buffer.concat([u32(1252), u32(0)]))); // attOemCodepage
  if (body !== undefined) parts.push(attribute(1, 0x800c, 0x0002, Buffer.from(body, "latin1"))); // attBody
  for (const file of files) {
    parts.push(attribute(2, 0x9002, 0x0006, Buffer.alloc(14))); // attAttachRendData
    parts.push(attribute(2, 0x8010, 0x0001, ansi(file.title))); // attAttachTitle
    parts.push(attribute(2, 0x800f, 0x0006, file.data)); // attAttachData
    const props: Buffer[] = [variableProperty(0x001f, 0x3707, unicode(file.longName ?? file.title))];
    if (file.mime) props.push(variableProperty(0x001e, 0x370e, ansi(file.mime)));
    props.push(Buffer.concat([Buffer.from([0x03, 0x00, 0x05, 0x37]), u32(1)])); // PR_ATTACH_METHOD, a PT_LONG
    parts.push(attribute(2, 0x9005, 0x0006, Buffer.concat([u32(props.length), ...props]))); // attAttachment
  }
  return Buffer.concat(parts);
}

describe("TNEF (winmail.dat)", () => {
  const pdf = Buffer.from("%PDF-1.4 facture 2026-117\n%%EOF\n");
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

  it("reads each wrapped file with its long name, type and bytes, and the text body", () => {
    const tnef = readTnef(
      stream(
        [
          { title: "FACTUR~1.PDF", longName: "facture août 2026.pdf", mime: "application/pdf", data: pdf },
          { title: "écran.png", data: png },
        ],
        "Bonjour, voir la pièce jointe.",
      ),
    );
    expect(tnef.text).toBe("Bonjour, voir la pièce jointe.");
    expect(tnef.files).toEqual([
      { filename: "facture août 2026.pdf", contentType: "application/pdf", content: pdf },
      { filename: "écran.png", contentType: null, content: png },
    ]);
  });

  it("refuses what is not TNEF or stops early, naming where", () => {
    expect(isTnef(Buffer.from("PK\x03\x04"))).toBe(false);
    expect(() => readTnef(Buffer.from("not tnef at all"))).toThrow(TnefError);
    const cut = stream([{ title: "a.pdf", data: pdf }]);
    expect(() => readTnef(cut.subarray(0, cut.length - 20))).toThrow(/runs past the end|end early|cut/);
  });

  it("puts a winmail.dat's files on the message in its place", async () => {
    const winmail = stream([{ title: "FACTUR~1.PDF", longName: "facture.pdf", mime: "application/pdf", data: pdf }]).toString("base64");
    const raw = [
      "From: Outlook <jan@example.be>",
      "To: support@example.com",
      "Subject: factuur",
      "Message-ID: <tnef@example.be>",
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Zie bijlage.",
      "--b",
      'Content-Type: application/ms-tnef; name="winmail.dat"',
      "Content-Transfer-Encoding: base64",
      'Content-Disposition: attachment; filename="winmail.dat"',
      "",
      winmail,
      "--b--",
      "",
    ].join("\r\n");
    const mail = await readMail(Buffer.from(raw));
    expect(mail.text).toBe("Zie bijlage.");
    expect(mail.attachments.map(({ filename, contentType, size }) => ({ filename, contentType, size }))).toEqual([
      { filename: "facture.pdf", contentType: "application/pdf", size: pdf.length },
    ]);
    expect(mail.attachments[0]?.content.equals(pdf)).toBe(true);
    expect(mail.errors).toEqual([]);
  });

  it("keeps a broken winmail.dat as the file it is, with the problem named", async () => {
    const broken = stream([{ title: "a.pdf", data: pdf }]);
    const raw = [
      "From: jan@example.be",
      "Subject: x",
      "Message-ID: <tnef2@example.be>",
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain",
      "",
      "zie bijlage",
      "--b",
      "Content-Type: application/ms-tnef",
      "Content-Transfer-Encoding: base64",
      'Content-Disposition: attachment; filename="winmail.dat"',
      "",
      broken.subarray(0, broken.length - 30).toString("base64"),
      "--b--",
      "",
    ].join("\r\n");
    const mail = await readMail(Buffer.from(raw));
    expect(mail.attachments.map((file) => file.filename)).toEqual(["winmail.dat"]);
    expect(mail.errors.map((problem) => problem.code)).toEqual(["tnef_unreadable"]);
  });
});
