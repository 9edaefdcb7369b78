// `palier mail inspect FILE…`: what Palier makes of each message, one JSON line per message in
// order, through the same reader as the intake (src/channels/email/readMail.ts). For admins
// asking why a mail did not become a ticket, and as a contract for checks.

import { readFile, stat } from "node:fs/promises";
import { readMail, type InboundMail, type ReadMailOptions } from "../channels/email/readMail.js";

/** The JSON line of one message (without its newline). */
export function inspectionOf(file: string, mail: InboundMail): string {
  return JSON.stringify({
    file,
    messageId: mail.messageId,
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    date: mail.date?.toISOString() ?? null,
    text: mail.text,
    attachments: mail.attachments.map(({ filename, contentType, size, inline, contentId }) => ({ filename, contentType, size, inline, contentId })),
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    automated: mail.automated,
    bounce: mail.bounce,
    language: mail.language,
    errors: mail.errors,
  });
}

async function readAll(input: AsyncIterable<Buffer | string>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

export interface InspectIo {
  stdin: AsyncIterable<Buffer | string>;
  write(text: string): void;
  error(text: string): void;
}

/**
 * Inspects `files` (`-` for standard input) and answers the exit status: 0 every message
 * parsed, 1 some could only be kept raw, 2 bad arguments (none given, one unreadable, `-` twice);
 * on 2 nothing is written to standard output.
 */
export async function runMailInspect(files: string[], io: InspectIo, options: { maxBytes?: string } = {}): Promise<0 | 1 | 2> {
  const maxBytes = options.maxBytes === undefined ? undefined : Number(options.maxBytes);
  if (maxBytes !== undefined && !(Number.isSafeInteger(maxBytes) && maxBytes > 0 && /^\d+$/.test(options.maxBytes ?? ""))) {
    io.error(`palier mail inspect: --max-bytes: expected a whole number of bytes above 0, got ${JSON.stringify(options.maxBytes)}\n`);
    return 2;
  }
  const readOptions: ReadMailOptions = maxBytes === undefined ? {} : { maxBytes };
  if (files.length === 0) {
    io.error("palier mail inspect: name at least one file (- for standard input)\n");
    return 2;
  }
  if (files.filter((file) => file === "-").length > 1) {
    io.error("palier mail inspect: - (standard input) may be named once\n");
    return 2;
  }
  for (const file of files) {
    if (file === "-") continue;
    const info = await stat(file).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error || !info.isFile()) {
      io.error(`palier mail inspect: ${file}: ${info instanceof Error ? (info.code === "ENOENT" ? "no such file" : info.message) : "not a file"}\n`);
      return 2;
    }
  }
  let raw = false;
  for (const file of files) {
    const bytes = file === "-" ? await readAll(io.stdin) : await readFile(file);
    const mail = await readMail(bytes, readOptions);
    raw ||= mail.raw;
    io.write(`${inspectionOf(file, mail)}\n`);
  }
  return raw ? 1 : 0;
}
