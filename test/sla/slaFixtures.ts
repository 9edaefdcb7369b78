// Test data for SLA suites: a Paris business calendar and stored policies with a matrix.

import type { CalendarSpec } from "../../src/core/calendar/index.js";
import type { SlaPolicy } from "../../src/core/sla/policy.js";
import type { Db } from "../../src/store/database.js";
import { calendarStore } from "../../src/store/entities.js";
import { slaPolicies } from "../../src/store/schema.js";

export { PARIS_OFFICE, STANDARD_MATRIX } from "../support/factories.js";

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
