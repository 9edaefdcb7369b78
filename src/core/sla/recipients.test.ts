// Resolving a matrix step's recipients against a loaded directory: each agent once, inactive
// ones and unreachable recipients reported with a reason.

import { describe, expect, it } from "vitest";
import type { AgentInfo, Directory, TeamInfo } from "../directory/directory.js";
import { skipSentence } from "../events/eventReason.js";
import type { Recipient } from "./policy.js";
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
  resolveRecipients({ recipients }, ticket, directory);

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
      { recipient: "on_call", why: "no_schedule" },
    ]);
    expect(skipped.map(skipSentence)).toEqual([
      "assignee: the ticket has no assignee",
      "region_managers: no active manager in region south",
      "on_call: no schedule yet",
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
