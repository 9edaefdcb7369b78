import { describe, expect, it } from "vitest";
import { ALWAYS_OPEN } from "./clocks.js";
import type { MatrixStep, SlaPolicy } from "./policy.js";
import { applyTimerDiff, diffTimers, planTimers, type StoredClock, type StoredTimer } from "./timerPlan.js";

const HOUR = 3_600_000;
const step = (id: string, extra: Partial<MatrixStep>): MatrixStep => ({
  id,
  kind: "level",
  level: 1,
  offsetMinutes: 0,
  clock: "wall",
  recipients: [{ kind: "team_lead" }],
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
  targets: { normal: { first_response: 60 } },
  pauseStatuses: ["pending"],
  noteCountsAsResponse: false,
  matrix: { steps: [step("reminder", { kind: "reminder", level: 0, offsetMinutes: 15 }), step("level-1", {})] },
};
const policies = new Map([[POLICY.id, POLICY]]);
const clock = (extra: Partial<StoredClock> = {}): StoredClock => ({
  id: "c1",
  target: "first_response",
  cycle: 1,
  policyId: "p",
  calendarId: null,
  startedAt: 0,
  budgetSeconds: 3600,
  pauses: [],
  stoppedAt: null,
  state: "running",
  dueAt: HOUR,
  ...extra,
});
const calendar = () => ALWAYS_OPEN;

describe("planTimers", () => {
  it("plans each matrix step of a running clock around its due time", () => {
    expect(planTimers([clock()], policies, "normal", calendar)).toEqual([
      { clockId: "c1", stepId: "reminder", kind: "reminder", level: 0, dueAt: HOUR - 15 * 60_000 },
      { clockId: "c1", stepId: "level-1", kind: "level", level: 1, dueAt: HOUR },
    ]);
  });

  it("plans nothing for a paused or stopped clock, nor for a clock whose policy is gone", () => {
    expect(planTimers([clock({ state: "paused", pauses: [[10, null]], dueAt: null })], policies, "normal", calendar)).toEqual([]);
    expect(planTimers([clock({ state: "met", stoppedAt: 10 })], policies, "normal", calendar)).toEqual([]);
    expect(planTimers([clock({ policyId: "gone" })], policies, "normal", calendar)).toEqual([]);
  });
});

describe("diffTimers and applyTimerDiff", () => {
  const planned = planTimers([clock()], policies, "normal", calendar);
  const stored = (stepId: string, state: StoredTimer["state"], dueAt: number): StoredTimer => ({ clockId: "c1", stepId, state, dueAt });

  it("writes what is missing, cancelled or pending at another time, and cancels pending timers no longer planned", () => {
    const before = [stored("reminder", "cancelled", HOUR - 15 * 60_000), stored("level-1", "pending", 2 * HOUR), stored("level-9", "pending", 3 * HOUR)];
    const diff = diffTimers(planned, before);
    expect(diff.write.map((t) => t.stepId)).toEqual(["reminder", "level-1"]);
    expect(diff.cancel.map((t) => t.stepId)).toEqual(["level-9"]);
    expect(applyTimerDiff(before, diff)).toEqual([
      stored("reminder", "pending", HOUR - 15 * 60_000),
      stored("level-1", "pending", HOUR),
      stored("level-9", "cancelled", 3 * HOUR),
    ]);
  });

  it("never plans a fired step again, and leaves timers in step alone", () => {
    const before = [stored("reminder", "fired", HOUR - 15 * 60_000), stored("level-1", "pending", HOUR)];
    expect(diffTimers(planned, before)).toEqual({ write: [], cancel: [] });
  });

  it("after the diff is applied, diffing the same plan again asks for nothing", () => {
    const after = applyTimerDiff([], diffTimers(planned, []));
    expect(diffTimers(planned, after)).toEqual({ write: [], cancel: [] });
  });
});
