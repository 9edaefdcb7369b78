// The demo teams' on-call schedules: each team's agents take a week on call in turn, handing over
// on Monday at 09:00 in the team's zone, outside office hours (weeknights and weekends) for the
// teams that keep office hours, all day for the 24/7 social desk. Written through the schedule
// command the API uses, then set on each team.

import { createOncallSchedule } from "../commands/oncall/oncallSchedules.js";
import type { Layer, OnCallScheduleSpec } from "../core/oncall/schedule.js";
import { weekday } from "../core/time/civil.js";
import { formatInstant } from "../core/time/iso.js";
import { TimeZone } from "../core/time/zone.js";
import type { Db } from "../store/database.js";
import { teamStore } from "../store/entities.js";
import { AGENTS, CALENDARS, TEAMS, type TeamKey } from "./workspace.js";

const DAY = 86_400_000;

/** Outside office hours: weeknights from 18:00 to 09:00 the next morning (Sunday night included), and all weekend. */
const OUT_OF_HOURS: NonNullable<Layer["restrictions"]> = [
  { days: ["mon", "tue", "wed", "thu", "fri", "sun"], from: "18:00", to: "09:00" },
  { days: ["sat", "sun"], from: "00:00", to: "24:00" },
];

/** The demo's schedule names, by team. */
export const ONCALL_NAMES: Readonly<Record<TeamKey, string>> = {
  billing: "Astreinte Facturation / Billing",
  technical: "Astreinte Support technique / Wachtdienst",
  social: "Social 24/7",
  escalations: "Astreinte Escalades L2",
};

/** Monday 09:00 in `zone`, at least a week before `before`: the first hand-off of the demo's rotations. */
function firstMonday(before: Date, zone: TimeZone): string {
  const days = Math.floor(before.getTime() / DAY) - 7;
  const monday = days - ((weekday(days) + 6) % 7);
  const local = monday * DAY + 9 * 3_600_000;
  return formatInstant(local - zone.offsetAt(local), zone);
}

/** A team's schedule: its agents (not its lead) a week each, out of hours unless the team works all day. */
export function demoOncallSpec(team: TeamKey, agentIds: ReadonlyMap<string, string>, before: Date): OnCallScheduleSpec {
  const definition = TEAMS.find((t) => t.key === team);
  const calendar = CALENDARS.find((c) => c.key === definition?.calendar);
  if (!definition || !calendar) throw new Error(`the demo has no team ${team}`);
  const zone = TimeZone.of(calendar.spec.timezone);
  const participants = AGENTS.filter((a) => a.team === team && a.role === "agent").map((a) => {
    const id = agentIds.get(a.login);
    if (!id) throw new Error(`the demo agent ${a.login} was not written`);
    return id;
  });
  const allDay = Object.keys(calendar.spec.hours).length === 7;
  return {
    timezone: zone.name,
    layers: [
      {
        name: allDay ? "week" : "nights-weekends",
        rotation: { participants, start: firstMonday(before, zone), length: { weeks: 1 } },
        ...(allDay ? {} : { restrictions: OUT_OF_HOURS }),
      },
    ],
    overrides: [],
  };
}

/** Writes each demo team's schedule at `now` and sets it on the team; returns how many. */
export async function seedOncall(tx: Db, props: { now: Date; teams: ReadonlyMap<TeamKey, string>; agents: ReadonlyMap<string, string> }): Promise<number> {
  for (const team of TEAMS) {
    const spec = demoOncallSpec(team.key, props.agents, props.now);
    const row = await createOncallSchedule(tx, { name: ONCALL_NAMES[team.key], spec, now: props.now });
    await teamStore.update(tx, props.teams.get(team.key) as string, { onCallScheduleId: row.id }, props.now);
  }
  return TEAMS.length;
}
