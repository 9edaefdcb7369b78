// One e-mail as Palier reads it, from its raw bytes: sender, recipients, decoded subject, the
// body as the agent will read it (UTF-8, HTML sanitized), attachments, threading headers,
// whether a machine sent it and, for a bounce, what failed. The SMTP receiver, the IMAP
// fetcher and `palier mail inspect` all read mail through this one function (docs/email.md).
// Nothing here throws on bad mail: what could not be read is named in `errors`, and a message
// mailparser cannot parse at all comes back `raw` with its bytes kept.

import { createHash } from "node:crypto";
import { convert } from "html-to-text";
import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from "mailparser";
import { classifyAutomated } from "../../core/mail/automated.js";
import { readBounce } from "../../core/mail/bounce.js";
import type { InboundMail, MailAddress, MailAttachment, MailProblem } from "../../core/mail/inboundMail.js";
import { sanitize } from "../../core/message/messageBody.js";
import { detectLanguage } from "../../core/triage/language.js";
import { guessCharsets } from "./guessCharset.js";
import { isTnef, readTnef } from "./tnef.js";
import { extractUuencoded } from "./uuencode.js";

export type { InboundMail, MailAddress, MailAttachment, MailProblem } from "../../core/mail/inboundMail.js";

export interface ReadMailOptions {
  /** The addresses Palier sends from: mail from them is its own, come back (a loop). */
  ownAddresses?: readonly string[];
  /** Larger messages are not parsed: kept raw with a `too_large` problem. */
  maxBytes?: number;
}

/** 25 MiB, the default limit of a message read. */
export const DEFAULT_MAX_MAIL_BYTES = 25 * 1024 * 1024;

function addresses(field: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const out: MailAddress[] = [];
  const walk = (entries: AddressObject["value"]) => {
    for (const entry of entries) {
      if (entry.group) walk(entry.group);
      else if (entry.address) out.push({ address: entry.address.toLowerCase(), name: entry.name ?? "" });
    }
  };
  for (const object of objects) walk(object.value);
  return out;
}

/** "<a@b> <c@d>" or ["<a@b>", …] → ["<a@b>", "<c@d>"]. */
function messageIds(value: string | string[] | undefined): string[] {
  const text = Array.isArray(value) ? value.join(" ") : (value ?? "");
  return text.match(/<[^<>\s]+>/g) ?? [];
}

function headerMap(lines: ParsedMail["headerLines"]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { key, line } of lines) {
    const colon = line.indexOf(":");
    const value = (colon >= 0 ? line.slice(colon + 1) : "").replace(/\r?\n[ \t]+/g, " ").trim();
    const name = key.toLowerCase();
    map.set(name, [...(map.get(name) ?? []), value]);
  }
  return map;
}

/** An HTML body as the agent reads it in text: no wrapping, headings as written, images and link targets left out. */
function textOfHtml(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      ...["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, options: { uppercase: false } })),
      { selector: "img", format: "skip" },
      { selector: "a", options: { ignoreHref: true } },
    ],
  });
}

/** Alternative renditions that are not files: Apple Watch's text/watch-html. */
const RENDITIONS = new Set(["text/watch-html"]);

function attachmentOf(attachment: Attachment, index: number): MailAttachment & { tnef?: true } {
  const contentId = attachment.contentId ? attachment.contentId.replace(/^<|>$/g, "") : null;
  const inline = attachment.related === true || attachment.contentDisposition === "inline";
  return {
    filename: attachment.filename ?? `attachment-${index + 1}${attachment.contentType === "message/rfc822" ? ".eml" : ""}`,
    contentType: attachment.contentType.toLowerCase(),
    size: attachment.content.length,
    inline,
    contentId,
    sha256: createHash("sha256").update(attachment.content).digest("hex"),
    content: attachment.content,
    ...(isTnefPart(attachment) ? { tnef: true } : {}),
  };
}

/** Outlook's winmail.dat, by its type or name and its signature. */
function isTnefPart(attachment: Attachment): boolean {
  const named = /^application\/(vnd\.)?ms-tnef$/i.test(attachment.contentType) || /^winmail\.dat$/i.test(attachment.filename ?? "");
  return named && isTnef(attachment.content);
}

/** The files and text a winmail.dat wraps, in place of the opaque file; the file itself when it cannot be read. */
function unwrapTnef(attachments: (MailAttachment & { tnef?: true })[], errors: MailProblem[]): { attachments: MailAttachment[]; text: string | null } {
  let text: string | null = null;
  const out: MailAttachment[] = [];
  for (const { tnef: wrapped, ...attachment } of attachments) {
    if (wrapped !== true) {
      out.push(attachment);
      continue;
    }
    try {
      const tnef = readTnef(attachment.content);
      text ??= tnef.text;
      for (const file of tnef.files) {
        out.push({
          filename: file.filename,
          contentType: (file.contentType ?? "application/octet-stream").toLowerCase(),
          size: file.content.length,
          inline: false,
          contentId: null,
          sha256: createHash("sha256").update(file.content).digest("hex"),
          content: file.content,
        });
      }
    } catch (error) {
      errors.push({ code: "tnef_unreadable", detail: `${attachment.filename}: ${(error as Error).message}` });
      out.push(attachment);
    }
  }
  return { attachments: out, text };
}

