import { describe, expect, it } from "vitest";
import type { EscalationMatrix, MatrixStep } from "./policy.js";
import { checkPolicy, PolicyValidationError, policyProblems } from "./policyValidation.js";

const step = (id: string, extra: Partial<MatrixStep> = {}): MatrixStep => ({
  id,
  kind: "level",
  level: 1,
  offsetMinutes: 0,
  clock: "business",
  recipients: [{ kind: "team_lead" }],
  actions: [],
  ...extra,
});

describe("policy validation", () => {
  it("finds nothing wrong with a well-formed policy", () => {
    const matrix: EscalationMatrix = { steps: [step("reminder", { kind: "reminder", level: 0 }), step("level-1")], startLevel: { urgent: 1 } };
    expect(policyProblems({ conditions: { all: [{ field: "priority", op: "in", value: ["high", "urgent"] }] }, matrix })).toEqual([]);
    expect(() => checkPolicy({ matrix })).not.toThrow();
  });

  it("names every problem by its path, with a code a reader's language can render", () => {
    const problems = policyProblems({
      conditions: { any: [{ field: "channel", op: "is", value: "pigeon" }] },
      matrix: {
        steps: [step("a"), step("a", { kind: "reminder", level: 2 }), step("b", { actions: [{ type: "webhook", url: "ftp://x", secret: "short" } as never] })],
      },
    });
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ["conditions.any[0].value", "not_in_vocabulary"],
      ["matrix.steps[1].id", "duplicate_step_id"],
      ["matrix.steps[1].level", "reminder_level_not_zero"],
      ["matrix.steps[2].actions[0].url", "not_http_url"],
      ["matrix.steps[2].actions[0].secret", "secret_too_short"],
    ]);
    expect(problems[1]?.params).toEqual({ id: "a", step: 0 });
  });

  it("throws one PolicyValidationError carrying the problems, its message listing each with its path", () => {
    const matrix: EscalationMatrix = { steps: [step("l", { level: 0 })], startLevel: { high: 3 } };
    const error = (() => {
      try {
        checkPolicy({ matrix });
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(PolicyValidationError);
    const { problems, message } = error as PolicyValidationError;
    expect(problems.map((p) => p.code)).toEqual(["level_below_one", "start_level_missing"]);
    expect(message).toBe(problems.map((p) => `${p.path}: ${p.message}`).join("; "));
  });
});
