// Resolving a matrix step's recipients against a loaded directory: each agent once, inactive
// ones and unreachable recipients reported with a reason.

import { describe, expect, it } from "vitest";
import type { AgentInfo, Directory, TeamInfo } from "../directory/directory.js";
import { skipSentence } from "../events/eventReason.js";
import type { Recipient } from "./policy.js";
import { compileSchedule } from "../oncall/scheduleSpec.js";
import { resolveRecipients } from "./recipients.js";

const agent = (id: string, props: Partial<AgentInfo> = {}): AgentInfo => ({
  id,
  name: `Agent ${id}`,
  email: `${id}@example.org`,
  role: "agent",
  teamId: "t1",
  managerId: null,
  region: null,
  calendarId: null,
  locale: "fr",
  active: true,
  ...props,
});

function directoryOf(agents: AgentInfo[], teams: TeamInfo[]): Directory {
  return { agents: new Map(agents.map((a) => [a.id, a])), teams: new Map(teams.map((t) => [t.id, t])) };
}

const team: TeamInfo = { id: "t1", name: "Facturation", leadId: "lead", calendarId: null };
const directory = directoryOf(
  [
    agent("ana", { managerId: "boss", region: "north" }),
    agent("boss", { role: "manager", region: "north" }),
    agent("lead", { region: "south" }),
    agent("north2", { role: "manager", region: "north" }),
    agent("gone", { role: "manager", region: "north", active: false }),
  ],
  [team],
);
const resolve = (recipients: Recipient[], ticket = { assigneeId: "ana" as string | null, teamId: "t1" as string | null }) =>
  resolveRecipients({ recipients }, ticket, directory, Date.UTC(2026, 10, 23, 9));

describe("a step's recipients", () => {
  it("reach each agent once, by the first recipient that names them", () => {
    const { recipients, skipped } = resolve([
      { kind: "assignee" },
      { kind: "agent", agentId: "ana" },
      { kind: "assignee_manager" },
      { kind: "region_managers" },
    ]);
    expect(recipients.map((r) => [r.kind, r.agent.id])).toEqual([
      ["assignee", "ana"],
      ["assignee_manager", "boss"],
      ["region_managers", "north2"],
    ]);
    expect(skipped).toEqual([]);
  });

  it("take the team lead's region when the ticket has no assignee, and name who cannot be reached", () => {
    const { recipients, skipped } = resolve([{ kind: "assignee" }, { kind: "team_lead" }, { kind: "region_managers" }, { kind: "on_call", scheduleId: "s1" }], {
      assigneeId: null,
      teamId: "t1",
    });
    expect(recipients.map((r) => r.agent.id)).toEqual(["lead"]);
    expect(skipped).toEqual([
      { recipient: "assignee", why: "no_assignee" },
      { recipient: "region_managers", why: "no_region_manager", region: "south" },
      { recipient: "on_call", why: "no_schedule", scheduleId: "s1" },
    ]);
    expect(skipped.map(skipSentence)).toEqual([
      "assignee: the ticket has no assignee",
      "region_managers: no active manager in region south",
      "on_call: no on-call schedule s1",
    ]);
  });

  it("report an inactive agent named directly, and an unknown team", () => {
    const { recipients, skipped } = resolve([
      { kind: "agent", agentId: "gone" },
      { kind: "team", teamId: "nope" },
    ]);
    expect(recipients).toEqual([]);
    expect(skipped).toEqual([
      { recipient: "agent", why: "inactive", agentId: "gone", name: "Agent gone" },
      { recipient: "team", why: "unknown_team", teamId: "nope" },
    ]);
    expect(skipped.map(skipSentence)).toEqual([`agent: Agent gone is inactive`, "team: no team nope"]);
  });
});

describe("an on_call recipient", () => {
  // Ana by day (09:00–18:00 in Brussels), Boss at night, the week of 23 November 2026.
  const schedule = compileSchedule({
    timezone: "Europe/Brussels",
    layers: [
      { rotation: { participants: ["boss"], start: "2026-11-23T00:00:00+01:00", length: { weeks: 1 } } },
      {
        rotation: { participants: ["ana"], start: "2026-11-23T00:00:00+01:00", length: { weeks: 1 } },
        restrictions: [{ days: ["mon", "tue", "wed", "thu", "fri"], from: "09:00", to: "18:00" }],
      },
    ],
    overrides: [{ start: "2026-11-24T09:00:00+01:00", end: "2026-11-24T12:00:00+01:00", who: "gone" }],
  });
  const withSchedules = (teamScheduleId: string | null): Directory => ({
    ...directory,
    teams: new Map([["t1", { ...team, onCallScheduleId: teamScheduleId }]]),
    schedules: new Map([
      ["s1", { id: "s1", name: "Billing on call", schedule }],
      ["empty", { id: "empty", name: "Nobody", schedule: compileSchedule({ timezone: "UTC", layers: [] }) }],
    ]),
  });
  const at = (iso: string) => Date.parse(iso);
  const onCall = (recipient: Recipient, instant: string, teamScheduleId: string | null = null) =>
    resolveRecipients({ recipients: [recipient] }, { assigneeId: null, teamId: "t1" }, withSchedules(teamScheduleId), at(instant));

  it("reaches whoever is on call in its schedule when the step fires", () => {
    expect(onCall({ kind: "on_call", scheduleId: "s1" }, "2026-11-23T10:00:00+01:00").recipients.map((r) => [r.kind, r.agent.id])).toEqual([
      ["on_call", "ana"],
    ]);
    expect(onCall({ kind: "on_call", scheduleId: "s1" }, "2026-11-23T03:00:00+01:00").recipients.map((r) => r.agent.id)).toEqual(["boss"]);
  });

  it("reads the ticket team's schedule when it names none", () => {
    expect(onCall({ kind: "on_call" }, "2026-11-28T10:00:00+01:00", "s1").recipients.map((r) => r.agent.id)).toEqual(["boss"]);
    expect(onCall({ kind: "on_call" }, "2026-11-28T10:00:00+01:00").skipped).toEqual([{ recipient: "on_call", why: "no_schedule" }]);
  });

  it("skips with nobody_on_call when nobody is, and names an inactive person on call", () => {
    const nobody = onCall({ kind: "on_call", scheduleId: "empty" }, "2026-11-23T10:00:00+01:00");
    expect(nobody.recipients).toEqual([]);
    expect(nobody.skipped).toEqual([{ recipient: "on_call", why: "nobody_on_call", scheduleId: "empty", name: "Nobody" }]);
    expect(nobody.skipped.map(skipSentence)).toEqual(["on_call: nobody is on call in Nobody"]);
    const inactive = onCall({ kind: "on_call", scheduleId: "s1" }, "2026-11-24T10:00:00+01:00");
    expect(inactive.recipients).toEqual([]);
    expect(inactive.skipped).toEqual([{ recipient: "on_call", why: "inactive", agentId: "gone", name: "Agent gone" }]);
  });

  it("skips with no_schedule for a schedule the directory does not hold", () => {
    expect(onCall({ kind: "on_call", scheduleId: "deleted" }, "2026-11-23T10:00:00+01:00").skipped).toEqual([
      { recipient: "on_call", why: "no_schedule", scheduleId: "deleted" },
    ]);
  });
});
