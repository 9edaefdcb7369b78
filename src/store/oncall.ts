// On-call schedules beyond the generic entity store: the agents a schedule may name, deletion,
// and the schedules a batch of matrix steps or the hand-off notices read.

import { eq, inArray, isNull, lt, or } from "drizzle-orm";
import type { OnCallScheduleSpec } from "../core/oncall/schedule.js";
import type { Db } from "./database.js";
import { NotFoundError, VersionConflictError } from "./errors.js";
import { agents, oncallSchedules } from "./schema.js";
import { isUuid } from "./sql/uuid.js";

export type OncallScheduleRow = typeof oncallSchedules.$inferSelect;

/** A stored schedule as the core reads it. */
export function specOf(row: Pick<OncallScheduleRow, "timezone" | "layers" | "overrides">): OnCallScheduleSpec {
  return { timezone: row.timezone, layers: row.layers, overrides: row.overrides };
}

/** The ids among `ids` that are agents of the workspace. */
export async function existingAgentIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const wellFormed = ids.filter(isUuid);
  if (wellFormed.length === 0) return new Set();
  const rows = await db.select({ id: agents.id }).from(agents).where(inArray(agents.id, wellFormed));
  return new Set(rows.map((row) => row.id));
}

/** Deletes a schedule (teams that pointed to it point nowhere); throws NotFoundError or VersionConflictError. */
export async function deleteOncallSchedule(db: Db, id: string, expectedVersion?: number): Promise<void> {
  if (!isUuid(id)) throw new NotFoundError("on-call schedule", id);
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ version: oncallSchedules.version }).from(oncallSchedules).where(eq(oncallSchedules.id, id)).for("update");
    if (!row) throw new NotFoundError("on-call schedule", id);
    if (expectedVersion !== undefined && expectedVersion !== row.version) throw new VersionConflictError("on-call schedule", id, expectedVersion, row.version);
    await tx.delete(oncallSchedules).where(eq(oncallSchedules.id, id));
  });
}

/** The schedules of `ids` (unknown ids left out). */
export async function oncallSchedulesByIds(db: Db, ids: readonly string[]): Promise<OncallScheduleRow[]> {
  const wellFormed = [...new Set(ids.filter(isUuid))];
  if (wellFormed.length === 0) return [];
  return db.select().from(oncallSchedules).where(inArray(oncallSchedules.id, wellFormed));
}

/** Schedules whose hand-off notices have not been sent up to `until` (never sent counts too), locked for this transaction. */
export async function lockSchedulesWithNoticesDue(db: Db, until: Date, limit = 50): Promise<OncallScheduleRow[]> {
  return db
    .select()
    .from(oncallSchedules)
    .where(or(isNull(oncallSchedules.noticesUntil), lt(oncallSchedules.noticesUntil, until)))
    .orderBy(oncallSchedules.id)
    .limit(limit)
    .for("update", { skipLocked: true });
}

/** Records that hand-offs up to `until` have had their notices. */
export async function setNoticesUntil(db: Db, id: string, until: Date): Promise<void> {
  await db.update(oncallSchedules).set({ noticesUntil: until }).where(eq(oncallSchedules.id, id));
}

/** What a hand-off notice needs of its people: where to reach them and in which language and zone. */
export async function noticeRecipients(db: Db, ids: readonly string[]) {
  const wellFormed = [...new Set(ids.filter(isUuid))];
  if (wellFormed.length === 0) return [];
  return db
    .select({ id: agents.id, name: agents.name, email: agents.email, locale: agents.locale, timeZone: agents.timeZone, active: agents.active })
    .from(agents)
    .where(inArray(agents.id, wellFormed));
}
