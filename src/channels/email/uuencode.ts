// Files uuencoded in a text body, as old clients (Lotus Notes, early Outlook) still send them:
// "begin 644 name" … "end". Each becomes an attachment and leaves the text.

import { createHash } from "node:crypto";

export interface UuFile {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  content: Buffer;
}

const BLOCK = /^begin [0-7]{3,4} ([^\r\n]+)\r?\n([\s\S]*?)^end[ \t]*$/gm;

/** One uuencoded line: its first character says how many bytes it carries. */
function decodeLine(line: string, out: number[]): boolean {
  if (line === "") return true;
  const count = (line.charCodeAt(0) - 32) & 63;
  if (count === 0) return true;
  const chars = line.slice(1);
  if (chars.length < Math.ceil(count / 3) * 4 - 1) return false;
  const value = (index: number) => ((chars.charCodeAt(index) || 32) - 32) & 63;
  let written = 0;
  for (let i = 0; written < count; i += 4) {
    const [a, b, c, d] = [value(i), value(i + 1), value(i + 2), value(i + 3)];
    const bytes = [(a << 2) | (b >> 4), ((b & 15) << 4) | (c >> 2), ((c & 3) << 6) | d];
    for (const byte of bytes) {
      if (written === count) break;
      out.push(byte & 255);
      written += 1;
    }
  }
  return true;
}

const TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  pdf: "application/pdf",
  txt: "text/plain",
  zip: "application/zip",
};

/** `text` without its uuencoded blocks, and the files they held; a block that does not decode stays in the text. */
export function extractUuencoded(text: string): { text: string; files: UuFile[] } {
  const files: UuFile[] = [];
  const rest = text.replace(BLOCK, (block: string, name: string, body: string) => {
    const bytes: number[] = [];
    for (const line of body.split(/\r?\n/)) {
      if (!decodeLine(line.replace(/\s+$/, ""), bytes)) return block;
    }
    const content = Buffer.from(bytes);
    const filename = name.trim();
    const extension = filename.split(".").pop()?.toLowerCase() ?? "";
    files.push({
      filename,
      contentType: TYPES[extension] ?? "application/octet-stream",
      size: content.length,
      sha256: createHash("sha256").update(content).digest("hex"),
      content,
    });
    return "";
  });
  return { text: files.length > 0 ? rest.replace(/\n{3,}/g, "\n\n") : text, files };
}
