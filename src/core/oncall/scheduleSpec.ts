// An on-call schedule as written (JSON), its validation with a path and a code per problem, and
// the compiled form the computation runs on (docs/oncall.md).

import { translate } from "../i18n/translate.js";
import type { MessageKey } from "../i18n/catalogue.js";
import { InvalidInstantError, parseInstant } from "../time/iso.js";
import { TimeZone, UnknownTimeZoneError } from "../time/zone.js";
import { WEEKDAYS, type OnCallScheduleSpec, type Weekday } from "./schedule.js";

/** What is wrong with one part of a schedule; its sentence is `oncall.problem.<code>` in the catalogue. */
export type ScheduleProblemCode =
  | "wrong_type"
  | "required"
  | "unknown_field"
  | "unknown_time_zone"
  | "no_participants"
  | "empty_name"
  | "not_an_instant"
  | "length_one_unit"
  | "not_positive_integer"
  | "no_days"
  | "not_weekday"
  | "repeated_day"
  | "not_a_time"
  | "starts_at_midnight_end"
  | "empty_window"
  | "override_not_after"
  | "too_many"
  | "unknown_agent";

/** One problem: where (`layers[0].rotation.length`), what (a code and its values), and the English sentence. */
export interface ScheduleProblem {
  path: string;
  code: ScheduleProblemCode;
  params: Record<string, string | number>;
  message: string;
}

/** A schedule that cannot be used as given; `problems` names every problem found, in order. */
export class InvalidScheduleError extends Error {
  constructor(readonly problems: readonly ScheduleProblem[]) {
    super(problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join("; "));
    this.name = "InvalidScheduleError";
  }
}

/** The bounds a schedule keeps to, so that one computation stays small. */
export const SCHEDULE_LIMITS = { layers: 50, participants: 500, restrictions: 50, overrides: 1000, hours: 8784, days: 366, weeks: 52 } as const;

/** Local minutes after midnight of a restriction's window, 0 = Sunday in `days`. */
export interface CompiledRestriction {
  days: ReadonlySet<number>;
  from: number;
  /** After `from` on the same day, or (when ≤ `from`) on the next day. */
  to: number;
}

/** How a rotation's hand-offs fall: every `ms` real milliseconds, or every `days` local days at the start's wall time. */
export type CompiledCadence = { kind: "real"; ms: number } | { kind: "local"; days: number; wallTime: number };

export interface CompiledLayer {
  participants: readonly string[];
  start: number;
  cadence: CompiledCadence;
  /** Undefined: always active. */
  restrictions: readonly CompiledRestriction[] | undefined;
}

export interface CompiledOverride {
  start: number;
  end: number;
  who: string;
}

/** A validated schedule, ready for `onCallAt` and `shiftsBetween`. */
export interface CompiledSchedule {
  zone: TimeZone;
  layers: readonly CompiledLayer[];
  overrides: readonly CompiledOverride[];
}

const WEEKDAY_INDEX: Record<Weekday, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const TIME = /^(\d{2}):(\d{2})$/;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Collects problems as the compilers find them; `count` lets a part know whether it added any. */
interface Fail {
  (path: string, code: ScheduleProblemCode, params?: Record<string, string | number>): void;
  count(): number;
}

/** Validates a schedule written as JSON and compiles it; throws {@link InvalidScheduleError} naming every problem. */
export function compileSchedule(input: unknown): CompiledSchedule {
  const problems: ScheduleProblem[] = [];
  const fail = Object.assign(
    (path: string, code: ScheduleProblemCode, params: Record<string, string | number> = {}) => void problems.push(problem(path, code, params)),
    {
      count: () => problems.length,
    },
  );

  if (!isRecord(input)) throw new InvalidScheduleError([problem("", "wrong_type", { type: "object" })]);
  onlyFields(input, "", ["timezone", "layers", "overrides"], fail);

  let zone: TimeZone | undefined;
  if (input.timezone === undefined) fail("timezone", "required");
  else if (typeof input.timezone !== "string") fail("timezone", "wrong_type", { type: "string" });
  else {
    try {
      zone = TimeZone.of(input.timezone);
    } catch (error) {
      if (!(error instanceof UnknownTimeZoneError)) throw error;
      fail("timezone", "unknown_time_zone", { value: JSON.stringify(input.timezone) });
    }
  }

  const layers: CompiledLayer[] = [];
  if (input.layers === undefined) fail("layers", "required");
  else if (!Array.isArray(input.layers)) fail("layers", "wrong_type", { type: "array" });
  else if (input.layers.length > SCHEDULE_LIMITS.layers) fail("layers", "too_many", { limit: SCHEDULE_LIMITS.layers });
  else input.layers.forEach((layer: unknown, i: number) => compileLayer(layer, `layers[${i}]`, fail, zone, layers));

  const overrides: CompiledOverride[] = [];
  if (input.overrides !== undefined) {
    if (!Array.isArray(input.overrides)) fail("overrides", "wrong_type", { type: "array" });
    else if (input.overrides.length > SCHEDULE_LIMITS.overrides) fail("overrides", "too_many", { limit: SCHEDULE_LIMITS.overrides });
    else input.overrides.forEach((override: unknown, i: number) => compileOverride(override, `overrides[${i}]`, fail, overrides));
  }

  if (problems.length > 0 || !zone) throw new InvalidScheduleError(problems);
  return { zone, layers, overrides };
}