/** The Message-ID in the returned copy or headers a bounce carries (message/rfc822, text/rfc822-headers). */
function returnedMessageId(parts: readonly Attachment[]): string | null {
  for (const part of parts) {
    if (!/^(message\/(global|rfc822)|text\/rfc822-headers)$/i.test(part.contentType)) continue;
    const head =
      part.content
        .subarray(0, 64 * 1024)
        .toString("utf8")
        .split(/\r?\n\r?\n/)[0] ?? "";
    const match = /^message-id:[ \t]*(?:\r?\n[ \t]+)?(<[^<>\s]+>)/im.exec(head);
    if (match) return match[1] as string;
  }
  return null;
}

/** A message that could not be read beyond its size. */
function rawMail(size: number, problem: MailProblem): InboundMail {
  return {
    messageId: null,
    from: null,
    to: [],
    cc: [],
    replyTo: [],
    subject: "",
    date: null,
    text: "",
    html: null,
    attachments: [],
    inReplyTo: null,
    references: [],
    headers: new Map(),
    automated: null,
    bounce: null,
    bouncedMessageId: null,
    language: "unknown",
    errors: [problem],
    raw: true,
    size,
  };
}

/** Reads one message. Never throws on the message's content. */
export async function readMail(source: Buffer, options: ReadMailOptions = {}): Promise<InboundMail> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_MAIL_BYTES;
  if (source.length > maxBytes) {
    return rawMail(source.length, { code: "too_large", detail: `${source.length} bytes, over the limit of ${maxBytes}` });
  }
  const guess = guessCharsets(source);
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(guess.source, {
      skipHtmlToText: true,
      skipImageLinks: true,
      skipTextLinks: true,
      keepDeliveryStatus: true,
      checksumAlgo: false,
    });
  } catch (error) {
    return rawMail(source.length, { code: "unparsable", detail: (error as Error).message });
  }
  const errors: MailProblem[] = guess.guessed === null ? [] : [{ code: "charset_guessed", detail: guess.guessed }];
  const headers = headerMap(parsed.headerLines);
  const from = addresses(parsed.from)[0] ?? null;
  if (from === null) errors.push({ code: "no_from", detail: headers.has("from") ? `from: ${headers.get("from")?.[0] ?? ""}` : "no From header" });
  const messageId = messageIds(parsed.messageId)[0] ?? null;
  if (messageId === null) errors.push({ code: "no_message_id", detail: "no Message-ID header" });
  let date = parsed.date ?? null;
  if (date !== null && Number.isNaN(date.getTime())) {
    errors.push({ code: "bad_date", detail: `date: ${headers.get("date")?.[0] ?? ""}` });
    date = null;
  }

  const statusParts = parsed.attachments.filter((attachment) => /^message\/(global-)?delivery-status$/i.test(attachment.contentType));
  const kept = parsed.attachments.filter((attachment) => !statusParts.includes(attachment) && !RENDITIONS.has(attachment.contentType.toLowerCase()));
  const deliveryStatus = statusParts.length > 0 ? statusParts.map((part) => part.content.toString("utf8")).join("\n") : null;

  const rawHtml = typeof parsed.html === "string" && parsed.html.trim() !== "" ? parsed.html : null;
  const html = rawHtml === null ? null : sanitize(rawHtml);
  const tnef = unwrapTnef(kept.map(attachmentOf), errors);
  const plain = parsed.text ?? "";
  const uu = extractUuencoded(plain.trim() === "" && rawHtml !== null ? textOfHtml(rawHtml) : plain.trim() === "" && tnef.text !== null ? tnef.text : plain);
  const text = uu.text.replace(/\s+$/, "");
  const attachments = [...tnef.attachments, ...uu.files.map((file) => ({ ...file, inline: false, contentId: null }))];
  const replaced = [...`${parsed.subject ?? ""}${text}`].filter((char) => char === "\uFFFD").length;
  if (replaced > 0) errors.push({ code: "undecodable_text", detail: `${replaced} characters could not be decoded (a missing or wrong charset)` });

  const subject = (parsed.subject ?? "").replace(/\s+/g, " ").trim();
  const automated = classifyAutomated({
    headers,
    from: from?.address ?? null,
    subject,
    text,
    hasDeliveryStatus: deliveryStatus !== null,
    ownAddresses: options.ownAddresses,
  });
  const bounce = automated?.kind === "bounce" ? readBounce({ deliveryStatus, failedRecipients: headers.get("x-failed-recipients")?.[0] ?? null, text }) : null;
  return {
    messageId,
    from,
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    replyTo: addresses(parsed.replyTo),
    subject,
    date,
    text,
    html,
    attachments,
    inReplyTo: messageIds(parsed.inReplyTo)[0] ?? null,
    references: messageIds(parsed.references),
    headers,
    automated,
    bounce,
    bouncedMessageId: bounce === null ? null : returnedMessageId(kept),
    language: detectLanguage(`${subject}\n${text}`.slice(0, 5_000)),
    errors,
    raw: false,
    size: source.length,
  };
}
