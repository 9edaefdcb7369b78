// Editing a calendar: the row changed (version checked) and, when its spec really changes and
// a policy runs on it, a recompute of the open tickets queued in the same unit of work.

import type { CalendarSpec } from "../../core/calendar/index.js";
import { calendarStore } from "../../store/entities.js";
import { queueRecompute } from "../../store/jobs.js";
import type { calendars } from "../../store/schema.js";
import { canonicalJson, policyUsesCalendar } from "../../store/sla/policyRows.js";
import type { Work } from "../work.js";
import { checkCalendarHorizon } from "./horizon.js";
import type { PolicyWrite } from "./policies.js";

export interface UpdateCalendarProps {
  /** NotFoundError for an unknown calendar (see calendarStore.update for its other errors). */
  id: string;
  changes: Partial<Pick<typeof calendars.$inferInsert, "name" | "spec">>;
  /** When given, VersionConflictError unless the calendar is at this version. */
  expectedVersion?: number | undefined;
}

/**
 * Changes a calendar; queues a recompute when its spec changes (keys in any order are the same spec)
 * and a policy runs on it. PolicyValidationError at `spec` when a policy's target or level could no
 * longer be reached within the calendar's horizon.
 */
export async function updateCalendar(work: Work, props: UpdateCalendarProps): Promise<PolicyWrite<typeof calendars.$inferSelect>> {
  const { tx, now } = work;
  const { id, changes, expectedVersion } = props;
  const before = await calendarStore.get(tx, id);
  const row = await calendarStore.update(tx, id, changes, now, expectedVersion);
  const specChanged = before !== undefined && changes.spec !== undefined && canonicalJson(changes.spec) !== canonicalJson(before.spec);
  const used = specChanged && (await policyUsesCalendar(tx, id));
  if (used) await checkCalendarHorizon(work, id, row.name, changes.spec as CalendarSpec);
  const job = used ? await queueRecompute(tx, `calendar "${row.name}" changed`, now) : undefined;
  return { result: row, jobId: job?.id ?? null };
}
