// Old clients and some servers send 8-bit text without saying its charset: a Latin-1 subject in
// raw bytes, a text part with no `charset=`. Read as UTF-8, every accent becomes U+FFFD. When a
// header block or an undeclared text part is not valid UTF-8, its charset is guessed from its
// bytes (chardet), and Windows-1252 is taken when the guess is weak: a superset of Latin-1, and
// what such mail almost always is in French and Dutch. Raw 8-bit header bytes are converted to
// UTF-8 (what the parser reads headers in); undeclared text parts get a `charset=`. Text that is
// valid UTF-8 or 7-bit, and parts that declare a charset, are never touched.

import { isUtf8 } from "node:buffer";
import { TextDecoder } from "node:util";
import { analyse } from "chardet";

/** The charset undeclared 8-bit text is read in when its bytes say nothing clearer. */
export const FALLBACK_CHARSET = "windows-1252";

/** How sure chardet must be (0–100) before its guess beats the fallback. */
const CONFIDENT = 50;

/** The charset of bytes that are not UTF-8: chardet's confident guess that can decode them, else Windows-1252. */
export function guessCharset(bytes: Uint8Array): string {
  const [best] = analyse(bytes);
  if (best === undefined || best.confidence < CONFIDENT) return FALLBACK_CHARSET;
  // Latin-1 is read as its superset, which also has €, œ and curly quotes.
  const name = best.name === "ISO-8859-1" ? FALLBACK_CHARSET : best.name.toLowerCase();
  return decoderFor(name) === null ? FALLBACK_CHARSET : name;
}

function decoderFor(charset: string): TextDecoder | null {
  try {
    return new TextDecoder(charset);
  } catch {
    return null;
  }
}

/** The end of the header block starting at `from`: the first empty line. */
function headerEnd(text: string, from = 0): number {
  const match = /\r?\n\r?\n/.exec(text.slice(from));
  return match === null ? text.length : from + match.index;
}

/** `Content-Type: text/…` with its parameters and folded lines, captured so a charset can be added. */
const TEXT_CONTENT_TYPE = /^(content-type:[ \t]*text\/[\w.+-]+)((?:[ \t]*;[^\r\n]*)?(?:\r?\n[ \t]+[^\r\n]*)*)/gim;

export interface GuessedSource {
  source: Buffer;
  /** What was guessed, for the message's problems; null when nothing was. */
  guessed: string | null;
}

/** The message with its undeclared 8-bit text converted or marked with its guessed charset. */
export function guessCharsets(source: Buffer): GuessedSource {
  if (isUtf8(source)) return { source, guessed: null };
  // latin1 maps each byte to one character and back, so offsets are byte offsets and the bytes
  // survive the round trip.
  const text = source.toString("latin1");
  const notes: string[] = [];

  const end = headerEnd(text);
  let head = text.slice(0, end);
  const headBytes = source.subarray(0, end);
  if (!isUtf8(headBytes)) {
    // Guessed from the 8-bit header lines alone: their ASCII names would only blur the guess.
    const eightBit = head
      .split(/\r?\n/)
      .filter((line) => /[\x80-\xff]/.test(line))
      .map((line) => line.slice(line.indexOf(":") + 1));
    const charset = guessCharset(Buffer.from(eightBit.join("\n"), "latin1"));
    head = Buffer.from((decoderFor(charset) as TextDecoder).decode(headBytes), "utf8").toString("latin1");
    notes.push(`8-bit headers read as ${charset}`);
  }

  // An undeclared text part's body runs from its header block's end to the next boundary line.
  const mark = (block: string, bodyStart: number, toEnd = false): string =>
    block.replace(TEXT_CONTENT_TYPE, (whole, type: string, params: string) => {
      if (/charset[ \t]*=/i.test(params)) return whole;
      const bodyEnd = toEnd ? -1 : text.indexOf("\n--", bodyStart);
      const body = source.subarray(bodyStart, bodyEnd === -1 ? source.length : bodyEnd);
      if (isUtf8(body)) return whole;
      const charset = guessCharset(body);
      notes.push(`a text part without a charset read as ${charset}`);
      return `${type}${params}; charset=${charset}`;
    });

  head = mark(head, end, !/^content-type:[ \t]*multipart\//im.test(head));
  // No Content-Type at the top: text/plain, which RFC 2045 makes US-ASCII; 8-bit bytes say otherwise.
  if (!/^content-type:/im.test(head) && !isUtf8(source.subarray(end))) {
    const charset = guessCharset(source.subarray(end));
    head = `${head}\r\nContent-Type: text/plain; charset=${charset}`;
    notes.push(`a body without a charset read as ${charset}`);
  }
  // Each part's header block starts after a boundary line ("--…") and ends at an empty line.
  let rest = "";
  let at = end;
  for (const boundary of text.slice(end).matchAll(/\n--[^\r\n]*\r?\n/g)) {
    const start = end + (boundary.index ?? 0) + boundary[0].length;
    if (start < at) continue;
    const blockEnd = headerEnd(text, start);
    rest += text.slice(at, start) + mark(text.slice(start, blockEnd), blockEnd);
    at = blockEnd;
  }
  rest += text.slice(at);

  if (notes.length === 0) return { source, guessed: null };
  return { source: Buffer.from(head + rest, "latin1"), guessed: notes.join("; ") };
}
