// Reading SLA policies as the core sees them (src/core/sla/policy.ts) and the calendars they
// run on, cached by version so that a hot path does not parse a calendar per ticket.

import { asc, eq, inArray } from "drizzle-orm";
import { BusinessCalendar, parseCalendar } from "../../core/calendar/index.js";
import { ALWAYS_OPEN } from "../../core/sla/clocks.js";
import type { Conditions, EscalationMatrix, SlaPolicy, TargetMinutes } from "../../core/sla/policy.js";
import type { Priority, Status } from "../../core/ticket/ticket.js";
import type { Db } from "../database.js";
import { calendars, slaPolicies } from "../schema.js";

export type SlaPolicyRow = typeof slaPolicies.$inferSelect;

/** A stored policy as the core sees it. */
export function policyOf(row: SlaPolicyRow): SlaPolicy {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    active: row.active,
    isDefault: row.isDefault,
    conditions: row.conditions as Conditions,
    calendarId: row.calendarId,
    targets: row.targets as Partial<Record<Priority, TargetMinutes>>,
    pauseStatuses: row.pauseStatuses as Status[],
    noteCountsAsResponse: row.noteCountsAsResponse,
    callCountsAsResponse: row.callCountsAsResponse,
    matrix: row.matrix as EscalationMatrix,
  };
}

/** Every policy, in order. */
export async function loadPolicies(db: Db): Promise<SlaPolicy[]> {
  const rows = await db.select().from(slaPolicies).orderBy(asc(slaPolicies.position), asc(slaPolicies.name));
  return rows.map(policyOf);
}

const parsed = new Map<string, { version: number; spec: string; calendar: BusinessCalendar }>();

/** A stored calendar, parsed unless this version and spec were parsed already. */
export function calendarOfRow(row: { id: string; version: number; spec: unknown }): BusinessCalendar {
  const cached = parsed.get(row.id);
  const spec = JSON.stringify(row.spec);
  if (cached && cached.version === row.version && cached.spec === spec) return cached.calendar;
  const calendar = new BusinessCalendar(parseCalendar(row.spec as Parameters<typeof parseCalendar>[0]));
  parsed.set(row.id, { version: row.version, spec, calendar });
  return calendar;
}

/** Every policy, in order, with the calendars they run on, in one statement. */
export async function loadPoliciesAndCalendars(db: Db): Promise<{ policies: SlaPolicy[]; calendars: Map<string, BusinessCalendar> }> {
  const rows = await db
    .select({ policy: slaPolicies, calendar: { id: calendars.id, version: calendars.version, spec: calendars.spec } })
    .from(slaPolicies)
    .leftJoin(calendars, eq(calendars.id, slaPolicies.calendarId))
    .orderBy(asc(slaPolicies.position), asc(slaPolicies.name));
  const found = new Map<string, BusinessCalendar>();
  for (const row of rows) if (row.calendar !== null && !found.has(row.calendar.id)) found.set(row.calendar.id, calendarOfRow(row.calendar));
  return { policies: rows.map((row) => policyOf(row.policy)), calendars: found };
}

/**
 * The calendars of `ids` (null: the wall clock), parsed once per stored version and spec: a
 * version alone is not enough, since an edit rolled back (a dry run) and a later real edit both
 * reach the same version with different hours. Returns a lookup that throws for an id it was not given.
 */
export async function loadCalendars(db: Db, ids: Iterable<string | null>): Promise<(id: string | null) => BusinessCalendar> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  const rows = wanted.length
    ? await db.select({ id: calendars.id, version: calendars.version, spec: calendars.spec }).from(calendars).where(inArray(calendars.id, wanted))
    : [];
  const found = new Map<string, BusinessCalendar>();
  for (const row of rows) found.set(row.id, calendarOfRow(row));
  return (id) => {
    if (id === null) return ALWAYS_OPEN;
    const calendar = found.get(id);
    if (!calendar) throw new Error(`calendar ${id} was not loaded`);
    return calendar;
  };
}
