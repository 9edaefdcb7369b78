// `palier oncall`: one JSON request in (a schedule and queries), one JSON answer out. The contract
// lives here, apart from stdin and exit codes, so tests can run it in process (docs/oncall.md).

import { compileSchedule, InvalidScheduleError, onCallAt, ScheduleSpanError, shiftsBetween, type CompiledSchedule } from "../core/oncall/index.js";
import { formatInstant, InvalidInstantError, parseInstant } from "../core/time/iso.js";

/** One entry of the answer, in the order of the request's queries. */
export type QueryResult = { on_call: string[] } | { shifts: { start: string; end: string; who: string[] }[] } | { error: string };

/** What the command prints and returns: `code` 0 all answered, 1 some query failed, 2 bad request or schedule. */
export interface OncallOutcome {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/** A problem with one query, reported in its result. */
class QueryError extends Error {}

/** Runs a whole request given as text. */
export function runOncallRequest(text: string): OncallOutcome {
  const refuse = (message: string): OncallOutcome => ({ code: 2, stdout: "", stderr: `palier oncall: ${message}\n` });
  let request: unknown;
  try {
    request = JSON.parse(text);
  } catch (error) {
    return refuse(`the request is not valid JSON: ${(error as Error).message}`);
  }
  if (!isRecord(request)) return refuse(`the request must be a JSON object {"schedule": {…}, "queries": […]}`);
  const unknown = Object.keys(request).filter((key) => key !== "schedule" && key !== "queries");
  if (unknown.length > 0) return refuse(`${unknown[0]}: unknown field (a request has schedule and queries)`);
  if (request.schedule === undefined) return refuse(`schedule: is required`);
  if (!Array.isArray(request.queries)) return refuse(`queries: ${request.queries === undefined ? "is required" : "expected a list of queries"}`);

  let schedule: CompiledSchedule;
  try {
    schedule = compileSchedule(request.schedule);
  } catch (error) {
    if (!(error instanceof InvalidScheduleError)) throw error;
    const lines = error.problems.map((p) => `  ${p.path ? `schedule.${p.path}` : "schedule"}: ${p.message}`);
    return refuse(`invalid schedule:\n${lines.join("\n")}`);
  }

  const results = request.queries.map((query: unknown) => runQuery(schedule, query));
  const failed = results.some((result) => "error" in result);
  return { code: failed ? 1 : 0, stdout: `${JSON.stringify({ results })}\n`, stderr: "" };
}

function runQuery(schedule: CompiledSchedule, query: unknown): QueryResult {
  try {
    if (!isRecord(query)) throw new QueryError(`expected a query such as {"at": "…"} or {"from": "…", "to": "…"}`);
    const keys = Object.keys(query);
    for (const key of keys) {
      if (!["at", "from", "to"].includes(key)) throw new QueryError(`${key}: unknown field (a query has at, or from and to)`);
    }
    if (query.at !== undefined) {
      if (keys.length > 1) throw new QueryError(`at: asks who is on call at one instant; from and to ask for the shifts over a span, not both`);
      return { on_call: onCallAt(schedule, instant(query.at, "at")) };
    }
    if (query.from === undefined || query.to === undefined)
      throw new QueryError(`${query.from === undefined ? "from" : "to"}: is required (a query has at, or from and to)`);
    const shifts = shiftsBetween(schedule, instant(query.from, "from"), instant(query.to, "to"));
    return { shifts: shifts.map((s) => ({ start: formatInstant(s.start, schedule.zone), end: formatInstant(s.end, schedule.zone), who: s.who })) };
  } catch (error) {
    if (error instanceof QueryError || error instanceof ScheduleSpanError) return { error: error.message };
    throw error;
  }
}

function instant(value: unknown, path: string): number {
  if (typeof value !== "string") throw new QueryError(`${path}: expected an ISO 8601 instant string, got ${JSON.stringify(value) ?? "nothing"}`);
  try {
    return parseInstant(value);
  } catch (error) {
    if (error instanceof InvalidInstantError) throw new QueryError(`${path}: ${error.message}`);
    throw error;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
