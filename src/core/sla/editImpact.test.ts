// The impact of an edit from clocks and timers before and after: what it counts, and what the
// catch-up rules leave out (a reminder past due; a second notice to the same person).

import { describe, expect, it } from "vitest";
import type { AgentInfo } from "../directory/directory.js";
import { editImpact, type ImpactTicket } from "./editImpact.js";
import type { MatrixStep, SlaPolicy } from "./policy.js";
import type { StoredClock, StoredTimer } from "./timerPlan.js";

const HOUR = 3_600_000;
const NOW = 10 * HOUR;
const step = (id: string, extra: Partial<MatrixStep>): MatrixStep => ({
  id,
  kind: "level",
  level: 1,
  offsetMinutes: 0,
  clock: "wall",
  recipients: [{ kind: "assignee" }],
  actions: [],
  ...extra,
});
const POLICY: SlaPolicy = {
  id: "p",
  name: "Standard",
  position: 0,
  active: true,
  isDefault: true,
  conditions: {},
  calendarId: null,
  targets: {},
  pauseStatuses: ["pending"],
  noteCountsAsResponse: false,
  matrix: {
    steps: [
      step("reminder", { kind: "reminder", level: 0, offsetMinutes: 30 }),
      step("level-1", {}),
      step("level-2", { level: 2, recipients: [{ kind: "assignee" }, { kind: "agent", agentId: "boss" }] }),
    ],
  },
};
const agent = (id: string): AgentInfo => ({
  id,
  name: id,
  email: `${id}@example.org`,
  role: "agent",
  teamId: null,
  managerId: null,
  region: null,
  calendarId: null,
  locale: "en",
  active: true,
});
const clock = (dueAt: number): StoredClock => ({
  id: "c",
  target: "resolution",
  cycle: 1,
  policyId: "p",
  calendarId: null,
  startedAt: 0,
  budgetSeconds: dueAt / 1000,
  pauses: [],
  stoppedAt: null,
  state: "running",
  dueAt,
});
const timers = (due: number): StoredTimer[] =>
  [
    ["reminder", due - HOUR / 2],
    ["level-1", due],
    ["level-2", due + HOUR / 4],
  ].map(([stepId, dueAt]) => ({ clockId: "c", stepId: stepId as string, dueAt: dueAt as number, state: "pending" }));
const ticket = (before: number, after: number): ImpactTicket => ({
  number: 7,
  subject: "Facture",
  assigneeId: "lea",
  teamId: null,
  before: { clocks: [clock(before)], timers: timers(before) },
  after: { clocks: [clock(after)], timers: timers(after) },
});
const impact = (tickets: ImpactTicket[]) =>
  editImpact({
    tickets,
    concerns: (c) => c.policyId === "p",
    policies: new Map([["p", POLICY]]),
    directory: { agents: new Map(["lea", "boss"].map((id) => [id, agent(id)])), teams: new Map() },
    now: NOW,
  });

describe("the impact of an edit", () => {
  it("counts the levels a shorter target makes due at once, not the reminder past due, and one notice per person", () => {
    expect(impact([ticket(12 * HOUR, 9 * HOUR)])).toEqual({
      openTickets: 1,
      retargeted: 1,
      breachedNow: 1,
      stepsNow: 2,
      notificationsNow: 2,
      examples: [
        { number: 7, subject: "Facture", clock: "resolution", dueBefore: new Date(12 * HOUR).toISOString(), dueAfter: new Date(9 * HOUR).toISOString() },
      ],
    });
  });

  it("counts a reminder that comes due before the deadline", () => {
    expect(impact([ticket(12 * HOUR, 10.25 * HOUR)])).toMatchObject({ breachedNow: 0, stepsNow: 1, notificationsNow: 1 });
  });

  it("counts nothing for a ticket whose clocks do not move, but still counts it as concerned", () => {
    expect(impact([ticket(12 * HOUR, 12 * HOUR)])).toEqual({ openTickets: 1, retargeted: 0, breachedNow: 0, stepsNow: 0, notificationsNow: 0, examples: [] });
  });
});
