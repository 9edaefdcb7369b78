// `palier triage`: JSON Lines in, one JSON line out per message, in order. The contract lives
// here, apart from standard input and exit codes, so tests can run it in process.

import { isLocale, type Locale } from "../core/i18n/locale.js";
import { CHANNELS, type Channel } from "../core/ticket/ticket.js";
import { renderTriageReason, triage } from "../core/triage/index.js";

/** The longest line read, in bytes: longer ones are answered with an error and skipped. */
export const MAX_LINE_BYTES = 1024 * 1024;
/** The longest `text` or `subject`, in characters. */
export const MAX_TEXT_CHARS = 100_000;

const FIELDS = ["id", "text", "subject", "channel", "recentContacts"];

/** How the command answers: the reasons' language and the frustration threshold. */
export interface TriageCommandOptions {
  locale?: Locale;
  threshold?: number;
}

/** A line that cannot be triaged: its message says what and where. */
class LineError extends Error {}

/**
 * The answer to one line of input (without its newline), as one JSON line (without its newline),
 * and whether it is an error. `number` is the line's number, for error messages.
 */
export function triageLine(line: string, number: number, options: TriageCommandOptions = {}): { output: string; failed: boolean } {
  let id: string | number | undefined;
  try {
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch (error) {
      throw new LineError(`not valid JSON (${(error as Error).message})`);
    }
    if (typeof message !== "object" || message === null || Array.isArray(message)) {
      throw new LineError(`expected a JSON object such as {"id": "1", "text": "…"}`);
    }
    const record = message as Record<string, unknown>;
    if (typeof record.id === "string" || (typeof record.id === "number" && Number.isFinite(record.id))) id = record.id;
    for (const key of Object.keys(record)) {
      if (!FIELDS.includes(key)) throw new LineError(`${key}: unknown field (a message has ${FIELDS.join(", ")})`);
    }
    if (id === undefined) throw new LineError(`id: ${record.id === undefined ? "is required" : "expected a string or a number"}`);
    const text = boundedText(record.text, "text", true) as string;
    const subject = boundedText(record.subject, "subject", false);
    const channel = record.channel;
    if (channel !== undefined && !(CHANNELS as readonly unknown[]).includes(channel)) {
      throw new LineError(`channel: ${JSON.stringify(channel)} is not a channel (${CHANNELS.join(", ")})`);
    }
    const contacts = record.recentContacts;
    if (contacts !== undefined && !(typeof contacts === "number" && Number.isInteger(contacts) && contacts >= 0)) {
      throw new LineError(`recentContacts: expected a whole number ≥ 0, got ${JSON.stringify(contacts)}`);
    }
    const signals = triage({ text, subject, channel: channel as Channel | undefined, recentContacts: contacts }, { threshold: options.threshold });
    const reasons = signals.reasons.map((reason) => renderTriageReason(reason, options.locale ?? "en"));
    const output = { id, language: signals.language, frustration: signals.frustration, frustrated: signals.frustrated, alarms: signals.alarms, reasons };
    return { output: JSON.stringify(output), failed: false };
  } catch (error) {
    if (!(error instanceof LineError)) throw error;
    return { output: JSON.stringify({ ...(id === undefined ? {} : { id }), error: `line ${number}: ${error.message}` }), failed: true };
  }
}

function boundedText(value: unknown, field: string, required: boolean): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== "string") throw new LineError(`${field}: ${value === undefined ? "is required" : "expected a string"}`);
  if (value.length > MAX_TEXT_CHARS) throw new LineError(`${field}: ${value.length} characters, more than the ${MAX_TEXT_CHARS} a message may have`);
  return value;
}

/**
 * Triages every line of `input` and writes each answer with a newline, in order. Blank lines are
 * skipped; a line longer than {@link MAX_LINE_BYTES} is answered with an error without being
 * held in memory. Answers 0 when every line was triaged, 1 when any failed.
 */
export async function runTriage(input: AsyncIterable<Buffer | string>, write: (text: string) => void, options: TriageCommandOptions = {}): Promise<0 | 1> {
  let failed = false;
  let number = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overlong = false;

  const answer = (bytes: Buffer[]) => {
    number++;
    if (overlong) {
      failed = true;
      write(`${JSON.stringify({ error: `line ${number}: longer than ${MAX_LINE_BYTES} bytes, not read` })}\n`);
      return;
    }
    const line = Buffer.concat(bytes).toString("utf8").replace(/\r$/, "");
    if (line.trim() === "") return;
    const result = triageLine(line, number, options);
    failed ||= result.failed;
    write(`${result.output}\n`);
  };

  for await (const chunk of input) {
    let data = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    for (let newline = data.indexOf(10); newline >= 0; newline = data.indexOf(10)) {
      keep(data.subarray(0, newline));
      answer(pending);
      pending = [];
      pendingBytes = 0;
      overlong = false;
      data = data.subarray(newline + 1);
    }
    keep(data);
  }
  if (pendingBytes > 0 || overlong) answer(pending);
  return failed ? 1 : 0;

  function keep(part: Buffer): void {
    if (part.length === 0 || overlong) return;
    if (pendingBytes + part.length > MAX_LINE_BYTES) {
      overlong = true;
      pending = [];
      pendingBytes = 0;
      return;
    }
    pending.push(part);
    pendingBytes += part.length;
  }
}

/** The `palier triage` command: options checked, standard input triaged to standard output; the exit status. */
export async function triageCommand(options: { lang: string; threshold?: string }): Promise<number> {
  if (!isLocale(options.lang)) {
    process.stderr.write(`palier triage: --lang: ${JSON.stringify(options.lang)} is not a language of the reasons (en, fr, nl)\n`);
    return 2;
  }
  const threshold = options.threshold === undefined ? undefined : Number(options.threshold);
  if (threshold !== undefined && !(Number.isFinite(threshold) && threshold >= 0 && threshold <= 1 && options.threshold?.trim() !== "")) {
    process.stderr.write(`palier triage: --threshold: expected a score from 0 to 1, got ${JSON.stringify(options.threshold)}\n`);
    return 2;
  }
  if (process.stdin.isTTY) process.stderr.write("palier triage: reading JSON Lines from standard input (end with Ctrl-D)\n");
  return runTriage(process.stdin, (text) => process.stdout.write(text), { locale: options.lang, threshold });
}
