// A file attached to an article's language version: its name and type checked, its size within
// the limit, and the words search indexes from it (plain text, Markdown, HTML, and its name).
// Nothing here reads the clock or the database.

import { KbInvalid, type KbProblem } from "./article.js";
import { markdownText } from "./markdown.js";
import { messageBody } from "../message/messageBody.js";

/** The largest file an article may carry, and how many one language version may carry. */
export const KB_ATTACHMENT_LIMITS = { bytes: 10 * 1024 * 1024, perVersion: 20, name: 200 } as const;

/** At most this much of a file's text is indexed: enough for any help-centre document's words. */
const MAX_INDEXED_CHARS = 200_000;

/** A file as uploaded. */
export interface AttachmentInput {
  /** As the uploader named it; a path is cut to its last part. */
  filename: string;
  /** The type the uploader declared, if any. */
  contentType: string | undefined;
  size: number;
}

/** Types guessed from the name when the upload declares none (or only `application/octet-stream`). */
const BY_EXTENSION: Record<string, string> = {
  txt: "text/plain",
  md: "text/markdown",
  markdown: "text/markdown",
  html: "text/html",
  htm: "text/html",
  csv: "text/csv",
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  zip: "application/zip",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;

/** The file's name without any directory, control characters or surrounding spaces. */
export function attachmentName(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  return base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
}

/** The file's type: the declared one when it is a well-formed type, else guessed from its name, else bytes. */
export function attachmentType(filename: string, declared: string | undefined): string {
  const type = (declared ?? "").split(";")[0]!.trim().toLowerCase();
  if (MIME.test(type) && type !== "application/octet-stream") return type;
  const extension = filename.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  return (extension && BY_EXTENSION[extension]) ?? "application/octet-stream";
}

/**
 * Checks an upload, naming the file in every problem: a name, a size within
 * {@link KB_ATTACHMENT_LIMITS}, room left on the version (`existing` files already there).
 */
export function validateAttachment(input: AttachmentInput, existing: number): { filename: string; contentType: string } {
  const filename = attachmentName(input.filename);
  const problems: KbProblem[] = [];
  if (filename === "") problems.push({ path: "name", code: "required", message: "the file needs a name" });
  else if (filename.length > KB_ATTACHMENT_LIMITS.name)
    problems.push({ path: "name", code: "too_long", message: `at most ${KB_ATTACHMENT_LIMITS.name} characters`, params: { limit: KB_ATTACHMENT_LIMITS.name } });
  const name = filename || input.filename;
  if (input.size === 0) problems.push({ path: "file", code: "kb_attachment_empty", message: `the file ${name} is empty`, params: { name } });
  if (input.size > KB_ATTACHMENT_LIMITS.bytes) {
    const limit = `${KB_ATTACHMENT_LIMITS.bytes / (1024 * 1024)} MB`;
    problems.push({ path: "file", code: "kb_attachment_too_large", message: `the file ${name} is larger than ${limit}`, params: { name, limit } });
  }
  if (existing >= KB_ATTACHMENT_LIMITS.perVersion)
    problems.push({
      path: "file",
      code: "kb_attachment_too_many",
      message: `a language version holds at most ${KB_ATTACHMENT_LIMITS.perVersion} files`,
      params: { name, maximum: KB_ATTACHMENT_LIMITS.perVersion },
    });
  if (problems.length > 0) throw new KbInvalid(problems);
  return { filename, contentType: attachmentType(filename, input.contentType) };
}

/**
 * The words search finds a file by: its name (without the extension's dot joining words) and,
 * for plain text, Markdown and HTML, its text, cut to a bounded length. Other types (PDF,
 * images, office documents) give their name only.
 */
export function attachmentText(filename: string, contentType: string, bytes: Uint8Array): string {
  const name = filename.replace(/[._-]+/g, " ");
  let text = "";
  if (contentType === "text/plain" || contentType === "text/csv") text = decode(bytes);
  else if (contentType === "text/markdown") text = markdownText(decode(bytes));
  else if (contentType === "text/html") text = messageBody({ html: decode(bytes) }).text;
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ").slice(0, MAX_INDEXED_CHARS);
  return clean === "" ? name : `${name}\n${clean}`;
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
}
