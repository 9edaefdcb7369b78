// `palier calendar`: one JSON request in, one JSON answer out. The request/answer contract
// lives here, apart from stdin and exit codes, so tests can run it in process.

import {
  BusinessCalendar,
  formatInstant,
  InvalidCalendarError,
  InvalidInstantError,
  NoOpenTimeError,
  parseInstant,
  type Pause,
} from "../core/calendar/index.js";

/** One entry of the answer, in the order of the request's ops. */
export type OpResult = { at: string } | { seconds: number } | { open: boolean } | { error: string };

/** What the command prints and returns: `code` 0 all answered, 1 some op failed, 2 bad request. */
export interface CalendarOutcome {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

const OPS = ["add", "subtract", "elapsed", "is_open", "next_open", "prev_close"] as const;
type OpName = (typeof OPS)[number];
const FIELDS: Record<OpName, readonly string[]> = {
  add: ["start", "seconds", "pauses"],
  subtract: ["start", "seconds", "pauses"],
  elapsed: ["start", "end", "pauses"],
  is_open: ["at"],
  next_open: ["at"],
  prev_close: ["at"],
};
const REQUIRED: Record<OpName, readonly string[]> = {
  add: ["start", "seconds"],
  subtract: ["start", "seconds"],
  elapsed: ["start", "end"],
  is_open: ["at"],
  next_open: ["at"],
  prev_close: ["at"],
};

/** A problem with one op, reported in its result; `path` is the field inside the op. */
class OpError extends Error {}

/** Runs a whole request given as text. */
export function runCalendarRequest(text: string): CalendarOutcome {
  const refuse = (message: string): CalendarOutcome => ({ code: 2, stdout: "", stderr: `palier calendar: ${message}\n` });
  let request: unknown;
  try {
    request = JSON.parse(text);
  } catch (error) {
    return refuse(`the request is not valid JSON: ${(error as Error).message}`);
  }
  if (!isRecord(request)) return refuse(`the request must be a JSON object {"calendar": {…}, "ops": […]}`);
  const unknown = Object.keys(request).filter((key) => key !== "calendar" && key !== "ops");
  if (unknown.length > 0) return refuse(`${unknown[0]}: unknown field (a request has calendar and ops)`);
  if (request.calendar === undefined) return refuse(`calendar: is required`);
  if (!Array.isArray(request.ops)) return refuse(`ops: ${request.ops === undefined ? "is required" : "expected a list of operations"}`);

  let calendar: BusinessCalendar;
  try {
    // The command answers whatever span it is asked about (years 1000 to 9999): it is run by
    // whoever runs it, not by any caller of a server, so its work needs no horizon.
    calendar = BusinessCalendar.fromSpec(request.calendar, { horizonMs: Infinity });
  } catch (error) {
    if (!(error instanceof InvalidCalendarError)) throw error;
    const lines = error.issues.map((issue) => `  ${issue.path ? `calendar.${issue.path}` : "calendar"}: ${issue.message}`);
    return refuse(`invalid calendar:\n${lines.join("\n")}`);
  }

  const results = request.ops.map((op: unknown) => runOp(calendar, op));
  const failed = results.some((result) => "error" in result);
  return { code: failed ? 1 : 0, stdout: `${JSON.stringify({ results })}\n`, stderr: "" };
}

function runOp(calendar: BusinessCalendar, op: unknown): OpResult {
  try {
    if (!isRecord(op)) throw new OpError(`expected an operation such as {"op": "add", "start": "…", "seconds": 3600}`);
    const name = op.op;
    if (typeof name !== "string" || !(OPS as readonly string[]).includes(name)) {
      throw new OpError(`op: ${name === undefined ? "is required" : `${JSON.stringify(name)} is not an operation`} (${OPS.join(", ")})`);
    }
    const kind = name as OpName;
    for (const key of Object.keys(op)) {
      if (key !== "op" && !FIELDS[kind].includes(key)) throw new OpError(`${key}: unknown field for ${kind} (${FIELDS[kind].join(", ")})`);
    }
    for (const key of REQUIRED[kind]) {
      if (op[key] === undefined) throw new OpError(`${key}: is required for ${kind}`);
    }
    const at = (field: string) => instant(op[field], field);
    const format = (value: number) => ({ at: formatInstant(value, calendar.zone) });
    switch (kind) {
      case "add":
        return format(calendar.add(at("start"), seconds(op.seconds), pauses(op.pauses)));
      case "subtract":
        return format(calendar.subtract(at("start"), seconds(op.seconds), pauses(op.pauses)));
      case "elapsed":
        return { seconds: calendar.elapsed(at("start"), at("end"), pauses(op.pauses)) };
      case "is_open":
        return { open: calendar.isOpen(at("at")) };
      case "next_open":
        return format(calendar.nextOpen(at("at")));
      case "prev_close":
        return format(calendar.prevClose(at("at")));
    }
  } catch (error) {
    if (error instanceof OpError || error instanceof NoOpenTimeError || error instanceof RangeError) {
      return { error: error.message };
    }
    throw error;
  }
}

function instant(value: unknown, path: string): number {
  if (typeof value !== "string") throw new OpError(`${path}: expected an ISO 8601 instant string, got ${JSON.stringify(value) ?? "nothing"}`);
  try {
    return parseInstant(value);
  } catch (error) {
    if (error instanceof InvalidInstantError) throw new OpError(`${path}: ${error.message}`);
    throw error;
  }
}

function seconds(value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new OpError(`seconds: expected a number of seconds ≥ 0, got ${JSON.stringify(value)}`);
  }
  return value;
}

function pauses(value: unknown): Pause[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new OpError(`pauses: expected a list of [start, end] pairs`);
  return value.map((pause: unknown, i: number): Pause => {
    if (!Array.isArray(pause) || pause.length !== 2) throw new OpError(`pauses[${i}]: expected a [start, end] pair of instants`);
    const start = instant(pause[0], `pauses[${i}][0]`);
    const end = instant(pause[1], `pauses[${i}][1]`);
    if (end < start) throw new OpError(`pauses[${i}]: ends before it starts`);
    return [start, end];
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
