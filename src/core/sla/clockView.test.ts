import { describe, expect, it } from "vitest";
import { type ClockTimer, clockView } from "./clockView.js";
import { ALWAYS_OPEN, type SlaClock } from "./clocks.js";

const MIN = 60_000;
const running: SlaClock = {
  target: "resolution",
  cycle: 1,
  policyId: "p",
  calendarId: null,
  startedAt: 0,
  budgetSeconds: 3600,
  pauses: [],
  stoppedAt: null,
  state: "running",
  dueAt: 60 * MIN,
};
const timer = (stepId: string, kind: ClockTimer["kind"], dueAt: number, state: ClockTimer["state"] = "pending"): ClockTimer => ({
  stepId,
  kind,
  level: kind === "level" ? 1 : 0,
  dueAt: new Date(dueAt),
  state,
  firedAt: null,
  lagMs: null,
});
const view = (clock: SlaClock, at: number, timers: ClockTimer[] = []) => clockView(clock, "Standard", timers, ALWAYS_OPEN, at);

describe("clockView", () => {
  it("splits the budget into elapsed and remaining business time", () => {
    const shown = view(running, 20 * MIN);
    expect(shown.elapsedSeconds + shown.remainingSeconds).toBe(running.budgetSeconds);
    expect(shown).toMatchObject({ policyName: "Standard", breached: false, lateBySeconds: null, warning: false, warningAt: null });
  });

  it("enters its warning at its earliest reminder not cancelled, and leaves it once breached", () => {
    const timers = [timer("early", "reminder", 30 * MIN, "cancelled"), timer("late", "reminder", 45 * MIN), timer("level", "level", 60 * MIN)];
    expect(view(running, 40 * MIN, timers)).toMatchObject({ warning: false, warningAt: new Date(45 * MIN) });
    expect(view(running, 50 * MIN, timers).warning).toBe(true);
    const breached = view(running, 70 * MIN, timers);
    expect(breached).toMatchObject({ warning: false, breached: true, remainingSeconds: 0 });
    expect(breached.lateBySeconds).toBe(breached.elapsedSeconds - running.budgetSeconds);
  });

  it("stops counting at a stop: a clock met in time is neither late nor in warning", () => {
    const met: SlaClock = { ...running, state: "met", stoppedAt: 30 * MIN };
    const later = view(met, 90 * MIN, [timer("reminder", "reminder", 45 * MIN)]);
    expect(later).toMatchObject({ breached: false, lateBySeconds: null, warning: false, stoppedAt: new Date(30 * MIN) });
    expect(later.elapsedSeconds).toBe(view(met, 30 * MIN).elapsedSeconds);
  });
});
