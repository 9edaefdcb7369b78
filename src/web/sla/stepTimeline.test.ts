// The SLA panel's step list: the current plan in due order with recipients by name, the timers
// of an earlier plan set apart.

import { describe, expect, it } from "vitest";
import type { ClockTimer, MatrixStep, Policy, TicketClock } from "../api/slaTypes.js";
import { translate } from "../i18n/messages.js";
import { newPolicy } from "./policyDraft.js";
import { stepRows, type PanelDirectory } from "./stepTimeline.js";

const words = { locale: "en" as const, t: (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate("en", key, params) };
const step = (id: string, kind: MatrixStep["kind"], level: number, offsetMinutes: number, recipients: MatrixStep["recipients"]): MatrixStep => ({
  id,
  kind,
  level,
  offsetMinutes,
  clock: "wall",
  recipients,
  actions: [{ type: "notify" }],
});
const policy: Policy = {
  ...newPolicy(),
  id: "p1",
  position: 0,
  version: 1,
  name: "Standard",
  matrix: {
    steps: [
      step("late", "level", 2, 240, [{ kind: "assignee_manager" }, { kind: "team_lead" }]),
      step("remind", "reminder", 0, 30, [{ kind: "assignee" }]),
      step("due", "level", 1, 0, [{ kind: "assignee" }]),
    ],
  },
};
const timer = (stepId: string, kind: ClockTimer["kind"], level: number, dueAt: string, state: ClockTimer["state"] = "pending"): ClockTimer => ({
  stepId,
  kind,
  level,
  dueAt,
  state,
  firedAt: state === "fired" ? dueAt : null,
  lagMs: state === "fired" ? 0 : null,
});
const clock = (timers: ClockTimer[]): TicketClock => ({
  target: "first_response",
  cycle: 1,
  policyId: "p1",
  policyName: "Standard",
  state: "running",
  breached: false,
  startedAt: "2026-12-02T08:00:00Z",
  dueAt: "2026-12-02T12:00:00Z",
  stoppedAt: null,
  elapsedSeconds: 0,
  remainingSeconds: 0,
  lateBySeconds: null,
  timers,
});
const directory: PanelDirectory = {
  agent: (id) =>
    ({ thomas: { name: "Thomas Lefebvre", managerId: "isabelle" }, isabelle: { name: "Isabelle Peeters" }, lea: { name: "Léa Martin" } })[id ?? ""],
  team: (id) => (id === "billing" ? { name: "Billing", leadId: "lea" } : undefined),
};
const holders = { assigneeId: "thomas", teamId: "billing", priority: "normal" as const };

describe("a clock's escalation steps in the panel", () => {
  it("lists the plan in due order, each with its offset from due and its recipients by name", () => {
    const rows = stepRows(
      clock([
        timer("late", "level", 2, "2026-12-02T16:00:00Z"),
        timer("due", "level", 1, "2026-12-02T12:00:00Z"),
        timer("remind", "reminder", 0, "2026-12-02T11:30:00Z"),
      ]),
      policy,
      holders,
      directory,
      words,
    );
    expect(rows.map((r) => [r.timer.stepId, r.when, r.who, r.replaced])).toEqual([
      ["remind", "30m before due", "Thomas Lefebvre (Assignee)", null],
      ["due", "At due", "Thomas Lefebvre (Assignee)", null],
      ["late", "+4h after due", "Isabelle Peeters (Assignee's manager) and Léa Martin (Team lead)", null],
    ]);
  });

  it("sets apart the timers of an earlier plan: cancelled, fired against an older due time, or of a removed step", () => {
    const rows = stepRows(
      clock([
        timer("remind", "reminder", 0, "2026-12-02T09:30:00Z", "fired"),
        timer("due", "level", 1, "2026-12-02T12:00:00Z"),
        timer("late", "level", 2, "2026-12-02T14:00:00Z", "cancelled"),
        timer("gone", "level", 3, "2026-12-02T18:00:00Z"),
      ]),
      policy,
      holders,
      directory,
      words,
    );
    expect(rows.map((r) => [r.timer.stepId, r.replaced])).toEqual([
      ["due", null],
      ["remind", "earlierDue"],
      ["late", "cancelled"],
      ["gone", "removedStep"],
    ]);
  });

  it("says who a role is when nobody holds it, and reads the offset from the instants without the policy", () => {
    const rows = stepRows(clock([timer("due", "level", 1, "2026-12-02T13:30:00Z")]), null, { ...holders, assigneeId: null }, directory, words);
    expect(rows.map((r) => [r.when, r.who])).toEqual([["+1h 30m after due", ""]]);
    const unassigned = stepRows(clock([timer("due", "level", 1, "2026-12-02T12:00:00Z")]), policy, { ...holders, assigneeId: null }, directory, words);
    expect(unassigned[0]?.who).toBe("the assignee");
  });
});