/**
 * The participants and override people of a valid schedule that are not in `known` (the
 * workspace's agent ids), one problem each, at their paths.
 */
export function unknownPeople(spec: OnCallScheduleSpec, known: ReadonlySet<string>): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  spec.layers.forEach((layer, i) =>
    layer.rotation.participants.forEach((who, j) => {
      if (!known.has(who)) problems.push(problem(`layers[${i}].rotation.participants[${j}]`, "unknown_agent", { value: who }));
    }),
  );
  (spec.overrides ?? []).forEach((override, i) => {
    if (!known.has(override.who)) problems.push(problem(`overrides[${i}].who`, "unknown_agent", { value: override.who }));
  });
  return problems;
}

/** Everyone a schedule names: its participants and the people of its overrides, once each. */
export function peopleOf(spec: OnCallScheduleSpec): string[] {
  return [...new Set([...spec.layers.flatMap((layer) => layer.rotation.participants), ...(spec.overrides ?? []).map((o) => o.who)])];
}

function compileLayer(input: unknown, path: string, fail: Fail, zone: TimeZone | undefined, out: CompiledLayer[]): void {
  if (!isRecord(input)) return fail(path, "wrong_type", { type: "object" });
  const before = fail.count();
  onlyFields(input, path, ["name", "rotation", "restrictions"], fail);
  if (input.name !== undefined && typeof input.name !== "string") fail(`${path}.name`, "wrong_type", { type: "string" });

  const rotation = input.rotation;
  let participants: string[] = [];
  let start: number | undefined;
  let cadence: CompiledCadence | undefined;
  const at = `${path}.rotation`;
  if (rotation === undefined) fail(at, "required");
  else if (!isRecord(rotation)) fail(at, "wrong_type", { type: "object" });
  else {
    onlyFields(rotation, at, ["participants", "start", "length"], fail);
    participants = compileParticipants(rotation.participants, `${at}.participants`, fail);
    start = compileInstant(rotation.start, `${at}.start`, fail);
    cadence = compileLength(rotation.length, `${at}.length`, fail, zone, start);
  }

  let restrictions: CompiledRestriction[] | undefined;
  if (input.restrictions !== undefined) {
    if (!Array.isArray(input.restrictions)) fail(`${path}.restrictions`, "wrong_type", { type: "array" });
    else if (input.restrictions.length > SCHEDULE_LIMITS.restrictions) fail(`${path}.restrictions`, "too_many", { limit: SCHEDULE_LIMITS.restrictions });
    else restrictions = input.restrictions.flatMap((r: unknown, i: number) => compileRestriction(r, `${path}.restrictions[${i}]`, fail) ?? []);
  }
  if (fail.count() === before && start !== undefined && cadence) out.push({ participants, start, cadence, restrictions });
}

function compileParticipants(input: unknown, path: string, fail: Fail): string[] {
  if (input === undefined) {
    fail(path, "required");
    return [];
  }
  if (!Array.isArray(input)) {
    fail(path, "wrong_type", { type: "array" });
    return [];
  }
  if (input.length === 0) fail(path, "no_participants");
  if (input.length > SCHEDULE_LIMITS.participants) fail(path, "too_many", { limit: SCHEDULE_LIMITS.participants });
  input.forEach((who: unknown, i: number) => {
    if (typeof who !== "string") fail(`${path}[${i}]`, "wrong_type", { type: "string" });
    else if (who.trim() === "") fail(`${path}[${i}]`, "empty_name");
  });
  return input as string[];
}

function compileInstant(input: unknown, path: string, fail: Fail): number | undefined {
  if (input === undefined) return void fail(path, "required");
  if (typeof input !== "string") return void fail(path, "wrong_type", { type: "string" });
  try {
    return parseInstant(input);
  } catch (error) {
    if (!(error instanceof InvalidInstantError)) throw error;
    fail(path, "not_an_instant", { value: JSON.stringify(input) });
    return undefined;
  }
}

