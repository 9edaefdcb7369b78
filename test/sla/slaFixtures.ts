// Test data for SLA suites: a Paris business calendar and stored policies with a matrix.

import type { CalendarSpec } from "../../src/core/calendar/index.js";
import type { MatrixStep, SlaPolicy } from "../../src/core/sla/policy.js";
import type { Db } from "../../src/store/database.js";
import { calendarStore } from "../../src/store/entities.js";
import { slaPolicies } from "../../src/store/schema.js";

/** Monday to Friday 09:00–18:00 in Paris, Easter Monday 2026 off; 2026-03-29 is the spring DST change. */
export const PARIS_OFFICE: CalendarSpec = {
  timezone: "Europe/Paris",
  hours: { mon: [["09:00", "18:00"]], tue: [["09:00", "18:00"]], wed: [["09:00", "18:00"]], thu: [["09:00", "18:00"]], fri: [["09:00", "18:00"]] },
  holidays: ["2026-04-06"],
};

/** The matrix of the scenarios: a reminder 30 business minutes before, then levels at breach, +1 h, +2 h, +4 h. */
export const STANDARD_MATRIX: MatrixStep[] = [
  { id: "reminder", kind: "reminder", level: 0, offsetMinutes: 30, clock: "business", recipients: [{ kind: "assignee" }], actions: [{ type: "notify" }] },
  { id: "level-1", kind: "level", level: 1, offsetMinutes: 0, clock: "business", recipients: [{ kind: "team_lead" }], actions: [{ type: "notify" }] },
  { id: "level-2", kind: "level", level: 2, offsetMinutes: 60, clock: "business", recipients: [{ kind: "assignee_manager" }], actions: [{ type: "notify" }] },
  { id: "level-3", kind: "level", level: 3, offsetMinutes: 120, clock: "business", recipients: [{ kind: "region_managers" }], actions: [{ type: "notify" }] },
  { id: "level-4", kind: "level", level: 4, offsetMinutes: 240, clock: "business", recipients: [{ kind: "region_managers" }], actions: [{ type: "raise_priority" }] },
];

export async function createCalendar(db: Db, spec: CalendarSpec, now: Date, name = "Paris office"): Promise<string> {
  return (await calendarStore.create(db, { name, spec }, now)).id;
}

/** Stores a policy (defaults: active, no conditions, pending and on_hold pause, empty matrix); returns its id. */
export async function insertPolicy(db: Db, policy: Partial<Omit<SlaPolicy, "id">> & { name: string }, now: Date): Promise<string> {
  const [row] = await db
    .insert(slaPolicies)
    .values({
      name: policy.name,
      position: policy.position ?? 10,
      active: policy.active ?? true,
      isDefault: policy.isDefault ?? false,
      conditions: policy.conditions ?? {},
      calendarId: policy.calendarId ?? null,
      targets: policy.targets ?? {},
      pauseStatuses: policy.pauseStatuses ?? ["pending", "on_hold"],
      noteCountsAsResponse: policy.noteCountsAsResponse ?? false,
      matrix: policy.matrix ?? { steps: [] },
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: slaPolicies.id });
  return (row as { id: string }).id;
}
