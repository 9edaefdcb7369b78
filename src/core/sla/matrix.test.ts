import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../calendar/index.js";
import { dueOf, type SlaClock } from "./clocks.js";
import { planSteps } from "./matrix.js";
import type { EscalationMatrix, MatrixStep } from "./policy.js";

/** Monday to Friday 09:00–18:00 in Paris. */
const PARIS = BusinessCalendar.fromSpec({
  timezone: "Europe/Paris",
  hours: Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((day) => [day, [["09:00", "18:00"]]])),
});
const t = (iso: string) => Date.parse(iso);
const iso = (at: number) => new Date(at).toISOString();

const step = (id: string, extra: Partial<MatrixStep>): MatrixStep => ({
  id,
  kind: "level",
  level: 1,
  offsetMinutes: 0,
  clock: "business",
  recipients: [{ kind: "team_lead" }],
  actions: [{ type: "notify" }],
  ...extra,
});

/** A running first-response clock started Wednesday 25 March 2026 at 17:00 in Paris, two business hours: due Thursday 10:00. */
function clock(extra: Partial<SlaClock> = {}): SlaClock {
  const base: SlaClock = {
    target: "first_response",
    cycle: 1,
    policyId: "p",
    calendarId: "paris",
    startedAt: t("2026-03-25T17:00:00+01:00"),
    budgetSeconds: 7200,
    pauses: [],
    stoppedAt: null,
    state: "running",
    dueAt: null,
    ...extra,
  };
  return { ...base, dueAt: extra.dueAt === undefined ? dueOf(base, PARIS) : extra.dueAt };
}

const plan = (matrix: EscalationMatrix, c = clock(), priority: "normal" | "urgent" = "normal") =>
  planSteps(matrix, c, priority, PARIS).map((p) => [p.step.id, iso(p.dueAt)]);

describe("planSteps", () => {
  it("puts a reminder its business minutes before the due time, across the night", () => {
    expect(plan({ steps: [step("reminder", { kind: "reminder", level: 0, offsetMinutes: 90 })] })).toEqual([["reminder", "2026-03-25T16:30:00.000Z"]]);
  });

  it("puts the levels after the due time, in business or wall-clock minutes as each step says", () => {
    const matrix: EscalationMatrix = {
      steps: [
        step("level-3", { level: 3, offsetMinutes: 600, clock: "wall" }),
        step("level-1", { level: 1, offsetMinutes: 0 }),
        step("level-2", { level: 2, offsetMinutes: 600 }),
      ],
    };
    expect(plan(matrix)).toEqual([
      ["level-1", "2026-03-26T09:00:00.000Z"],
      // Ten wall-clock hours after Thursday 10:00 is Thursday 20:00…
      ["level-3", "2026-03-26T19:00:00.000Z"],
      // …ten business hours is Friday 11:00.
      ["level-2", "2026-03-27T10:00:00.000Z"],
    ]);
  });

  it("starts urgent tickets at a higher level: lower levels are skipped, later ones keep their spacing", () => {
    const matrix: EscalationMatrix = {
      steps: [
        step("level-1", { level: 1, offsetMinutes: 0 }),
        step("level-2", { level: 2, offsetMinutes: 60 }),
        step("level-3", { level: 3, offsetMinutes: 180 }),
      ],
      startLevel: { urgent: 2 },
    };
    expect(plan(matrix, clock(), "urgent")).toEqual([
      ["level-2", "2026-03-26T09:00:00.000Z"],
      ["level-3", "2026-03-26T11:00:00.000Z"],
    ]);
    expect(plan(matrix, clock(), "normal").map(([id]) => id)).toEqual(["level-1", "level-2", "level-3"]);
  });

  it("keeps only the steps that watch the clock's target and the ticket's priority", () => {
    const matrix: EscalationMatrix = {
      steps: [
        step("resolution-only", { targets: ["resolution"] }),
        step("responses", { targets: ["first_response", "next_response"] }),
        step("urgent-only", { priorities: ["urgent"] }),
        step("everything", {}),
      ],
    };
    expect(plan(matrix).map(([id]) => id)).toEqual(["responses", "everything"]);
    expect(plan(matrix, clock(), "urgent").map(([id]) => id)).toEqual(["responses", "urgent-only", "everything"]);
  });

  it("leaves out a reminder that would fall before the clock started", () => {
    const matrix: EscalationMatrix = {
      steps: [
        step("early", { kind: "reminder", level: 0, offsetMinutes: 180 }),
        step("wall", { kind: "reminder", level: 0, offsetMinutes: 60 * 18, clock: "wall" }),
        step("level-1", {}),
      ],
    };
    expect(plan(matrix).map(([id]) => id)).toEqual(["level-1"]);
  });

  it("plans nothing for a paused, met or cancelled clock", () => {
    const matrix: EscalationMatrix = { steps: [step("level-1", {})] };
    for (const state of ["paused", "met", "cancelled"] as const) expect(plan(matrix, clock({ state }))).toEqual([]);
  });

  it("moves the levels by the time paused after the due time", () => {
    const matrix: EscalationMatrix = {
      steps: [step("level-2", { level: 2, offsetMinutes: 60 }), step("wall", { level: 3, offsetMinutes: 120, clock: "wall" })],
    };
    // Due Thursday 10:00; pending from 10:30 to 14:00 after the breach.
    const paused = clock({ pauses: [[t("2026-03-26T10:30:00+01:00"), t("2026-03-26T14:00:00+01:00")]] });
    expect(iso(paused.dueAt as number)).toBe("2026-03-26T09:00:00.000Z");
    expect(plan(matrix, paused)).toEqual([
      ["level-2", "2026-03-26T13:30:00.000Z"],
      ["wall", "2026-03-26T14:30:00.000Z"],
    ]);
  });
});
