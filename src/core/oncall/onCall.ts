// Who is on call at an instant, and the final schedule over a span (docs/oncall.md): an override
// beats every layer, a later layer beats an earlier one, and a layer outside its restrictions has
// nobody. Days and weeks hand off at the start's local wall time; hours count real time.

import { MS_PER_DAY, MS_PER_MINUTE, weekday } from "../time/civil.js";
import { formatInstant } from "../time/iso.js";
import { TimeZone } from "../time/zone.js";
import type { OnCallScheduleSpec, Shift } from "./schedule.js";
import { compileSchedule, type CompiledLayer, type CompiledRestriction, type CompiledSchedule } from "./scheduleSpec.js";

/** The longest span `shiftsBetween` computes, so that one request stays small. */
export const MAX_SPAN_DAYS = 366;

/** A span that cannot be computed: longer than {@link MAX_SPAN_DAYS} or ending before it starts. */
export class ScheduleSpanError extends Error {
  constructor(
    readonly code: "span_too_long" | "span_reversed",
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = "ScheduleSpanError";
  }
}

/** A schedule as written (validated on the way, throwing `InvalidScheduleError`) or already compiled. */
export type ScheduleInput = OnCallScheduleSpec | CompiledSchedule;

function compiled(input: ScheduleInput): CompiledSchedule {
  return "zone" in input && input.zone instanceof TimeZone ? input : compileSchedule(input);
}

/** Who is on call at `t` (epoch ms): one person, or nobody (`[]`). */
export function onCallAt(input: ScheduleInput, t: number): string[] {
  const schedule = compiled(input);
  for (let i = schedule.overrides.length - 1; i >= 0; i--) {
    const override = schedule.overrides[i]!;
    if (override.start <= t && t < override.end) return [override.who];
  }
  for (let i = schedule.layers.length - 1; i >= 0; i--) {
    const who = layerAt(schedule.layers[i]!, schedule.zone, t);
    if (who !== undefined) return [who];
  }
  return [];
}

/**
 * The final schedule over `[from, to)`: consecutive shifts covering the whole span, nobody
 * (`who: []`) included, adjacent shifts with the same people merged. Throws
 * {@link ScheduleSpanError} for a span over {@link MAX_SPAN_DAYS} days or ending before it starts.
 */
export function shiftsBetween(input: ScheduleInput, from: number, to: number): Shift[] {
  const schedule = compiled(input);
  if (to < from) throw new ScheduleSpanError("span_reversed", "the span ends before it starts");
  if (to - from > MAX_SPAN_DAYS * MS_PER_DAY) {
    const params = { from: formatInstant(from, schedule.zone), to: formatInstant(to, schedule.zone), days: MAX_SPAN_DAYS };
    throw new ScheduleSpanError("span_too_long", `the span from ${params.from} to ${params.to} is longer than ${MAX_SPAN_DAYS} days`, params);
  }
  if (to === from) return [];
  const edges = new Set<number>([from]);
  const add = (instant: number) => {
    if (from < instant && instant < to) edges.add(instant);
  };
  for (const override of schedule.overrides) {
    add(override.start);
    add(override.end);
  }
  for (const layer of schedule.layers) {
    for (const instant of layerEdges(layer, schedule.zone, from, to)) add(instant);
  }
  const starts = [...edges].sort((a, b) => a - b);
  const shifts: Shift[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const end = starts[i + 1] ?? to;
    const who = onCallAt(schedule, start);
    const last = shifts[shifts.length - 1];
    if (last && sameWho(last.who, who)) last.end = end;
    else shifts.push({ start, end, who });
  }
  return shifts;
}

/**
 * The next change after `t` within `withinDays` (at most {@link MAX_SPAN_DAYS}): when it happens
 * and who is on call from then; undefined when nothing changes in that time.
 */