function compileLength(input: unknown, path: string, fail: Fail, zone: TimeZone | undefined, start: number | undefined): CompiledCadence | undefined {
  if (input === undefined) return void fail(path, "required");
  if (!isRecord(input)) return void fail(path, "wrong_type", { type: "object" });
  const keys = Object.keys(input);
  if (keys.length !== 1 || !["hours", "days", "weeks"].includes(keys[0]!)) return void fail(path, "length_one_unit");
  const unit = keys[0] as "hours" | "days" | "weeks";
  const count = input[unit];
  const max = SCHEDULE_LIMITS[unit];
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1 || count > max) return void fail(`${path}.${unit}`, "not_positive_integer", { max });
  if (unit === "hours") return { kind: "real", ms: count * HOUR_MS };
  if (!zone || start === undefined) return undefined;
  const local = start + zone.offsetAt(start);
  const wallTime = local - Math.floor(local / DAY_MS) * DAY_MS;
  return { kind: "local", days: unit === "days" ? count : count * 7, wallTime };
}

function compileRestriction(input: unknown, path: string, fail: Fail): CompiledRestriction | undefined {
  if (!isRecord(input)) return void fail(path, "wrong_type", { type: "object" });
  const before = fail.count();
  onlyFields(input, path, ["days", "from", "to"], fail);
  const days = new Set<number>();
  if (input.days === undefined) fail(`${path}.days`, "required");
  else if (!Array.isArray(input.days)) fail(`${path}.days`, "wrong_type", { type: "array" });
  else {
    if (input.days.length === 0) fail(`${path}.days`, "no_days");
    input.days.forEach((day: unknown, i: number) => {
      if (typeof day !== "string" || !(WEEKDAYS as readonly string[]).includes(day))
        return fail(`${path}.days[${i}]`, "not_weekday", { value: JSON.stringify(day) ?? "null" });
      const index = WEEKDAY_INDEX[day as Weekday];
      if (days.has(index)) fail(`${path}.days[${i}]`, "repeated_day", { value: day });
      days.add(index);
    });
  }
  const from = compileTime(input.from, `${path}.from`, fail, false);
  const to = compileTime(input.to, `${path}.to`, fail, true);
  if (from !== undefined && to !== undefined && from === to) {
    fail(path, "empty_window", { from: input.from as string, to: input.to as string });
  }
  if (fail.count() !== before || from === undefined || to === undefined) return undefined;
  return { days, from, to };
}

function compileTime(input: unknown, path: string, fail: Fail, mayBeMidnightEnd: boolean): number | undefined {
  if (input === undefined) return void fail(path, "required");
  const match = typeof input === "string" ? TIME.exec(input) : null;
  if (!match) return void fail(path, "not_a_time", { value: JSON.stringify(input) ?? "null" });
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (minutes === 1440) {
    if (!mayBeMidnightEnd) return void fail(path, "starts_at_midnight_end");
    return minutes;
  }
  if (Number(match[1]) > 23 || Number(match[2]) > 59) return void fail(path, "not_a_time", { value: JSON.stringify(input) });
  return minutes;
}

function compileOverride(input: unknown, path: string, fail: Fail, out: CompiledOverride[]): void {
  if (!isRecord(input)) return fail(path, "wrong_type", { type: "object" });
  const before = fail.count();
  onlyFields(input, path, ["start", "end", "who"], fail);
  const start = compileInstant(input.start, `${path}.start`, fail);
  const end = compileInstant(input.end, `${path}.end`, fail);
  if (start !== undefined && end !== undefined && end <= start) fail(`${path}.end`, "override_not_after");
  if (input.who === undefined) fail(`${path}.who`, "required");
  else if (typeof input.who !== "string") fail(`${path}.who`, "wrong_type", { type: "string" });
  else if (input.who.trim() === "") fail(`${path}.who`, "empty_name");
  if (fail.count() === before && start !== undefined && end !== undefined) out.push({ start, end, who: input.who as string });
}

function onlyFields(input: Record<string, unknown>, path: string, known: readonly string[], fail: Fail): void {
  for (const key of Object.keys(input)) {
    if (!known.includes(key)) fail(path ? `${path}.${key}` : key, "unknown_field", { expected: known.join(", ") });
  }
}

function problem(path: string, code: ScheduleProblemCode, params: Record<string, string | number>): ScheduleProblem {
  return { path, code, params, message: translate("en", `oncall.problem.${code}` as MessageKey, params) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
