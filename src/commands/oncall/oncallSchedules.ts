// Writing an on-call schedule: checked whole (every problem named by its path, everyone it names
// an agent), then stored. The API's routes and the demo write schedules through these.

import { compileSchedule, InvalidScheduleError, peopleOf } from "../../core/oncall/index.js";
import type { OnCallScheduleSpec } from "../../core/oncall/schedule.js";
import { unknownPeople } from "../../core/oncall/scheduleSpec.js";
import type { Db } from "../../store/database.js";
import { oncallScheduleStore } from "../../store/entities.js";
import { existingAgentIds, type OncallScheduleRow } from "../../store/oncall.js";

/** Validates a schedule and that everyone it names is an agent; throws InvalidScheduleError naming each problem. */
export async function checkOncallSchedule(db: Db, spec: OnCallScheduleSpec): Promise<void> {
  compileSchedule(spec);
  const problems = unknownPeople(spec, await existingAgentIds(db, peopleOf(spec)));
  if (problems.length > 0) throw new InvalidScheduleError(problems);
}

/** Stores a new schedule named `name` once checked; throws InvalidScheduleError, or DuplicateError for a name taken. */
export async function createOncallSchedule(db: Db, props: { name: string; spec: OnCallScheduleSpec; now: Date }): Promise<OncallScheduleRow> {
  const { name, spec, now } = props;
  await checkOncallSchedule(db, spec);
  return oncallScheduleStore.create(db, { name, timezone: spec.timezone, layers: spec.layers, overrides: spec.overrides ?? [] }, now);
}