export function nextHandoff(input: ScheduleInput, t: number, withinDays = MAX_SPAN_DAYS): { at: number; who: string[] } | undefined {
  const schedule = compiled(input);
  // Most schedules change within two weeks: look there first, then as far as asked.
  for (const days of [Math.min(14, withinDays), withinDays]) {
    const shifts = shiftsBetween(schedule, t, t + days * MS_PER_DAY);
    const next = shifts[1];
    if (next) return { at: next.start, who: next.who };
  }
  return undefined;
}

function sameWho(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((who, i) => who === b[i]);
}

/** Who of one layer is on call at `t`; undefined before its start or outside its restrictions. */
function layerAt(layer: CompiledLayer, zone: TimeZone, t: number): string | undefined {
  if (t < layer.start) return undefined;
  if (layer.restrictions && !restrictionsHold(layer.restrictions, zone, t)) return undefined;
  const k = shiftIndex(layer, zone, t);
  return layer.participants[k % layer.participants.length];
}

/** The instant of a layer's `k`-th hand-off (0: its start). */
function handoff(layer: CompiledLayer, zone: TimeZone, k: number): number {
  if (k === 0) return layer.start;
  const { cadence } = layer;
  if (cadence.kind === "real") return layer.start + k * cadence.ms;
  // The same wall time `k * days` local days later, resolved in the zone: a wall time skipped by
  // a forward change lands the gap later (02:30 → 03:30), a repeated one takes its first occurrence.
  const startDay = Math.floor((layer.start + zone.offsetAt(layer.start)) / MS_PER_DAY);
  return zone.resolve((startDay + k * cadence.days) * MS_PER_DAY + cadence.wallTime);
}

/** The index of the shift of a layer holding `t` (at or after its start). */
function shiftIndex(layer: CompiledLayer, zone: TimeZone, t: number): number {
  const { cadence } = layer;
  if (cadence.kind === "real") return Math.floor((t - layer.start) / cadence.ms);
  const localStart = layer.start + zone.offsetAt(layer.start);
  let k = Math.max(0, Math.floor((t + zone.offsetAt(t) - localStart) / (cadence.days * MS_PER_DAY)));
  while (k > 0 && handoff(layer, zone, k) > t) k--;
  while (handoff(layer, zone, k + 1) <= t) k++;
  return k;
}

/** Whether some restriction's window holds `t`; a window belongs to the day it opens on. */
function restrictionsHold(restrictions: readonly CompiledRestriction[], zone: TimeZone, t: number): boolean {
  const today = Math.floor((t + zone.offsetAt(t)) / MS_PER_DAY);
  for (const day of [today - 1, today]) {
    for (const restriction of restrictions) {
      if (!restriction.days.has(weekday(day))) continue;
      const [start, end] = windowOf(restriction, zone, day);
      if (start <= t && t < end) return true;
    }
  }
  return false;
}

/** The instants a restriction's window opening on local day `day` covers. */
function windowOf(restriction: CompiledRestriction, zone: TimeZone, day: number): [number, number] {
  const endDay = restriction.to <= restriction.from ? day + 1 : day;
  return [zone.resolve(day * MS_PER_DAY + restriction.from * MS_PER_MINUTE), zone.resolve(endDay * MS_PER_DAY + restriction.to * MS_PER_MINUTE)];
}

/** Every instant in `(from, to)` where one layer may change: its start, its hand-offs, its windows' edges. */
function layerEdges(layer: CompiledLayer, zone: TimeZone, from: number, to: number): number[] {
  const edges: number[] = [];
  if (layer.start >= to) return edges;
  edges.push(layer.start);
  let k = layer.start >= from ? 1 : shiftIndex(layer, zone, from) + 1;
  for (let at = handoff(layer, zone, k); at < to; at = handoff(layer, zone, ++k)) edges.push(at);
  if (layer.restrictions) {
    const first = Math.floor((from + zone.offsetAt(from)) / MS_PER_DAY) - 1;
    const last = Math.floor((to + zone.offsetAt(to)) / MS_PER_DAY);
    for (let day = first; day <= last; day++) {
      for (const restriction of layer.restrictions) {
        if (restriction.days.has(weekday(day))) edges.push(...windowOf(restriction, zone, day));
      }
    }
  }
  return edges;
}
